import { describe, expect, it } from 'vitest'
import ui from '../../data/ui.json'
import signingKeys from '../../data/signing-keys.json'
import { keyDirectory } from '../../src/lib/signature'
import { SIGNING } from '../../src/routes/signing-keys'
import { ORIGIN, get, getJson } from './helpers'

// The signatures themselves are verified by a library of others against `wrangler dev`
// (test/node/signatures.test.mjs); here, in workerd, the key directory and what the worker signs.
const DIRECTORY = '/.well-known/http-message-signatures-directory'
const keyidOf = (res: Response) => res.headers.get('Signature-Input')!.match(/keyid="([^"]+)"/)![1]

describe('the key directory', () => {
  it('lists the key that signs first, then every retired key of data/signing-keys.json', async () => {
    const { res, body } = await getJson(DIRECTORY)
    expect(res.headers.get('Content-Type')).toBe('application/http-message-signatures-directory+json')
    expect(body.keys[0].kid).toBe(keyidOf(await get('/v1/facts')))
    expect(body.keys.slice(1)).toEqual(signingKeys.retired)
    // A key retired from signing stays listed, and is never listed twice.
    const retired = { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'retired-key' } as const
    const { keys } = await keyDirectory({ env: {} } as any, { ...SIGNING, retired: [retired, body.keys[0]] })
    expect(keys.map((k) => k.kid)).toEqual([body.keys[0].kid, 'retired-key'])
  })

  it('is never cached while its key is a throwaway of this isolate (no SIGNING_KEY secret in the tests)', async () => {
    const res = await get(DIRECTORY)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('CDN-Cache-Control')).toBe('no-store')
  })
})

describe('what is signed', () => {
  it('a GET answer of a signed route, by one key; not a 304, a HEAD or an unsigned route', async () => {
    const first = await get('/v1/card?lang=en&variant=full')
    const kid = keyidOf(first)
    expect(keyidOf(await get('/v1/source'))).toBe(kid)
    expect(keyidOf(await get('/v1/facts/ev-ceo'))).toBe(kid)
    const revalidated = await get('/v1/card?lang=en&variant=full', { headers: { 'If-None-Match': first.headers.get('ETag')! } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('Signature')).toBeNull()
    expect((await get('/v1/card', { method: 'HEAD' })).headers.get('Signature')).toBeNull()
    expect((await get('/oembed?url=https%3A%2F%2Fcards.example%2Fcard')).headers.get('Signature')).toBeNull()
  })
})

describe('/source says how to verify', () => {
  it("links the key directory and gives the commands for this origin, in data/ui.json's words", async () => {
    const html = await (await get('/source')).text()
    const section = html.slice(html.indexOf('<section aria-labelledby="verify">'))
    expect(section).toContain(`<h2 id="verify">${ui.en.source.verify.title}</h2>`)
    expect(section).toContain(`<a href="${DIRECTORY}"><code>${DIRECTORY}</code></a>`)
    expect(section).toContain(`node scripts/verify.mjs '${ORIGIN}/v1/card?lang=en&amp;variant=compact'`)
    expect(section).toContain('c2patool card.png')
  })
})
