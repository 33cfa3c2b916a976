// A new Ed25519 key for the API's signatures (docs/provenance.md): the private JWK on stdout, for
//   node scripts/signing-key.mjs | npx wrangler secret put SIGNING_KEY
// (or a line SIGNING_KEY='…' in .dev.vars for `npm run dev`), and its public JWK, named by its RFC 7638
// thumbprint, on stderr: what /.well-known/http-message-signatures-directory will list, and what goes
// into data/signing-keys.json's "retired" when a later key replaces it.
import { createHash, webcrypto } from 'node:crypto'

const { privateKey } = await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])
const { kty, crv, x, d } = await webcrypto.subtle.exportKey('jwk', privateKey)
const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url')
process.stdout.write(JSON.stringify({ kty, crv, x, d }) + '\n')
process.stderr.write(`public key: ${JSON.stringify({ kty, crv, x, kid, use: 'sig' })}\n`)
