// The API's cost per request under `wrangler dev`, each route beside its own floor: a constant Hono
// worker (bench/baseline/replay.ts) that sends the answer the app sent for the same URL, its body
// and every header byte for byte (the signature, digest, ETag, CORS and cache headers included),
// and does nothing else. The loads take turns, app and floor, so a busy spell on a shared machine
// falls on both alike. Every load is bounded: `seconds` each, 10 connections, 127.0.0.1 only.
import { request } from 'node:http'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { startWorker } from '../test/browser/harness.mjs'

/** The URLs measured: what the script embed asks for, and the longest list. */
export const API_ROUTES = { '/v1/card': '/v1/card?lang=en', '/v1/facts': '/v1/facts?lang=zh-CN' }
// What the runtime sets on every answer by itself, not a header the worker sends.
const TRANSPORT = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'])

const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** One GET as autocannon sends it (no Accept-Encoding, nothing else): status, headers, body as sent. */
const record = (url) =>
  new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks = []
      res.on('data', (d) => chunks.push(d))
      res.on('error', reject)
      res.on('end', () => {
        const headers = {}
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          if (!TRANSPORT.has(res.rawHeaders[i].toLowerCase())) headers[res.rawHeaders[i]] = res.rawHeaders[i + 1]
        resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') })
      })
    })
      .on('error', reject)
      .end()
  })

/** The replay worker under `wrangler dev`, deployed as the app is: the app's own wrangler.toml (its
 *  static assets, which route every request before the worker runs, its cache and compatibility
 *  settings), with the replay as `main`, the recorded answers as a variable, and no build step. */
async function startReplay(answers) {
  const dir = await mkdtemp(join(tmpdir(), 'xiaomi-ev-card-replay-'))
  const root = fileURLToPath(new URL('..', import.meta.url))
  const config = join(dir, 'wrangler.toml')
  const toml = (await readFile(join(root, 'wrangler.toml'), 'utf8'))
    .replace(/^\[build\][^]*?(?=^\[|(?![^]))/m, '')
    .replace(/^name = .*$/m, 'name = "xiaomi-ev-card-replay"')
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(root, 'bench/baseline/replay.ts'))}`)
    .replace(/^directory = "(.*)"$/m, (_, d) => `directory = ${JSON.stringify(resolve(root, d))}`)
  // A JSON string is a TOML basic string.
  await writeFile(config, `${toml}\n[vars]\nANSWERS = ${JSON.stringify(JSON.stringify(answers))}\n`)
  const worker = await startWorker({ config, ready: '/ok' })
  return { ...worker, stop: () => (worker.stop(), rm(dir, { recursive: true, force: true })) }
}

// Beside req/s, the CPU time of the workerd that runs each worker: its own cost per request (its
// runtime's HTTP included, wrangler's proxy and the load generator not), which a busy machine
// moves less than req/s, though contention still inflates it. Linux only (/proc); else empty.
const procs = () =>
  readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return [{ pid, ppid: stat[1], cpu: Number(stat[11]) + Number(stat[12]), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') }]
    } catch {
      return []
    }
  })
/** The workerd processes under the `wrangler dev` listening on `origin`'s port. */
function workerdOf(origin) {
  const all = procs()
  const port = new URL(origin).port
  const tree = new Set(all.filter((p) => p.cmd.includes('wrangler') && p.cmd.includes(`--port\0${port}\0`)).map((p) => p.pid))
  for (let grew = true; grew; ) {
    grew = false
    for (const p of all) if (tree.has(p.ppid) && !tree.has(p.pid)) grew = !!tree.add(p.pid)
  }
  return all.filter((p) => tree.has(p.pid) && p.cmd.includes('workerd')).map((p) => p.pid)
}
/** CPU time of `pids` so far, in clock ticks (1/100 s). */
const cpuTicks = (pids) => procs().filter((p) => pids.includes(p.pid)).reduce((n, p) => n + p.cpu, 0)

const load = async (url, seconds, workerd = []) => {
  const before = cpuTicks(workerd)
  const r = await autocannon({ url, connections: 10, duration: seconds })
  return { ...r, cpuUs: workerd.length ? ((cpuTicks(workerd) - before) * 1e4) / r.requests.total : undefined }
}

/**
 * Each route of the app (`origin`) and its replay, in turn for `rounds` rounds of `seconds` each.
 * Throughput is the mean of the rounds', latency the median p50 and the worst p99, CPU the median;
 * the ratio is app ÷ replay.
 */
export async function apiBench({ origin, seconds = 5, rounds = 3 }) {
  const answers = {}
  for (const [route, path] of Object.entries(API_ROUTES)) answers[route] = await record(`${origin}${path}`)
  const replay = await startReplay(answers)
  try {
    // The floor must send what the app sent: the same status, body and headers, or it measures nothing.
    for (const [route, path] of Object.entries(API_ROUTES)) {
      const got = await record(`${replay.origin}${path}`)
      if (JSON.stringify(got) != JSON.stringify(answers[route])) throw new Error(`the replay of ${route} differs from the app's answer:\n${JSON.stringify(got)}\n${JSON.stringify(answers[route])}`)
    }
    const [appd, replayd] = [workerdOf(origin), workerdOf(replay.origin)]
    const loads = Object.entries(API_ROUTES).flatMap(([route, path]) => [
      { key: route, url: `${origin}${path}`, workerd: appd },
      { key: `replay ${route}`, url: `${replay.origin}${path}`, workerd: replayd },
    ])
    // One unmeasured second each, so no figure includes a cold path's first requests.
    for (const { url } of loads) await load(url, 1)
    const seen = Object.fromEntries(loads.map(({ key }) => [key, []]))
    for (let i = 0; i < rounds; i++)
      // Every other round backwards, so neither side of a pair always runs second.
      for (const { key, url, workerd } of i % 2 ? [...loads].reverse() : loads) seen[key].push(await load(url, seconds, workerd))
    const summary = (runs) => ({
      rps: round(runs.reduce((n, r) => n + r.requests.average, 0) / runs.length),
      roundsRps: runs.map((r) => round(r.requests.average)),
      p50: median(runs.map((r) => r.latency.p50)),
      p99: Math.max(...runs.map((r) => r.latency.p99)),
      errors: runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
      cpuUs: runs[0].cpuUs === undefined ? undefined : round(median(runs.map((r) => r.cpuUs))),
    })
    const api = { seconds, rounds, bytes: {} }
    for (const route of Object.keys(API_ROUTES)) {
      const app = summary(seen[route])
      const floor = summary(seen[`replay ${route}`])
      // Each round's pair ran within seconds of each other: the median of their ratios cancels most drift.
      const paired = round(median(seen[route].map((r, i) => r.requests.average / seen[`replay ${route}`][i].requests.average)), 2)
      api[route] = { ...app, url: API_ROUTES[route], ratio: round(app.rps / floor.rps, 2), pairedRatio: paired, replay: floor }
      api.bytes[route] = Buffer.byteLength(answers[route].body) + Object.entries(answers[route].headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0)
    }
    return api
  } finally {
    await replay.stop()
  }
}

/** The API's rows, for the bench's tables. */
export function apiTable(api) {
  const row = (label, r, vs, paired) =>
    `| ${label} | ${r.rps} (rounds ${r.roundsRps.join(', ')}) | ${vs} | ${paired} | ${r.cpuUs ?? '–'} µs | ${r.p50} ms | ${r.p99} ms | ${r.errors} |`
  return [
    `| API (autocannon, 10 connections, ${api.rounds} × ${api.seconds} s each, in turn, wrangler dev) | req/s | × its replay | × replay, paired by round | workerd CPU per request | p50 | p99 | errors |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.keys(API_ROUTES).flatMap((route) => [
      row(`GET ${api[route].url}`, api[route], `×${api[route].ratio}`, `×${api[route].pairedRatio}`),
      row(`its replay: a constant Hono worker, the same body and headers (${api.bytes[route]} B)`, api[route].replay, '×1', '×1'),
    ]),
  ].join('\n')
}
