import type { Context, MiddlewareHandler } from 'hono'
import { boundedMap, keptAnswer, type Answer } from './cache'

// HTTP Message Signatures (RFC 9421) on the API's answers, with Content-Digest (RFC 9530): a reader
// who gets an answer through a cache, an aggregator or an archive checks it against a key we publish
// (docs/provenance.md). Ed25519 through WebCrypto, so the worker carries no crypto library.

export interface SignatureOptions {
  /** The Worker secret holding the private key: an Ed25519 JWK with its `d` (`wrangler secret put`). */
  secret: string
  /** Keys that signed before this one, public JWKs: listed while a cache may still serve what they signed. */
  retired: readonly PublicKey[]
  /** The signature's label in Signature-Input and Signature. */
  label: string
}

/** An Ed25519 public key as the key directory lists it (RFC 8037), named by its thumbprint. */
export interface PublicKey {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  use?: 'sig'
}

/** The routes whose answers are signed, as declared (src/routes/api.ts applies, src/openapi.ts documents). */
export const SIGNED_PATHS = ['/v1/facts', '/v1/facts/:id', '/v1/card', '/v1/source', '/.well-known/http-message-signatures-directory'] as const

// What a signature covers: the body (by its digest), the status, what the body is and its
// language, and the request it answers, so that one card's signed answer cannot pass for another's.
// A header the response lacks is left out (RFC 9421 §2.5 refuses an absent one); Signature-Input says which.
// Each as its component identifier is written (§2).
const COVERED = ['"content-digest"', '"@status"', '"content-type"', '"content-language"', '"@path";req', '"@query";req'] as const

interface SigningKey {
  privateKey: CryptoKey
  published: PublicKey
  throwaway: boolean
}

const ED25519 = { name: 'Ed25519' }
const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
const base64url = (bytes: ArrayBuffer) => base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** RFC 7638 thumbprint: SHA-256 of the required members, in lexicographic order, without spaces. */
async function thumbprint(x: string) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`)))
}

// One key per isolate: imported from the secret, or made once, and said once, when there is none.
let signingKey: Promise<SigningKey> | undefined

async function loadKey(secret: string | undefined): Promise<SigningKey> {
  if (secret) {
    const jwk = JSON.parse(secret) as JsonWebKey & { x: string }
    const privateKey = await crypto.subtle.importKey('jwk', jwk, ED25519, false, ['sign'])
    return { privateKey, published: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: await thumbprint(jwk.x), use: 'sig' }, throwaway: false }
  }
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair
  const { x } = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey & { x: string }
  const kid = await thumbprint(x)
  console.warn(`No signing key secret: this isolate signs with a throwaway Ed25519 key (kid ${kid}). In production, set one: docs/provenance.md.`)
  return { privateKey: pair.privateKey, published: { kty: 'OKP', crv: 'Ed25519', x, kid, use: 'sig' }, throwaway: true }
}

const keyOf = (c: Context, { secret }: SignatureOptions) => (signingKey ??= loadKey((c.env as Record<string, string> | undefined)?.[secret]))

/** The key directory: the signing key first, then every retired one. `throwaway` when the key dies with the isolate. */
export async function keyDirectory(c: Context, options: SignatureOptions) {
  const { published, throwaway } = await keyOf(c, options)
  return { keys: [published, ...options.retired.filter((k) => k.kid !== published.kid)], throwaway }
}

/** RFC 9421 §2.1: a field's value, trimmed; a derived component's, as §2.2 defines it. */
function componentValue(id: (typeof COVERED)[number], url: URL, res: Response): string | undefined {
  switch (id) {
    case '"@status"':
      return String(res.status)
    case '"@path";req':
      return url.pathname
    case '"@query";req':
      return url.search || '?'
    default:
      return res.headers.get(id.slice(1, -1))?.trim()
  }
}

// Each kept answer's Content-Digest (src/lib/cache.ts), digested once per isolate.
const digests = new WeakMap<Answer, Promise<string>>()
const contentDigest = async (body: BufferSource) => `sha-256=:${base64(await crypto.subtle.digest('SHA-256', body))}:`

/** How long a signature made in this isolate signs the same answer again: five minutes, a browser's
 *  max-age. Its `created` still says when the answer was signed, a few minutes at most before it is
 *  sent; the edge serves an answer for a day fresh and a week stale with the `created` it was
 *  stored with, so readers accept signatures days old (docs/provenance.md), and a deploy (a new key
 *  or data) starts a new isolate. */
export const SIGNATURE_REUSE_SECONDS = 300
/** Signatures kept, by the exact signature base they sign but for its parameters: 1 MB of keys
 *  (UTF-16), the least recently used out first, since a query is the caller's to vary. */
const signed = boundedMap<{ created: number; signature: string }>(1 << 20, (key) => 2 * key.length)

/** Signature-Input's parameters and the Signature over `components` (the base's lines, §2.5),
 *  made now or reused from the last SIGNATURE_REUSE_SECONDS. */
async function sign(key: SigningKey, components: string, ids: string, now: number) {
  const { kid } = key.published
  const paramsAt = (created: number) => `${ids};created=${created};keyid="${kid}";alg="ed25519"`
  const memoKey = `${kid}\n${components}`
  let made = signed.get(memoKey)
  if (!made || now - made.created >= SIGNATURE_REUSE_SECONDS) {
    // §2.5: one line per component, then the parameters themselves.
    const base = `${components}\n"@signature-params": ${paramsAt(now)}`
    made = { created: now, signature: base64(await crypto.subtle.sign(ED25519, key.privateKey, new TextEncoder().encode(base))) }
  }
  // After the await, in one go, for a request that signed the same base meanwhile.
  signed.set(memoKey, made)
  return { params: paramsAt(made.created), signature: made.signature }
}

/**
 * Signs every GET answer with a body on the routes it is applied to: Content-Digest (kept when the
 * route sent one), then Signature-Input and Signature over COVERED, with created, keyid and alg.
 * A HEAD sends no body to digest. A 304 carries no signature either: a cache that revalidates
 * replaces its stored headers with the 304's (RFC 9111 §4.3.4), so a signature there would take the
 * place of the stored 200's, which covers the body the cache still holds and still verifies.
 * A kept answer (src/lib/cache.ts) is digested once, and its signature made again only when the
 * last one is SIGNATURE_REUSE_SECONDS old: the body is neither read nor copied.
 */
export function signatures(options: SignatureOptions): MiddlewareHandler {
  const { label } = options
  return async (c, next) => {
    await next()
    if (c.req.method !== 'GET' || !c.res.body || c.res.status === 304) return
    const key = await keyOf(c, options)
    if (!c.res.headers.has('Content-Digest')) {
      const kept = keptAnswer(c.res)
      let digest: Promise<string> | undefined
      if (kept) {
        digest = digests.get(kept)
        if (!digest) digests.set(kept, (digest = contentDigest(new TextEncoder().encode(kept.body))))
      } else {
        const body = await c.res.arrayBuffer()
        c.res = new Response(body, c.res)
        digest = contentDigest(body)
      }
      c.res.headers.set('Content-Digest', await digest)
    }
    const res = c.res
    const url = new URL(c.req.url)
    const lines = COVERED.flatMap((id) => {
      const value = componentValue(id, url, res)
      return value === undefined ? [] : [{ id, value }]
    })
    const { params, signature } = await sign(
      key,
      lines.map((l) => `${l.id}: ${l.value}`).join('\n'),
      `(${lines.map((l) => l.id).join(' ')})`,
      Math.floor(Date.now() / 1000),
    )
    res.headers.set('Signature-Input', `${label}=${params}`)
    res.headers.set('Signature', `${label}=:${signature}:`)
  }
}
