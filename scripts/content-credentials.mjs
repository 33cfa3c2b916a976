// C2PA Content Credentials for the card images (docs/provenance.md): a manifest, signed with an
// X.509 certificate, that says what a PNG shows, what it was drawn from and by what, bound to its
// bytes by a hash, so a reader who gets the image from anywhere can check it came from us unchanged.
// c2pa-ts (pure TypeScript) writes it at build time; the tests read it with the CAI's own engine.
//
// The certificate and its key are build inputs: C2PA_CERT (a PEM file, the signing certificate
// first, then its intermediates) and C2PA_KEY (its Ed25519 or ECDSA P-256 private key, PKCS #8 PEM). Without them
// the build makes a throwaway chain (a root and a leaf under it), signs with that and says so: the
// images then verify only against that root (dist/content-credentials.json), never a trust list.
import { createHash, webcrypto } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto)
const ED25519 = { name: 'Ed25519' }
const DAY = 86_400_000

/** RFC 9562 UUID (version 8, "custom") from a hash: the same image gets the same manifest id in every build. */
const uuidOf = (hex) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`

// The keys the build signs with: C2PA's Ed25519, and ES256 (ECDSA P-256), what most certificate
// authorities on the C2PA trust list issue. Each with its COSE algorithm (RFC 9053).
const ALGORITHMS = {
  Ed25519: { generate: ED25519, sign: ED25519, cose: -8 },
  ECDSA: { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' }, cose: -7 },
}

/** A root CA and a leaf it signed, as C2PA requires of a signer: the leaf has digitalSignature key
 *  usage (critical), the emailProtection extended key usage, an authority key identifier, and is not
 *  self-signed. For the build without a certificate, and for the tests; `algorithm` Ed25519 or ECDSA. */
export async function throwawayChain(name = 'xiaomi-ev-card throwaway', algorithm = 'Ed25519') {
  const { generate, sign } = ALGORITHMS[algorithm]
  const rootKeys = await webcrypto.subtle.generateKey(generate, true, ['sign', 'verify'])
  const leafKeys = await webcrypto.subtle.generateKey(generate, true, ['sign', 'verify'])
  const notBefore = new Date(Date.now() - DAY)
  const notAfter = new Date(Date.now() + 365 * DAY)
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name} root, O=xiaomi-ev-card test`,
    notBefore, notAfter, signingAlgorithm: sign, keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  })
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${name} signer, O=xiaomi-ev-card test`,
    issuer: root.subject,
    notBefore, notAfter, signingAlgorithm: sign,
    publicKey: leafKeys.publicKey, signingKey: rootKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
    ],
  })
  const key = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey))
  return { root, leaf, chain: [], key }
}

const pemBlocks = (text, label) => [...text.matchAll(new RegExp(`-----BEGIN ${label}-----[^-]+-----END ${label}-----`, 'g'))].map((m) => m[0])

/** The signer's certificate, chain and key: from C2PA_CERT and C2PA_KEY, else a throwaway chain. */
export async function loadCredentials(env = process.env) {
  if (!env.C2PA_CERT || !env.C2PA_KEY) return { ...(await throwawayChain()), throwaway: true }
  const [leaf, ...chain] = pemBlocks(await readFile(env.C2PA_CERT, 'utf8'), 'CERTIFICATE').map((pem) => new x509.X509Certificate(pem))
  const pem = pemBlocks(await readFile(env.C2PA_KEY, 'utf8'), 'PRIVATE KEY')[0]
  if (!leaf || !pem) throw new Error('C2PA_CERT must hold PEM certificates (the signer first) and C2PA_KEY a PKCS #8 PEM private key')
  const key = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
  const algorithm = leaf.publicKey.algorithm
  if (!(algorithm.name === 'Ed25519' || (algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256'))) {
    throw new Error(`C2PA_CERT's key is ${algorithm.name} ${algorithm.namedCurve ?? ''}: the build signs with Ed25519 or ECDSA P-256 (ES256) keys`)
  }
  return { leaf, chain, key, throwaway: false }
}

/** A signer for c2pa-ts, made once per build. Not c2pa-ts's LocalSigner: for ES256 it writes the
 *  signature as DER, which c2pa-rs rejects; COSE wants it raw (r|s, RFC 9053 §2.1), which is what
 *  WebCrypto returns. Ed25519's is raw either way. */
export async function makeSigner({ leaf, chain, key }) {
  const { generate, sign, cose } = ALGORITHMS[leaf.publicKey.algorithm.name]
  const privateKey = await webcrypto.subtle.importKey('pkcs8', key, generate, false, ['sign'])
  return {
    algorithm: cose,
    certificate: leaf,
    chainCertificates: chain,
    sign: async (payload) => new Uint8Array(await webcrypto.subtle.sign(sign, privateKey, payload)),
  }
}

// What a manifest adds to a PNG beyond its assertions: c2pa-ts reserves 25 kB for the signature by
// default; Ed25519's and ES256's are 64 bytes, and a few hundred carry the certificates' variation.
const SIGNATURE_PADDING = 512

/**
 * Signs one PNG: a manifest whose assertions are the actions that made it (created, by the
 * generator), what it shows (schema.org CreativeWork: language, variant, figures, the data's date)
 * and what it is based on (the source, by its SHA-256), bound to the bytes by a data hash. c2pa-ts
 * writes no action `when`, so the date is the work's dateModified. The manifest id comes from the
 * unsigned bytes: with the same certificate, a build writes the same file.
 */
export async function signPng(png, { signer, about, generator }) {
  const { PNG } = await import('@trustnxt/c2pa-ts/asset')
  const { ManifestStore, DataHashAssertion, ActionAssertion, CreativeWorkAssertion } = await import('@trustnxt/c2pa-ts/manifest')
  const id = uuidOf(createHash('sha256').update(png).digest('hex'))
  const asset = new PNG(new Uint8Array(png))
  const store = new ManifestStore()
  const manifest = store.createManifest({ claimVersion: 1, assetFormat: 'image/png', instanceID: `xmp:iid:${id}`, defaultHashAlgorithm: 'SHA-256', signer })
  manifest.label = `urn:c2pa:${id}`
  manifest.claim.claimGeneratorName = generator.name
  manifest.claim.claimGeneratorVersion = generator.version
  manifest.claim.title = about.name
  manifest.signature.signatureData.paddingLength = SIGNATURE_PADDING
  const hash = DataHashAssertion.create('SHA-256')
  manifest.addAssertion(hash)
  const actions = new ActionAssertion()
  actions.actions = [{
    action: 'c2pa.created',
    digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation',
    softwareAgent: { name: generator.name, version: generator.version },
  }]
  manifest.addAssertion(actions)
  const work = new CreativeWorkAssertion()
  work.creativeWork = { '@type': 'CreativeWork', ...about }
  manifest.addAssertion(work)
  await asset.ensureManifestSpace(store.measureSize())
  await hash.updateWithAsset(asset)
  await manifest.sign(signer)
  await asset.writeManifestJUMBF(store.getBytes())
  return Buffer.from(await asset.getDataRange())
}

/**
 * What scripts/images.mjs signs with: `sign(png, job)` for each image it draws, and `summary`,
 * written to dist/content-credentials.json (the signer, and the anchor the tests trust).
 * `m` is the build's bundle of worker modules (loadModules), `sourceSha256` the source's digest.
 */
export async function contentCredentials(m, sourceSha256) {
  const credentials = await loadCredentials()
  const signer = await makeSigner(credentials)
  const { name, version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
  const generator = { name, version }
  const source = m.factSet.source
  // The data's date, not the build's: the latest correction, else the press release's own.
  const dataDate = m.corrections().at(-1)?.date ?? source.published
  if (credentials.throwaway) {
    console.warn('images: no C2PA_CERT and C2PA_KEY, so the Content Credentials are signed with a throwaway test certificate made now (docs/provenance.md)')
  }
  const anchor = credentials.root ?? credentials.chain.at(-1)
  return {
    summary: {
      throwaway: credentials.throwaway,
      signer: credentials.leaf.subject,
      issuer: credentials.leaf.issuer,
      sha256: Buffer.from(await credentials.leaf.getThumbprint('SHA-256')).toString('hex'),
      notAfter: credentials.leaf.notAfter.toISOString(),
      dataDate,
      // The tests verify every image against it; a reader's validator uses the C2PA trust list instead.
      ...(anchor && { anchor: anchor.toString('pem') }),
    },
    sign: (png, job) =>
      signPng(png, {
        signer,
        generator,
        about: {
          name: job.model.headline,
          description: m.imageAlt(job.model),
          inLanguage: job.model.lang,
          dateModified: dataDate,
          // What the image is: the card's variant (and its one figure), theme and shape.
          identifier: [
            { '@type': 'PropertyValue', propertyID: 'variant', value: job.model.variant },
            { '@type': 'PropertyValue', propertyID: 'theme', value: job.theme },
            { '@type': 'PropertyValue', propertyID: 'shape', value: job.shape },
          ],
          // Every figure it shows, by fact id (GET /v1/facts/{id}), as it reads on the image.
          about: job.model.figures.map((f) => ({ '@type': 'PropertyValue', propertyID: f.id, name: f.label, value: f.equivalent ? `${f.value} (${f.equivalent})` : f.value })),
          // The one source, by the SHA-256 that GET /v1/source states.
          isBasedOn: {
            '@type': 'MediaObject', name: source.title, publisher: source.publisher, datePublished: source.published,
            encodingFormat: 'text/plain', contentUrl: '/v1/source', sha256: sourceSha256,
          },
        },
      }),
  }
}
