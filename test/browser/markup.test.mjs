// Valid HTML, by the Nu HTML Checker (vnu-jar, on Debian's Java): our pages in every variant and
// language, and a publisher's page carrying each snippet exactly as the snippet builder writes it.
// One JVM run checks every document (the JVM is slow to start).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import vnuJar from 'vnu-jar'
import { startWorker } from './harness.mjs'

let worker, dir

before(async () => {
  worker = await startWorker()
  dir = await mkdtemp(join(tmpdir(), 'vnu-'))
})
after(async () => {
  worker?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const CONTAINER_QUERIES = /^CSS: (“container-type”: Property “container-type” doesn't exist|Unrecognized at-rule “@container”)\.?$/
const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' }
const unescape = (s) => s.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
const hostPage = (lang, snippet) =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>A publisher's article</title></head>` +
  `<body><main><h1>A publisher's article</h1><p>Text before the embed.</p>\n${snippet}\n<p>Text after it.</p></main></body></html>\n`

test('the Nu HTML Checker finds no error in our pages or in a page carrying each snippet', async () => {
  const openapi = await (await fetch(`${worker.origin}/openapi.json`)).json()
  const langs = openapi.components.schemas.Card.properties.lang.enum
  const variants = openapi.components.schemas.Card.properties.variant.enum
  const docs = new Map()
  const page = async (path) => {
    const res = await fetch(worker.origin + path)
    assert.equal(res.status, 200, path)
    docs.set(path, await res.text())
  }
  for (const lang of langs) {
    // The page in each language (hl), its builder on the card of that language.
    await page(`/?hl=${lang}`)
    await page(`/source?hl=${lang}`)
    for (const variant of variants) {
      await page(`/card?lang=${lang}&variant=${variant}`)
      // The snippets as the publisher page writes them for this card.
      const home = await (await fetch(`${worker.origin}/?lang=${lang}&variant=${variant}`)).text()
      for (const [, id, text] of home.matchAll(/<textarea id="snip-(script|iframe|pinned)"[^>]*>([^]*?)<\/textarea>/g)) {
        docs.set(`host page with the ${id} snippet, ${variant} ${lang}`, hostPage(lang, unescape(text)))
      }
    }
  }
  assert.equal([...docs.keys()].filter((k) => k.startsWith('host page')).length, langs.length * variants.length * 3)

  const files = new Map()
  for (const [name, html] of docs) {
    const file = join(dir, `${files.size}.html`)
    await writeFile(file, html)
    files.set(`file:${file}`, name)
  }
  const report = await new Promise((resolve, reject) =>
    execFile('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', ...[...files.keys()].map((u) => u.slice(5))], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      // vnu exits 1 when it finds errors, and reports in JSON on stderr either way.
      try {
        resolve(JSON.parse(stderr))
      } catch {
        reject(error ?? new Error(stderr))
      }
    }),
  )
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    // The checker's CSS grammar predates CSS Containment 3 (container queries, in every engine we
    // test since 2023): its word on exactly those is not an error in our pages.
    .filter((m) => !CONTAINER_QUERIES.test(m.message))
    .map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine}: ${m.message}`)
  assert.deepEqual(errors, [], `${files.size} documents checked`)
})
