// The API's signed answers (RFC 9421, Content-Digest RFC 9530), verified as a reader would: the
// key from the worker's own directory, the signature by `http-message-signatures` (npm), which nobody
// here wrote, the digest by node's SHA-256. A changed body, a changed covered header, the answer
// presented for another request, or another key must each fail.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { httpbis, createVerifier } from 'http-message-signatures'
import { startWorker } from '../browser/harness.mjs'

let worker, directory
before(async () => {
  worker = await startWorker()
  directory = await fetch(`${worker.origin}/.well-known/http-message-signatures-directory`)
})
after(() => worker?.stop())

/** One answer as the library reads a message: the request it answers, the response, its body. */
async function answer(path, init = {}) {
  const url = worker.origin + path
  const res = await fetch(url, init)
  return { req: { method: init.method ?? 'GET', url, headers: {} }, res: { status: res.status, headers: Object.fromEntries(res.headers) }, body: Buffer.from(await res.arrayBuffer()) }
}

/** The keys of the directory, by keyid, as the library's verifiers. */
async function keysOf(res) {
  const { keys } = await res.clone().json()
  return new Map(keys.map((jwk) => [jwk.kid, createVerifier(createPublicKey({ key: jwk, format: 'jwk' }), 'ed25519')]))
}

/** What a reader checks: the body against Content-Digest, then the signature over the digest, the
 *  status, the headers and the request. True only when both hold. */
async function verify({ req, res, body }, keys) {
  const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`
  if (res.headers['content-digest'] !== digest) return false
  const verified = await httpbis.verifyMessage(
    {
      keyLookup: async ({ keyid }) => (keys.has(keyid) ? { id: keyid, algs: ['ed25519'], verify: keys.get(keyid) } : null),
      requiredParams: ['created', 'keyid'],
      requiredFields: ['content-digest', '@status', 'content-type', '@path', '@query'],
    },
    res,
    req,
  )
  return verified === true
}

const SIGNED = ['/v1/facts?lang=zh-HK', '/v1/facts/cash-reserve?lang=en', '/v1/card?lang=en&variant=compact', '/v1/card?lang=zh-TW&variant=stat&fact=cash-reserve', '/v1/source', '/v1/facts/no-such-fact', '/.well-known/http-message-signatures-directory']

describe('signed answers (RFC 9421), verified with http-message-signatures', () => {
  it('the key directory is a JWKS of Ed25519 keys, named by their thumbprints', async () => {
    assert.equal(directory.status, 200)
    assert.equal(directory.headers.get('Content-Type'), 'application/http-message-signatures-directory+json')
    const { keys } = await directory.clone().json()
    assert.ok(keys.length >= 1)
    for (const { kty, crv, x, kid } of keys) {
      assert.deepEqual([kty, crv], ['OKP', 'Ed25519'])
      // RFC 7638: the SHA-256 of the required members in order, base64url.
      assert.equal(kid, createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url'))
    }
  })

  it('every signed route verifies, covering the digest, status, type, language and the request', async () => {
    const keys = await keysOf(directory)
    for (const path of SIGNED) {
      const a = await answer(path)
      assert.ok(await verify(a, keys), `${path}: ${a.res.headers['signature-input']}`)
      const input = a.res.headers['signature-input']
      for (const component of ['"content-digest"', '"@status"', '"content-type"', '"@path";req', '"@query";req']) assert.ok(input.includes(component), `${path} covers ${component}`)
      if (a.res.headers['content-language']) assert.ok(input.includes('"content-language"'), path)
      assert.match(input, /;created=\d+;keyid="[A-Za-z0-9_-]{43}";alg="ed25519"$/)
    }
  })

  it('fails for a changed body, a changed covered header, another request, or another key', async () => {
    const keys = await keysOf(directory)
    const a = await answer('/v1/card?lang=en&variant=compact')
    assert.ok(await verify(a, keys))
    const body = Buffer.from(a.body.toString().replace(/"lang":"en"/, '"lang":"fr"'))
    assert.ok(!body.equals(a.body))
    assert.equal(await verify({ ...a, body }, keys), false, 'changed body')
    const header = (name, value) => ({ ...a, res: { ...a.res, headers: { ...a.res.headers, [name]: value } } })
    assert.equal(await verify(header('content-language', 'zh-CN'), keys), false, 'changed Content-Language')
    assert.equal(await verify(header('content-type', 'text/plain'), keys), false, 'changed Content-Type')
    assert.equal(await verify({ ...a, res: { ...a.res, status: 203 } }, keys), false, 'changed status')
    // The same answer, presented as another card's.
    assert.equal(await verify({ ...a, req: { ...a.req, url: a.req.url.replace('variant=compact', 'variant=full') } }, keys), false, 'another query')
    assert.equal(await verify({ ...a, req: { ...a.req, url: a.req.url.replace('/v1/card', '/v1/cards') } }, keys), false, 'another path')
    // A key that is not ours, under our keyid.
    const other = createVerifier(generateKeyPairSync('ed25519').publicKey, 'ed25519')
    assert.equal(await verify(a, new Map([...keys.keys()].map((kid) => [kid, other]))), false, 'another key')
    assert.equal(await verify(a, new Map()), false, 'no key')
  })

  it('a 304 and a HEAD carry no signature; the 200 a cache holds still verifies after revalidating', async () => {
    const keys = await keysOf(directory)
    for (const path of SIGNED.slice(0, 5)) {
      const a = await answer(path)
      const revalidated = await answer(path, { headers: { 'If-None-Match': a.res.headers.etag } })
      assert.equal(revalidated.res.status, 304, path)
      for (const h of ['signature', 'signature-input', 'content-digest']) assert.equal(revalidated.res.headers[h], undefined, `${path} 304 ${h}`)
      // RFC 9111 §4.3.4: the stored response takes the 304's headers; its signature is untouched.
      const updated = { ...a, res: { ...a.res, headers: { ...a.res.headers, ...revalidated.res.headers } } }
      assert.ok(await verify(updated, keys), path)
      const head = await answer(path, { method: 'HEAD' })
      assert.equal(head.res.headers.signature, undefined, `${path} HEAD`)
    }
  })

  it('CORS lets a script on another origin read what it verifies with', async () => {
    const res = await fetch(`${worker.origin}/v1/facts`, { headers: { Origin: 'https://reader.example' } })
    const exposed = res.headers.get('Access-Control-Expose-Headers').split(',').map((h) => h.trim().toLowerCase())
    for (const h of ['content-digest', 'signature-input', 'signature']) assert.ok(exposed.includes(h), h)
  })
})
