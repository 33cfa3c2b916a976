// node bench/signing.mjs: the CPU time signing adds to an answer (src/lib/signature.ts): the same
// requests through the API with its signatures (src/routes/api.ts `api`) and without (`apiRoutes`),
// in one process, alternating, each answer already built (as in an isolate after the first request,
// src/lib/cache.ts), so the difference is the digest, the Ed25519 signature and the headers.
// Node's WebCrypto (OpenSSL) stands in for workerd's (BoringSSL): the same operations, not the same
// runtime. Bounded: ROUNDS × REQUESTS per route and app. Prints a table; writes nothing.
import { importSource } from '../scripts/import-source.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const PATHS = ['/v1/facts/cash-reserve?lang=en', '/v1/card?lang=en&variant=compact', '/v1/card?lang=zh-CN&variant=full', '/v1/facts?lang=en', '/v1/source']
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const { api, apiRoutes } = await importSource("export { api, apiRoutes } from './src/routes/api'")
const env = {} // no SIGNING_KEY: a throwaway key, the same Ed25519 work as a real one
const fetchAll = async (app, path, n) => {
  for (let i = 0; i < n; i++) await (await app.fetch(new Request(`https://bench.example${path}`), env)).arrayBuffer()
}
/** CPU microseconds (user + system) per request of `path` through `app`. */
async function cpuPerRequest(app, path) {
  const start = process.cpuUsage()
  await fetchAll(app, path, REQUESTS)
  const { user, system } = process.cpuUsage(start)
  return (user + system) / REQUESTS
}

const rows = []
for (const path of PATHS) {
  const bytes = (await (await api.fetch(new Request(`https://bench.example${path}`), env)).arrayBuffer()).byteLength
  await fetchAll(apiRoutes, path, 50) // warm: the answer built, the key made, the JIT settled
  await fetchAll(api, path, 50)
  const unsigned = []
  const signed = []
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = round % 2 ? [[api, signed], [apiRoutes, unsigned]] : [[apiRoutes, unsigned], [api, signed]]
    for (const [app, into] of order) into.push(await cpuPerRequest(app, path))
  }
  const [u, s] = [median(unsigned), median(signed)]
  rows.push({ path, bytes, unsigned: u, signed: s, added: s - u })
}

const µs = (x) => `${Math.round(x)} µs`
console.log(`CPU per request, median of ${ROUNDS} rounds × ${REQUESTS} requests (Node ${process.version}, WebCrypto Ed25519)\n`)
console.log('| request | body | unsigned (baseline) | signed | signing adds |')
console.log('| --- | --- | --- | --- | --- |')
for (const r of rows) console.log(`| GET ${r.path} | ${r.bytes} B | ${µs(r.unsigned)} | ${µs(r.signed)} | ${µs(r.added)} (×${(r.signed / r.unsigned).toFixed(2)}) |`)
