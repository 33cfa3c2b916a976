// The isolate's memory under junk traffic: 10,000 distinct URLs that each route must answer
// (unknown parameters, bad values, unknown paths), the JS heap read over V8's inspector
// between batches. An in-isolate cache keyed by the raw URL grows with them; one keyed by the
// canonical request stays flat. Run alone: `node bench/memory.mjs [count]`.
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Miniflare } from 'miniflare'
import WebSocket from 'ws'
import { dryRun } from './coldstart.mjs'

const MiB = 1024 * 1024
const round = (x) => Math.round(x * 10) / 10

/** One request per junk URL: the routes that ignore unknown parameters, and the ones that refuse them. */
const junk = (i) =>
  [
    `/?utm_source=${i}`,
    `/openapi.json?x=${i}`,
    `/card?lang=en&ref=${i}`,
    `/v1/card?lang=en&x=${i}`,
    `/card.png?variant=compact&cb=${i}`,
    `/oembed?url=${encodeURIComponent(`https://xiaomi-ev-card.example/card?lang=en&n=${i}`)}`,
    `/nothing-${i}`,
  ][i % 7]

/** A CDP session on the worker's isolate. */
async function inspect(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json()
  const ws = new WebSocket(targets.find((t) => t.id == 'core:user:app').webSocketDebuggerUrl)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let id = 0
  const pending = new Map()
  ws.on('message', (data) => {
    const msg = JSON.parse(data)
    pending.get(msg.id)?.(msg.result)
    pending.delete(msg.id)
  })
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++id, resolve)
      ws.send(JSON.stringify({ id, method, params }))
    })
  return { send, close: () => ws.close() }
}

export async function measureMemory({ count = 10_000, batch = 500, config = 'wrangler.toml' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaomi-ev-card-memory-'))
  const { outdir } = dryRun(config, join(dir, 'app'))
  const scriptPath = join(outdir, (await readdir(outdir)).find((f) => f.endsWith('.js')))
  const inspectorPort = 9300 + Math.floor(Math.random() * 500)
  const mf = new Miniflare({
    inspectorPort,
    workers: [
      {
        name: 'app', modules: true, scriptPath, modulesRoot: outdir, compatibilityDate: '2026-04-28',
        modulesRules: [{ type: 'Text', include: ['**/*.txt', '**/*.css'] }],
      },
    ],
  })
  try {
    await mf.ready
    const cdp = await inspect(inspectorPort)
    // The JS heap and the ArrayBuffers' backing stores outside it (a kept response body is one).
    const heap = async () => {
      const { usedSize, backingStorageSize } = await cdp.send('Runtime.getHeapUsage')
      return usedSize + backingStorageSize
    }
    await cdp.send('Runtime.enable')
    await cdp.send('HeapProfiler.enable')
    // workerd answers collectGarbage only once a later message arrives: the heap read is that message.
    cdp.send('HeapProfiler.collectGarbage')
    const start = await heap()
    let peak = start
    const statuses = {}
    for (let i = 0; i < count; i += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, count - i) }, async (_, j) => {
          const res = await mf.dispatchFetch(`http://localhost${junk(i + j)}`, { redirect: 'manual' })
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          await res.arrayBuffer()
        }),
      )
      peak = Math.max(peak, await heap())
    }
    // workerd answers collectGarbage only once a later message arrives: the heap read is that message.
    cdp.send('HeapProfiler.collectGarbage')
    const retained = await heap()
    cdp.close()
    return { count, startMiB: round(start / MiB), peakMiB: round(peak / MiB), retainedMiB: round(retained / MiB), statuses }
  } finally {
    await mf.dispose()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 10_000)
  // Beside a bare Hono worker (bench/baseline) fed the same URLs, measured the same way.
  for (const [name, config] of [['app', 'wrangler.toml'], ['bare Hono', 'bench/baseline/wrangler.toml']]) {
    const r = await measureMemory({ count, config })
    console.log(`${name}: ${r.count} junk URLs, isolate memory (JS heap + ArrayBuffers) ${r.startMiB} MiB at start, peak ${r.peakMiB} MiB, ${r.retainedMiB} MiB retained after GC; statuses ${JSON.stringify(r.statuses)}`)
  }
}
