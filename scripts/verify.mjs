// What a reader runs to check what they were given (docs/provenance.md), with libraries nobody on
// this project wrote:
//   node scripts/verify.mjs 'https://HOST/v1/card?lang=en&variant=compact'
//     fetches the answer and the key directory of the same origin; checks the body against its
//     Content-Digest (SHA-256) and the RFC 9421 signature with `http-message-signatures`.
//   node scripts/verify.mjs card.png [anchor.pem]
//     reads the image's C2PA manifest with the CAI's c2pa-rs (@contentauth/c2pa-wasm): its
//     validation state (Trusted needs the signer's root among the anchors: the C2PA trust list for
//     a real certificate, dist/content-credentials.json's for a test build) and what it states.
import { createHash, createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const [target, anchorFile] = process.argv.slice(2)
if (!target) throw new Error('usage: node scripts/verify.mjs <API URL> | <file.png> [anchor.pem]')

if (/^https?:/.test(target)) {
  const { httpbis, createVerifier } = await import('http-message-signatures')
  const res = await fetch(target)
  const body = Buffer.from(await res.arrayBuffer())
  const headers = Object.fromEntries(res.headers)
  const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`
  console.log(`Content-Digest: ${headers['content-digest'] === digest ? 'matches the body' : `DOES NOT match the body (${digest})`}`)
  const directory = await (await fetch(new URL('/.well-known/http-message-signatures-directory', target))).json()
  const keys = new Map(directory.keys.map((jwk) => [jwk.kid, createVerifier(createPublicKey({ key: jwk, format: 'jwk' }), 'ed25519')]))
  const verified = await httpbis
    .verifyMessage(
      { keyLookup: async ({ keyid }) => (keys.has(keyid) ? { id: keyid, algs: ['ed25519'], verify: keys.get(keyid) } : null), requiredFields: ['content-digest', '@status', '@path', '@query'] },
      { status: res.status, headers },
      { method: 'GET', url: target, headers: {} },
    )
    .catch((e) => e)
  console.log(`Signature: ${verified === true ? 'verified' : `NOT verified (${verified?.message ?? verified})`}, ${headers['signature-input']}`)
  process.exitCode = verified === true && headers['content-digest'] === digest ? 0 : 1
} else {
  const { default: init, WasmReader } = await import('@contentauth/c2pa-wasm')
  await init({ module_or_path: readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm')) })
  const context = anchorFile && JSON.stringify({ trust: { trust_anchors: readFileSync(anchorFile, 'utf8') }, verify: { verify_trust: true } })
  const reader = await WasmReader.fromBytes('image/png', new Uint8Array(readFileSync(target)), context)
  const store = JSON.parse(reader.json())
  const manifest = reader.activeManifest()
  console.log(`C2PA: ${store.validation_state}${store.validation_results?.activeManifest?.failure?.length ? `, ${store.validation_results.activeManifest.failure.map((f) => f.code).join(', ')}` : ''}`)
  console.log(`signed by ${manifest.signature_info?.common_name} (issuer ${manifest.signature_info?.issuer})`)
  console.log(JSON.stringify(manifest.assertions.find((a) => a.label === 'stds.schema-org.CreativeWork')?.data, null, 2))
  process.exitCode = ['Valid', 'Trusted'].includes(store.validation_state) ? 0 : 1
}
