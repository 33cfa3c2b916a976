import { Miniflare } from 'miniflare'
import { join } from 'node:path'
const runs = 9
const specs = JSON.parse(process.argv[2])
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const res = specs.map(() => ({ r: [], f: [] }))
for (let i = 0; i < runs + 1; i++) for (const [k, [dir, script, path]] of specs.entries()) {
  const t0 = performance.now()
  const mf = new Miniflare({ modules: true, scriptPath: join(dir, script), modulesRoot: dir, modulesRules: [{ type: 'Text', include: ['**/*.txt', '**/*.css'] }], compatibilityDate: '2026-04-21' })
  await mf.ready
  const t1 = performance.now()
  const r = await mf.dispatchFetch('http://localhost' + path); await r.arrayBuffer()
  const t2 = performance.now()
  await mf.dispose()
  if (i) { res[k].r.push(t1 - t0); res[k].f.push(t2 - t1) }
}
for (const [k, s] of specs.entries()) console.log(s[0].split('/').pop(), s[2], 'ready', median(res[k].r).toFixed(1), 'first', median(res[k].f).toFixed(1))
