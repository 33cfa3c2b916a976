import * as v from 'valibot'
import { Hono } from 'hono'
import signingKeys from '../../data/signing-keys.json'
import { respond } from '../lib/cache'
import { ERROR_CACHE_CONTROL } from '../lib/cache-policy'
import { keyDirectory, type PublicKey, type SignatureOptions } from '../lib/signature'
import { notModified, type RouteDoc } from '../lib/route-doc'

/** How the API signs (src/lib/signature.ts): the secret that holds the key, and the keys retired
 *  from signing (data/signing-keys.json), each kept there at least 8 days: the edge serves an answer
 *  for a day fresh and a week stale (docs/caching.md), so its signature must stay checkable as long. */
export const SIGNING: SignatureOptions = { secret: 'SIGNING_KEY', retired: signingKeys.retired as PublicKey[], label: 'sig1' }

export const DIRECTORY_PATH = '/.well-known/http-message-signatures-directory'
/** The directory's media type (draft-meunier-webbotauth-httpsig-directory §3), a JWKS. */
const DIRECTORY_TYPE = 'application/http-message-signatures-directory+json'

export const KeySet = v.object({
  keys: v.array(
    v.object({
      kty: v.literal('OKP'),
      crv: v.literal('Ed25519'),
      x: v.pipe(v.string(), v.description('The public key, base64url (RFC 8037).')),
      kid: v.pipe(v.string(), v.description("The key's JWK SHA-256 thumbprint (RFC 7638): the keyid of the Signature-Input it signed.")),
      use: v.optional(v.literal('sig')),
    }),
  ),
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const keyDirectoryDoc = (): RouteDoc => ({
  method: 'get',
  path: DIRECTORY_PATH,
  operationId: 'getSigningKeys',
  summary: 'The public keys that sign the answers (RFC 9421), as a JWKS',
  description:
    'GET /v1/facts, /v1/facts/{id}, /v1/card and /v1/source answer with Content-Digest (RFC 9530), Signature-Input and Signature (RFC 9421, Ed25519): ' +
    'the keyid names a key of this set. The key that signs now comes first; a retired key stays listed at least 8 days, as long as a cache may serve what it signed. docs/provenance.md says how to verify.',
  tag: 'meta',
  responses: {
    200: {
      description: 'The key set',
      content: { [DIRECTORY_TYPE]: { schema: KeySet } },
      headers: ['ETag', 'KeysCacheControl', 'ContentDigest', 'Signature', 'SignatureInput'],
    },
    304: { ...notModified(), headers: ['ETag', 'KeysCacheControl'] },
  },
})

export const signingKeyDirectory = new Hono().get(DIRECTORY_PATH, async (c) => {
  const { keys, throwaway } = await keyDirectory(c, SIGNING)
  // A throwaway key lives as long as its isolate: no cache may keep it for another.
  const uncached: Record<string, string> = throwaway ? { 'Cache-Control': ERROR_CACHE_CONTROL, 'CDN-Cache-Control': ERROR_CACHE_CONTROL } : {}
  return respond(c, 'signing-keys', () => JSON.stringify({ keys } satisfies v.InferOutput<typeof KeySet>), DIRECTORY_TYPE, uncached)
})
