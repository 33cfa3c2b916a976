import { Miniflare } from 'miniflare'
import { join } from 'node:path'
const [dir, script, path, runs = 5] = process.argv.slice(2)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const r = [], f = []
for (let i = 0; i < Number(runs) + 1; i++) {
  const t0 = performance.now()
  const mf = new Miniflare({ modules: true, scriptPath: join(dir, script), modulesRoot: dir, modulesRules: [{ type: 'Text', include: ['**/*.txt', '**/*.css'] }], compatibilityDate: '2026-04-21' })
  await mf.ready
  const t1 = performance.now()
  const res = await mf.dispatchFetch('http://localhost' + path); await res.arrayBuffer()
  const t2 = performance.now()
  await mf.dispose()
  if (i) { r.push(t1 - t0); f.push(t2 - t1) }
}
console.log(dir.split('/').pop(), path, 'ready', median(r).toFixed(1), 'first', median(f).toFixed(1))
