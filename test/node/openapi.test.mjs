// /openapi.json as the tools API consumers use read it, none of them ours: Spectral (spectral:oas)
// and Redocly (recommended) lint the document the worker serves, and Prism checks every documented
// route, status and language of the real worker (`wrangler dev`) against it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, startWorker } from '../browser/harness.mjs'

const require = createRequire(import.meta.url)
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http')
const { validateOutput } = require('@stoplight/prism-http/dist/validator')
const { parseResponse } = require('@stoplight/prism-http/dist/utils/parseResponse')
// The proxy's own HTTP client, so an answer is read exactly as the proxy reads it.
const proxyFetch = createRequire(require.resolve('@stoplight/prism-http'))('node-fetch')
const root = new URL('../../', import.meta.url).pathname
const bin = (pkg, path) => join(root, 'node_modules', pkg, path)
const run = promisify(execFile)
// Offline: no telemetry, no update checks, no analytics.
const OFFLINE = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', SCARF_ANALYTICS: 'false', CI: 'true' }

// DOC may name another document to lint and check (how the closing note showed each check failing).
let worker, prism, dir, docPath, doc
before(async () => {
  worker = await startWorker()
  dir = mkdtempSync(join(tmpdir(), 'xiaomi-ev-card-openapi-'))
  docPath = join(dir, 'openapi.json')
  doc = process.env.DOC ? JSON.parse(readFileSync(process.env.DOC, 'utf8')) : await (await fetch(`${worker.origin}/openapi.json`)).json()
  writeFileSync(docPath, JSON.stringify(doc, null, 2))
  prism = await startPrism(docPath, worker.origin)
})
after(() => {
  prism?.stop()
  worker?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** `prism proxy` in front of the worker: it forwards every request and reports, in sl-violations,
 *  where the answer departs from the document. Requests are not validated: the 400s are the point. */
async function startPrism(document, upstream) {
  const port = await freePort()
  const child = spawn(process.execPath, [bin('@stoplight/prism-cli', 'dist/index.js'), 'proxy', document, upstream,
    '--host', '127.0.0.1', '--port', String(port), '--validate-request=false', '--cors=false', '--errors=false'], { stdio: ['ignore', 'pipe', 'pipe'], env: OFFLINE })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  await new Promise((resolve, reject) => {
    const ready = (d) => String(d).includes('Prism is listening') && resolve()
    child.stdout.on('data', ready)
    child.once('exit', () => reject(new Error(`prism exited:\n${log}`)))
  })
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill(), log: () => log }
}

describe('the OpenAPI document, linted', () => {
  it('Spectral (spectral:oas, .spectral.yaml): 0 errors, 0 warnings', async () => {
    const out = join(dir, 'spectral.json')
    await run(process.execPath, [bin('@stoplight/spectral-cli', 'dist/index.js'), 'lint', '-r', join(root, '.spectral.yaml'),
      '-f', 'json', '-o', out, '--fail-severity', 'error', docPath], { env: OFFLINE }).catch((e) => e)
    const problems = JSON.parse(readFileSync(out, 'utf8')).filter((p) => p.severity <= 1) // 0 error, 1 warning
    assert.deepEqual(problems.map((p) => `${p.code} at ${p.path.join('.')}: ${p.message}`), [])
  })

  it('Redocly (recommended, redocly.yaml): 0 errors, 0 warnings', async () => {
    const { stdout } = await run(process.execPath, [bin('@redocly/cli', 'bin/cli.js'), 'lint', '--config', join(root, 'redocly.yaml'),
      '--format', 'json', docPath], { env: OFFLINE, cwd: dir, maxBuffer: 16 << 20 }).catch((e) => e)
    const report = JSON.parse(stdout)
    assert.deepEqual(report.problems.map((p) => `${p.ruleId} at ${p.location[0].pointer}: ${p.message}`), [])
    assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 0 })
  })
})

/** Requests meant to bring each documented status, made from the document's own parameters. */
function requestsFor(path, op, status, langs) {
  const params = op.parameters ?? []
  const query = params.filter((p) => p.in === 'query')
  const enums = query.filter((p) => p.schema.enum)
  const pathParam = params.find((p) => p.in === 'path')
  const fill = (value) => (pathParam ? path.replace(`{${pathParam.name}}`, value) : path)
  // Required parameters, at values the document gives (the oEmbed url must be one of our card pages).
  const required = Object.fromEntries(query.filter((p) => p.required).map((p) => [p.name, p.name === 'url' ? `${worker.origin}/card` : p.schema.example]))
  const url = (q = {}, target = fill(pathParam?.schema.example)) => `${target}${Object.keys({ ...required, ...q }).length ? `?${new URLSearchParams({ ...required, ...q })}` : ''}`
  // The language parameter: a card's (lang), or a page's own (hl).
  const lang = query.find((p) => p.name === 'lang' || p.name === 'hl')?.name
  switch (status) {
    case '200':
    case '302':
      // Each language by name, and each chosen by Accept-Language (the answer then varies by it).
      return lang ? langs.flatMap((l) => [{ url: url({ [lang]: l }) }, { url: url(), headers: { 'Accept-Language': l } }]) : [{ url: url() }]
    case '304':
      return [{ url: url(), revalidate: true }]
    case '400':
      if (Object.keys(required).length) return [{ url: path }] // required parameter missing
      if (pathParam) return [{ url: fill('Not_An_Id') }]
      if (enums.length) return enums.map((p) => ({ url: url({ [p.name]: 'not-one-of-them' }) }))
      return [{ url: url({ x: '1' }) }] // a parameter the route does not take
    case '404':
      return pathParam ? [{ url: fill('no-such-fact') }] : [{ url: url({ url: `${worker.origin}/elsewhere` }) }]
    case '501':
      return [{ url: url({ format: 'yaml' }) }]
  }
  return []
}

// Answers Prism's proxy cannot pass on: it follows a redirect (node-fetch), checking the image
// instead; it answers an upstream 501 with a mock of its own; and it parses a 304's empty body by
// its Content-Type, which asset routing keeps on a static file's 304 (/openapi.json). These go
// through the proxy's own validator (validateOutput, @stoplight/prism-http) here, on the answer as it came.
const PROXY_CANNOT = new Set(['302', '304', '501'])

describe('the worker, against its document', () => {
  it('every documented route, status and language conforms (Prism)', async () => {
    const langs = doc.components.headers.ContentLanguage.schema.enum
    assert.ok(langs.length >= 2, `languages from the document: ${langs}`)
    const operations = await getHttpOperationsFromSpec(docPath)
    const unchecked = []
    const seen = []
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get
      for (const status of Object.keys(op.responses)) {
        const requests = requestsFor(path, op, status, langs)
        if (!requests.length) unchecked.push(`${path} ${status}`)
        for (const req of requests) {
          const headers = { ...req.headers }
          if (req.revalidate) headers['If-None-Match'] = (await fetch(worker.origin + req.url, { redirect: 'manual' })).headers.get('ETag')
          const what = `GET ${req.url} ${JSON.stringify(headers)}`
          let res, violations
          if (PROXY_CANNOT.has(status)) {
            res = await proxyFetch(worker.origin + req.url, { headers, redirect: 'manual' })
            const operation = operations.find((o) => o.method === 'get' && o.path === path)
            // A 304 has no body to parse: its status and headers are what the document states.
            const element = status == '304' ? { statusCode: res.status, headers: Object.fromEntries(res.headers) } : (await parseResponse(res)()).right
            const result = validateOutput({ resource: operation, element })
            violations = result._tag === 'Left' ? result.left : []
          } else {
            res = await fetch(prism.origin + req.url, { headers })
            await res.arrayBuffer()
            violations = JSON.parse(res.headers.get('sl-violations') ?? '[]').filter((v) => v.location[0] === 'response')
          }
          assert.equal(String(res.status), status, what)
          assert.deepEqual(violations.map((v) => `${(v.path ?? v.location ?? []).join('.')} ${v.message}`), [], what)
          seen.push(`${path} ${status}`)
        }
      }
    }
    assert.deepEqual(unchecked, [], 'a documented status no request brings')
    console.log(`# ${seen.length} responses checked against the document, ${new Set(seen).size} route × status pairs, ${langs.length} languages`)
  })
})
