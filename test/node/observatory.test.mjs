// The MDN HTTP Observatory's own scanner (@mdn/mdn-http-observatory) on the worker over HTTPS, as
// Cloudflare serves it: a loopback TLS proxy with a throwaway CA (test/node/tls-proxy.mjs) in front
// of `wrangler dev`. The pages must grade A+, and so must the API: no test of the scanner's applies
// to JSON only, so the best an API response can have is the top of the chart, A+, too.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { startWorker } from '../browser/harness.mjs'
import { startTlsProxy } from './tls-proxy.mjs'

const run = promisify(execFile)
const observatory = dirname(createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory/package.json'))
const { GRADE_CHART } = await import(join(observatory, 'src/grader/charts.js'))
const BEST = GRADE_CHART.get(Math.max(...GRADE_CHART.keys()))
const PATHS = ['/', '/card', '/source', '/v1/card']

let worker, tls
before(async () => {
  // The package's install script downloads Chromium's HSTS preload list (allowScripts: false, as
  // nothing but the npm registry is reachable here); 127.0.0.1 is on no such list, so an empty one is exact.
  const preload = join(observatory, 'conf/hsts-preload.json')
  if (!existsSync(preload)) writeFileSync(preload, '{}\n')
  worker = await startWorker()
  tls = await startTlsProxy(worker.origin)
})
after(async () => {
  await tls?.stop()
  worker?.stop()
})

/** The scanner's CLI on one URL (it takes a host; a port and path ride along), trusting our CA alone. */
async function scan(path) {
  const { stdout } = await run(process.execPath, [join(observatory, 'src/scan.js'), tls.host + path], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.ca },
    timeout: 120_000,
  }).catch((e) => e)
  const result = JSON.parse(stdout)
  if (result.error) throw new Error(`${path}: ${result.error}`)
  return result
}

describe('MDN HTTP Observatory', () => {
  for (const path of PATHS) {
    it(`${path}: ${BEST}`, async () => {
      const { scan: s, tests } = await scan(path)
      const failed = Object.entries(tests).filter(([, t]) => !t.pass).map(([name, t]) => `${name}: ${t.result}`)
      console.log(`# ${path}: ${s.grade} (${s.score}), ${s.testsPassed}/${s.testsQuantity} tests passed`)
      assert.deepEqual(failed, [], path)
      assert.equal(s.grade, BEST, `${path} scored ${s.score}`)
      // Only a verified certificate earns HSTS credit: the scan ran over TLS it trusted (our CA).
      assert.equal(tests['strict-transport-security'].result, 'hsts-implemented-max-age-at-least-six-months')
    })
  }
})
