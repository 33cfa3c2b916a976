// The worker's weight at the edge, each figure beside a bare Hono worker's measured the same way:
// - upload size, as `wrangler deploy --dry-run` reports it;
// - cold start: Miniflare starts the built worker, then we ask it for its first response.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

/** Bundles a worker as it would be uploaded; returns its files and the reported size. */
export function dryRun(config, outdir) {
  const out = execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '-c', config, '--outdir', outdir], {
    encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
  const [, raw, gzip] = out.match(/Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/)
  return { outdir, rawKiB: Number(raw), gzipKiB: Number(gzip) }
}

// The bundle is named after the entry point (index.js, worker.js).
async function scriptIn(outdir) {
  return join(outdir, (await readdir(outdir)).find((f) => f.endsWith('.js')))
}

/** Miniflare from nothing to the first response of `path`: [ready ms, first response ms]. */
async function coldStartOnce(outdir, path, assets) {
  const scriptPath = await scriptIn(outdir)
  const started = performance.now()
  const mf = new Miniflare({
    name: 'worker',
    modules: true,
    scriptPath,
    modulesRoot: outdir,
    // The source text and stylesheet are uploaded as text modules beside the script.
    modulesRules: [{ type: 'Text', include: ['**/*.txt', '**/*.css'] }],
    compatibilityDate: '2026-04-21',
    // The static assets, whose data the worker reads through ASSETS on its first request.
    ...(assets && { assets: { directory: assets, binding: 'ASSETS', workerName: 'worker', routerConfig: { has_user_worker: true } } }),
  })
  try {
    await mf.ready
    const ready = performance.now()
    const res = await mf.dispatchFetch(`http://localhost${path}`)
    if (!res.ok) throw new Error(`${path}: ${res.status}`)
    await res.arrayBuffer()
    return [ready - started, performance.now() - ready]
  } finally {
    await mf.dispose()
  }
}

/** Both workers' sizes, and their cold starts in turn, `runs` each (median). */
export async function measureEdge({ runs = 7 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaomi-ev-card-bench-'))
  const workers = {
    app: { ...dryRun('wrangler.toml', join(dir, 'app')), path: '/v1/card?lang=en', assets: 'dist/public' },
    // The same static assets beside it (unread): Miniflare's asset router and worker start for both.
    baseline: { ...dryRun('bench/baseline/wrangler.toml', join(dir, 'baseline')), path: '/', assets: 'dist/public' },
  }
  const samples = { app: [], baseline: [] }
  // Two unmeasured starts each: the first workerd launches also pay for loading the binary.
  for (let i = 0; i < 2; i++) for (const w of Object.values(workers)) await coldStartOnce(w.outdir, w.path, w.assets)
  for (let i = 0; i < runs; i++) for (const [name, w] of Object.entries(workers)) samples[name].push(await coldStartOnce(w.outdir, w.path, w.assets))
  const result = {}
  for (const [name, w] of Object.entries(workers)) {
    const total = samples[name].map(([r, f]) => r + f)
    result[name] = {
      path: w.path, rawKiB: w.rawKiB, gzipKiB: w.gzipKiB,
      coldStart: { medianMs: round(median(total)), readyMs: round(median(samples[name].map(([r]) => r))), firstMs: round(median(samples[name].map(([, f]) => f))), runsMs: total.map((t) => round(t)) },
    }
  }
  result.app.coldStart.ratio = round(result.app.coldStart.medianMs / result.baseline.coldStart.medianMs, 2)
  return { runs, ...result }
}
