// node bench/signing.mjs: the CPU time signing adds to an answer (src/lib/signature.ts): the same
// requests through the API with its signatures (src/routes/api.ts `api`) and without (`apiRoutes`),
// in one process, alternating, each answer already built (as in an isolate after the first request,
// src/lib/cache.ts), so the difference is the digest, the Ed25519 signature and the headers. Twice:
// as an isolate signs most answers (the signature of the same answer reused, within
// SIGNATURE_REUSE_SECONDS), and each signature made anew (the clock moved past that window on
// every request), what the first request for an answer in each window costs.
// Node's WebCrypto (OpenSSL) stands in for workerd's (BoringSSL): the same operations, not the same
// runtime. Bounded: ROUNDS × REQUESTS per route and app. Prints a table; writes nothing.
import { useBuiltStaticData } from '../scripts/built-static-data.mjs'
import { importSource } from '../scripts/import-source.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const PATHS = ['/v1/facts/cash-reserve?lang=en', '/v1/card?lang=en&variant=compact', '/v1/card?lang=zh-CN&variant=full', '/v1/facts?lang=en', '/v1/source']
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const m = await importSource(
  "export { api, apiRoutes } from './src/routes/api'; export { STATIC_DATA, useStaticData } from './src/lib/static-data'; export { SIGNATURE_REUSE_SECONDS } from './src/lib/signature'",
)
const { api, apiRoutes, SIGNATURE_REUSE_SECONDS } = m
await useBuiltStaticData(m)
// Moves Date.now() on by the reuse window at every call while `fresh` is set: every signature is made anew.
const realNow = Date.now
let fresh = false
let skew = 0
Date.now = () => (fresh ? (skew += SIGNATURE_REUSE_SECONDS * 1000) : skew) + realNow()
const env = {} // no SIGNING_KEY: a throwaway key, the same Ed25519 work as a real one
const fetchAll = async (app, path, n) => {
  for (let i = 0; i < n; i++) await (await app.fetch(new Request(`https://bench.example${path}`), env)).arrayBuffer()
}
/** CPU microseconds (user + system) per request of `path` through `app`. */
async function cpuPerRequest(app, path, anew = false) {
  fresh = anew
  const start = process.cpuUsage()
  await fetchAll(app, path, REQUESTS)
  const { user, system } = process.cpuUsage(start)
  fresh = false
  return (user + system) / REQUESTS
}

const rows = []
for (const path of PATHS) {
  const bytes = (await (await api.fetch(new Request(`https://bench.example${path}`), env)).arrayBuffer()).byteLength
  await fetchAll(apiRoutes, path, 50) // warm: the answer built, the key made, the JIT settled
  await fetchAll(api, path, 50)
  const unsigned = []
  const signed = []
  const anew = []
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which goes first, so none always runs on a warmer machine.
    const runs = [[apiRoutes, unsigned, false], [api, signed, false], [api, anew, true]]
    for (let i = 0; i < runs.length; i++) {
      const [app, into, fresh] = runs[(i + round) % runs.length]
      into.push(await cpuPerRequest(app, path, fresh))
    }
  }
  rows.push({ path, bytes, unsigned: median(unsigned), signed: median(signed), anew: median(anew) })
}

const µs = (x) => `${Math.round(x)} µs`
console.log(`CPU per request, median of ${ROUNDS} rounds × ${REQUESTS} requests (Node ${process.version}, WebCrypto Ed25519)\n`)
console.log(`| request | body | unsigned (baseline) | signed, reused within ${SIGNATURE_REUSE_SECONDS} s | adds | each signature made anew | adds |`)
console.log('| --- | --- | --- | --- | --- | --- | --- |')
const adds = (x, base) => `${µs(x - base)} (×${(x / base).toFixed(2)})`
for (const r of rows) console.log(`| GET ${r.path} | ${r.bytes} B | ${µs(r.unsigned)} | ${µs(r.signed)} | ${adds(r.signed, r.unsigned)} | ${µs(r.anew)} | ${adds(r.anew, r.unsigned)} |`)
