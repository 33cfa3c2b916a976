// The card images' C2PA Content Credentials, read by the CAI's own engine (c2pa-rs as WebAssembly,
// @contentauth/c2pa-wasm), not by c2pa-ts, which wrote them: every PNG of the build is Trusted with
// the build's anchor and says what it shows (the catalogue's), what it is based on and when; a
// changed pixel makes it Invalid; a chain made here is trusted only with its own root.
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import sharp from 'sharp'
import init, { WasmReader } from '@contentauth/c2pa-wasm'
import { makeSigner, signPng, throwawayChain } from '../../scripts/content-credentials.mjs'

const root = new URL('../../', import.meta.url)
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'))
const IMG = new URL('dist/public/img/', root)
const build = readJson('dist/content-credentials.json')

before(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm'))
  await init({ module_or_path: wasm })
})

/** What c2pa-rs makes of a PNG, trusting `anchor` (a PEM root) and nothing else. */
async function read(bytes, anchor) {
  const context = JSON.stringify({ trust: { trust_anchors: anchor }, verify: { verify_trust: true } })
  const reader = await WasmReader.fromBytes('image/png', new Uint8Array(bytes), context)
  const store = JSON.parse(reader.json())
  const manifest = reader.activeManifest()
  const failures = (store.validation_results?.activeManifest?.failure ?? []).map((f) => f.code)
  reader.free()
  return { state: store.validation_state, failures, manifest, assertion: (label) => manifest.assertions.find((a) => a.label === label)?.data }
}

/** A PNG's chunks: type, the whole chunk, its data. */
function chunksOf(png) {
  const chunks = []
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), whole: png.subarray(at, at + 12 + length), data: png.subarray(at + 8, at + 8 + length) })
    at += 12 + length
  }
  return chunks
}

/** The PNG with one pixel changed, still a valid PNG: its image data inflated, one byte of the first
 *  row changed, deflated into one IDAT chunk with its CRC; every other chunk (the manifest too) kept. */
function changePixel(png) {
  const chunks = chunksOf(png)
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)))
  pixels[1] ^= 1 // the first pixel of the first row (byte 0 is the row's filter type)
  const data = deflateSync(pixels)
  const idat = Buffer.alloc(12 + data.length)
  idat.writeUInt32BE(data.length, 0)
  idat.write('IDAT', 4, 'latin1')
  data.copy(idat, 8)
  idat.writeUInt32BE(crc32(idat.subarray(4, 8 + data.length)), 8 + data.length)
  const first = chunks.findIndex((c) => c.type === 'IDAT')
  const kept = chunks.filter((c) => c.type !== 'IDAT').map((c) => c.whole)
  return Buffer.concat([png.subarray(0, 8), ...kept.slice(0, first), idat, ...kept.slice(first)])
}

describe('Content Credentials on the card images', () => {
  it('every PNG of the build is Trusted with the build\'s anchor, and states what it shows, its source and date', async () => {
    const cards = Object.values(readJson('dist/public/data/cards.json').cards)
    const sourceSha256 = readJson('dist/digests.json').source
    const dataDate = readJson('data/corrections.json').corrections.map((c) => c.date).sort().at(-1)
    const files = readdirSync(IMG).filter((f) => f.endsWith('.png'))
    assert.ok(files.length > 0, 'the build wrote no images')
    for (const file of files) {
      const png = readFileSync(new URL(file, IMG))
      const { state, failures, manifest, assertion } = await read(png, build.anchor)
      assert.equal(state, 'Trusted', `${file}: ${failures.join(', ')}`)
      // Named by the image without its manifest (the caBX chunk), so a new certificate renames nothing.
      const unsigned = Buffer.concat([png.subarray(0, 8), ...chunksOf(png).filter((c) => c.type !== 'caBX').map((c) => c.whole)])
      assert.equal(file.match(/-([0-9a-f]{12})\.png$/)[1], createHash('sha256').update(unsigned).digest('hex').slice(0, 12), file)
      const work = assertion('stds.schema-org.CreativeWork')
      // The catalogue's cards that use this file: the manifest describes the image they show.
      const uses = cards.flatMap((c) => ['light', 'dark'].flatMap((theme) => ['card', 'share'].filter((shape) => c.images[theme][shape].path === `/img/${file}`).map((shape) => ({ c, theme, shape }))))
      assert.ok(uses.length > 0, `${file} is no card's image`)
      for (const { c, theme, shape } of uses) {
        assert.equal(work.inLanguage, c.model.lang, file)
        assert.equal(work.description, c.alt[shape], file)
        const ids = Object.fromEntries(work.identifier.map((p) => [p.propertyID, p.value]))
        assert.deepEqual([ids.theme, ids.shape], [theme, shape], file)
        // The card shape draws the catalogue's model; the share image its own (src/card/alt.ts shareModel), whose words alt.share is.
        if (shape === 'card') {
          assert.equal(ids.variant, c.model.variant, file)
          assert.deepEqual(work.about.map((f) => f.propertyID), c.model.figures.map((f) => f.id), file)
        }
      }
      for (const figure of work.about) assert.ok(uses[0].c.alt[uses[0].shape].includes(figure.value.split(' (')[0]), `${file}: ${figure.value}`)
      assert.equal(work.isBasedOn.sha256, sourceSha256, file)
      assert.equal(work.dateModified, dataDate, file)
      assert.equal(manifest.claim_generator_info[0].name, readJson('package.json').name)
      assert.equal(assertion('c2pa.actions.v2').actions[0].action, 'c2pa.created')
    }
    console.log(`# ${files.length} images, each Trusted (${build.throwaway ? 'a throwaway chain of this build' : build.issuer})`)
  })

  it('one changed pixel makes an image Invalid (its data hash no longer matches)', async () => {
    const file = readdirSync(IMG).find((f) => f.endsWith('.png'))
    const signed = readFileSync(new URL(file, IMG))
    const changed = changePixel(signed)
    // Still a PNG a decoder reads, one pixel apart from the signed one.
    const [a, b] = await Promise.all([signed, changed].map((png) => sharp(png).raw().toBuffer()))
    assert.equal(a.length, b.length)
    assert.equal(a.filter((byte, i) => byte !== b[i]).length > 0, true)
    const { state, failures } = await read(changed, build.anchor)
    assert.equal(state, 'Invalid')
    assert.ok(failures.includes('assertion.dataHash.mismatch'), failures.join(', '))
  })

  for (const algorithm of ['Ed25519', 'ECDSA']) {
    it(`a chain made at test time (${algorithm}) is Trusted with its own root, and not with another`, async () => {
      const chain = await throwawayChain('content-credentials test', algorithm)
      const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } }).png().toBuffer()
      const about = { name: 'test', inLanguage: 'en', dateModified: '2026-01-01' }
      const signed = await signPng(png, { signer: await makeSigner(chain), about, generator: { name: 'test', version: '0' } })
      const { state, failures, manifest } = await read(signed, chain.root.toString('pem'))
      assert.equal(state, 'Trusted', failures.join(', '))
      assert.equal(manifest.signature_info.alg, algorithm === 'ECDSA' ? 'Es256' : 'Ed25519')
      const other = await throwawayChain('another', algorithm)
      assert.notEqual((await read(signed, other.root.toString('pem'))).state, 'Trusted')
    })
  }
})
