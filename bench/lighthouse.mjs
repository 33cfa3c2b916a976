// Lighthouse (12.2.3, its default mobile profile with simulated throttling) on a publisher's
// article three ways: without an embed, with the script embed, with the iframe embed, each
// snippet exactly as our publisher page writes it. Budget: an embed may cost at most 2
// performance points and no accessibility points. Median of LH_RUNS runs per page.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, startHost } from '../test/browser/harness.mjs'

const RUNS = Number(process.env.LH_RUNS ?? 3)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const KINDS = ['none', 'script', 'iframe']

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' }
const unescape = (s) => s.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
const paragraph = (i) =>
  `<p>Paragraph ${i} of the publisher's own reporting on the carmaker's plans, long enough to read like an article and to push the page past one screen on a phone.</p>`
export const article = (embed) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xiaomi goes electric: a publisher's article</title><meta name="description" content="A host article for the benchmark.">
<style>body{margin:0 auto;max-width:680px;padding:16px;font:17px/1.6 Georgia,serif;color:#222}</style></head>
<body><header><p>The Example Times</p></header><main><article><h1>Xiaomi goes electric</h1>
${[1, 2].map(paragraph).join('\n')}
${embed}
${[3, 4, 5, 6].map(paragraph).join('\n')}
</article></main><footer><p>© The Example Times</p></footer></body></html>`

async function startChromium() {
  const dir = await mkdtemp(join(tmpdir(), 'lh-'))
  const child = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${dir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] })
  const port = await new Promise((resolve, reject) => {
    let err = ''
    child.stderr.on('data', (d) => {
      err += d
      const m = err.match(/DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) resolve(Number(m[1]))
    })
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${err}`)))
    setTimeout(() => reject(new Error('chromium did not start in 30 s')), 30_000)
  })
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Runs Lighthouse on the three host pages; returns the medians per page and the budget's verdict. */
/** The snippets as the publisher's page at / writes them for the default compact card, verbatim. */
export async function publishedSnippets(appOrigin) {
  const home = await (await fetch(`${appOrigin}/?lang=en&variant=compact`)).text()
  return (id) => unescape(home.match(new RegExp(`<textarea id="snip-${id}"[^>]*>([^]*?)</textarea>`))[1])
}

export async function lighthouseBench(appOrigin) {
  const snippet = await publishedSnippets(appOrigin)
  const host = await startHost({ '/none': article(''), '/script': article(snippet('script')), '/iframe': article(snippet('iframe')) })
  const chromium = await startChromium()
  const results = { runs: RUNS, version: '', pages: {} }
  try {
    for (const kind of KINDS) {
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        const { lhr } = await lighthouse(`${host.origin}/${kind}`, {
          port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
        })
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${kind}: ${lhr.runtimeError.message}`)
        results.version = lhr.lighthouseVersion
        runs.push({
          performance: Math.round(lhr.categories.performance.score * 100),
          tbt: Math.round(lhr.audits['total-blocking-time'].numericValue),
          cls: Math.round(lhr.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          failedA11y: lhr.categories.accessibility.auditRefs.filter((r) => lhr.audits[r.id].score === 0).map((r) => r.id),
        })
      }
      const pick = (k) => median(runs.map((r) => r[k]))
      results.pages[kind] = { performance: pick('performance'), tbt: pick('tbt'), cls: pick('cls'), accessibility: pick('accessibility'), failedA11y: [...new Set(runs.flatMap((r) => r.failedA11y))], runs }
    }
  } finally {
    await chromium.stop()
    await host.stop()
  }
  const none = results.pages.none
  for (const kind of ['script', 'iframe']) {
    const p = results.pages[kind]
    p.withinBudget = none.performance - p.performance <= 2 && p.accessibility >= none.accessibility
  }
  return results
}

export function lighthouseTable(lh) {
  const row = (label, p, budget) =>
    `| ${label} | ${p.performance} | ${p.tbt} ms | ${p.cls} | ${p.accessibility} | ${budget} |`
  const verdict = (p) => (p.withinBudget ? 'within' : '**over**')
  return `| Lighthouse ${lh.version}, mobile, median of ${lh.runs} | Performance | TBT | CLS | Accessibility | Budget (≤ 2 perf. points, 0 a11y) |
| --- | --- | --- | --- | --- | --- |
${row('Host article, no embed', lh.pages.none, '–')}
${row('with the script embed', lh.pages.script, verdict(lh.pages.script))}
${row('with the iframe embed', lh.pages.iframe, verdict(lh.pages.iframe))}`
}

// Alone: node bench/lighthouse.mjs http://127.0.0.1:8787 (a running `npm run dev`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const lh = await lighthouseBench(process.argv[2] ?? 'http://127.0.0.1:8787')
  console.log(lighthouseTable(lh))
  for (const [kind, p] of Object.entries(lh.pages)) if (p.failedA11y.length) console.log(`${kind}: failed ${p.failedA11y.join(', ')}`)
}
