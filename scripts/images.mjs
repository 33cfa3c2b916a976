// The card as PNG, drawn at build time (README: "The card as an image"): every language, every
// variant (widget/variants.ts; one per figure where the variant picks one), light and dark, in two shapes: the card at 2×
// device pixels for <img> in newsletters, and a 1200×630 share image for link previews.
// widget/CardImage.tsx draws the card model with satori (JSX to SVG), resvg turns the SVG into
// pixels, sharp quantises them to a palette; the fonts come from npm (each language's @fontsource
// package, data/locale.json), cut with subset-font to the glyphs the cards use. Each image is cached under
// node_modules/.cache by a hash of what it is drawn from (its element tree, the fonts' inputs,
// the renderers' versions), so a build re-draws only what changed. Output: dist/public/img/<shape>-<hash>.png, immutable, and
// dist/public/data/cards.json, the card catalogue: every card with its model, image files, alt text and
// heights, which the worker, /, oEmbed and the tests read (src/card/catalogue.ts). Every file carries
// C2PA Content Credentials (scripts/content-credentials.mjs, docs/provenance.md), signed after the
// cache: a file is named by the hash of its unsigned pixels, so a new certificate never renames it.
import { contentCredentials } from './content-credentials.mjs'
import { importSource } from './import-source.mjs'
import { writeAtomic } from './write-atomic.mjs'
import { useBuiltStaticData } from './built-static-data.mjs'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const root = new URL('..', import.meta.url)
const at = (path) => new URL(path, root)
const require = createRequire(import.meta.url)
const version = (pkg) => require(`${pkg}/package.json`).version
const sha = (...parts) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' }, // the founder's quote in English; CJK faces have none, and Chinese quotes are drawn upright (CardImage.tsx)
]
/** The card is drawn at 2× device pixels, so it stays sharp on high-density screens and paper
 *  (test/node/images.test.mjs checks the files). */
export const CARD_SCALE = 2
const CACHE = at('node_modules/.cache/xiaomi-ev-card-images/')

// The card model, the image components and the tokens are TypeScript: bundle them for node.
export const loadModules = () =>
  importSource(`export { LANGS } from './widget/card-model'
    export { VARIANTS, VARIANT_TABLE, fixedHeight } from './widget/variants'
    export { buildCard } from './src/card/model'
    export { shareModel, imageAlt, factsText } from './src/card/alt'
    export { figureIds, locales, factSet, corrections } from './src/data'
    export { CardImage, ShareImage, SHARE } from './widget/CardImage'
    export { readTokens } from './widget/card-tokens'
    export { cardKey } from './widget/snippets'
    export { STATIC_DATA, useStaticData } from './src/lib/static-data'`)

/** A Preact element tree as the plain { type, props } objects satori reads, components called. */
export function plain(node) {
  if (node == null || typeof node == 'boolean') return null
  if (typeof node == 'string' || typeof node == 'number') return String(node)
  if (Array.isArray(node)) return node.flatMap((n) => plain(n) ?? [])
  if (typeof node.type == 'function') return plain(node.type(node.props))
  const { children, style, ...props } = node.props
  const kids = [children].flat(Infinity).map(plain).flat().filter((c) => c !== null)
  // card.css: `.xc * { box-sizing: border-box }`; satori's default is content-box.
  return { type: node.type, props: { ...props, style: { boxSizing: 'border-box', ...style }, children: kids.length == 1 ? kids[0] : kids } }
}

const texts = (node) => (typeof node == 'string' ? [node] : node ? [node.props.children].flat().flatMap(texts) : [])

/** Every card the API can show: each language, variant and figure (where its variant picks one), light and dark. */
function cardList(m) {
  const cards = []
  for (const lang of m.LANGS)
    for (const variant of m.VARIANTS)
      for (const fact of m.VARIANT_TABLE[variant].fact ? m.figureIds : [undefined])
        for (const theme of ['light', 'dark']) cards.push({ lang, variant, fact, theme, key: m.cardKey(lang, variant, fact) })
  return cards
}

const parseRanges = (list) =>
  list.split(',').map((r) => {
    const [a, b = a] = r.replace(/^U\+/i, '').split('-')
    return [parseInt(a, 16), parseInt(b, 16)]
  })

/** Each face of a language's font, cut to `chars`: one font per @fontsource unicode subset it
 *  needs (satori takes the first font of the family that has a glyph). Refuses a missing glyph. */
async function subsetFonts(font, lang, chars) {
  const { default: subsetFont } = await import('subset-font')
  const { package: pkg, family } = font
  const dir = require.resolve(`${pkg}/package.json`).replace(/package\.json$/, '')
  const subsets = Object.entries(JSON.parse(await readFile(`${dir}unicode.json`, 'utf8'))).map(([name, ranges]) => ({
    name: name.replace(/^\[|\]$/g, ''),
    ranges: parseRanges(ranges),
  }))
  const fonts = []
  for (const face of FACES) {
    let left = [...chars]
    for (const subset of subsets) {
      const mine = left.filter((ch) => subset.ranges.some(([a, b]) => ch.codePointAt(0) >= a && ch.codePointAt(0) <= b))
      if (!mine.length) continue
      const file = `${dir}files/${pkg.split('/')[1]}-${subset.name}-${face.weight}-${face.style}.woff`
      if (!existsSync(file)) continue // no italic in CJK faces
      const data = await subsetFont(await readFile(file), mine.join(''), { targetFormat: 'truetype' })
      // One family name per @fontsource subset: satori keeps one font per name, weight and style.
      fonts.push({ name: `${family} ${subset.name}`, data, weight: face.weight, style: face.style })
      left = left.filter((ch) => !mine.includes(ch))
    }
    if (left.length && face.style == 'normal') throw new Error(`${family} has no glyph for ${left.map((c) => JSON.stringify(c)).join(' ')} (${lang})`)
  }
  return fonts
}

/** Renders what is not cached, writes dist/public/img and dist/public/data/cards.json; returns the catalogue and timings. */
export async function buildImages() {
  const started = performance.now()
  const m = await loadModules()
  await useBuiltStaticData(m, ['corrections'])
  const tokens = m.readTokens(await readFile(at('widget/card.css'), 'utf8'))
  const renderer = ['satori', '@resvg/resvg-js', 'subset-font', 'sharp'].map((p) => `${p}@${version(p)}`).join(' ')
  // Heights: a fixed-height variant has one (widget/variants.ts), a growing one's were measured per
  // frame width in Chromium (scripts/measure-heights.mjs). Between two measured widths a frame takes
  // the taller (src/card/catalogue.ts).
  const measured = JSON.parse(await readFile(at('src/card/heights.json'), 'utf8'))
  const catalogue = { widths: measured.widths, cards: {} }
  const jobs = []
  for (const card of cardList(m)) {
    const model = m.buildCard(card.lang, card.variant, card.fact)
    const share = m.shareModel(card.lang, card.variant, card.fact)
    const fixed = m.fixedHeight(card.variant)
    const grown = measured.grows[card.variant]?.[card.lang]
    if (fixed === undefined && !grown) throw new Error(`src/card/heights.json has no ${card.variant} heights for ${card.lang}: run scripts/measure-heights.mjs`)
    // One entry per card, both themes, with the one model /v1/card serves; the images' files are added once drawn.
    catalogue.cards[card.key] ??= {
      model,
      height: fixed ?? grown,
      alt: { card: m.imageAlt(model), share: m.imageAlt(share) },
      facts: m.factsText(model).trim(),
      images: { light: {}, dark: {} },
    }
    const font = m.locales[card.lang].font
    const props = { tokens: tokens[card.theme], font: font.family }
    jobs.push({ ...card, shape: 'card', model, tree: plain(m.CardImage({ ...props, model })), size: { width: tokens.light.width }, scale: CARD_SCALE })
    jobs.push({ ...card, shape: 'share', model: share, tree: plain(m.ShareImage({ ...props, model: share })), size: { ...m.SHARE }, scale: 1 })
  }
  // The glyphs a language needs: everything its images say, and the ellipsis clamped lines end in.
  const chars = new Map()
  for (const job of jobs) {
    const set = chars.get(job.lang) ?? new Set('… ')
    for (const text of texts(job.tree)) for (const ch of text) set.add(ch)
    chars.set(job.lang, set)
  }
  const fontKey = new Map([...chars].map(([lang, set]) => [lang, sha(version(m.locales[lang].font.package), [...set].sort().join(''))]))
  const fonts = new Map()
  await mkdir(CACHE, { recursive: true })
  let rendered = 0
  const quantising = []
  const drawing = new Map()
  const { default: satori } = await import('satori')
  const { Resvg } = await import('@resvg/resvg-js')
  const { default: sharp } = await import('sharp')
  for (const job of jobs) {
    job.cacheKey = sha(renderer, fontKey.get(job.lang), JSON.stringify([job.tree, job.size, job.scale]))
    const cached = new URL(`${job.cacheKey}.png`, CACHE)
    if (existsSync(cached)) {
      job.png = await readFile(cached)
      continue
    }
    if (drawing.has(job.cacheKey)) continue // the same image, already on its way (share of full = of compact)
    drawing.set(job.cacheKey, job)
    if (!fonts.has(job.lang)) fonts.set(job.lang, await subsetFonts(m.locales[job.lang].font, job.lang, chars.get(job.lang)))
    const svg = await satori(job.tree, { ...job.size, fonts: fonts.get(job.lang) })
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: job.scale }, font: { loadSystemFonts: false } })
    // Flat colours and anti-aliased text fit a palette: about a third of resvg's RGBA bytes.
    // sharp works on its own threads, so the next image is drawn meanwhile.
    quantising.push(
      sharp(resvg.render().asPng())
        .png({ palette: true, compressionLevel: 9, effort: 1 })
        .toBuffer()
        .then((png) => writeFile(cached, (job.png = png))),
    )
    rendered++
  }
  await Promise.all(quantising)
  for (const job of jobs) job.png ??= drawing.get(job.cacheKey).png
  // Content-hashed names: a file never changes, and identical images share one.
  const out = at('dist/public/img/')
  await mkdir(out, { recursive: true })
  const credentials = await contentCredentials(m, JSON.parse(await readFile(at('dist/digests.json'), 'utf8')).source)
  const written = new Map()
  for (const job of jobs) {
    const name = `${job.shape}-${sha(job.png).slice(0, 12)}.png`
    if (!written.has(name)) {
      const signed = await credentials.sign(job.png, job)
      await writeAtomic(new URL(name, out), signed)
      written.set(name, signed.length)
    }
    job.bytes = written.get(name)
    const width = job.png.readUInt32BE(16)
    const height = job.png.readUInt32BE(20)
    // width and height are CSS px, what <img width height> and og:image:width say; the card's
    // file has CARD_SCALE × as many pixels each way.
    catalogue.cards[job.key].images[job.theme][job.shape] = { path: `/img/${name}`, width: width / job.scale, height: height / job.scale, scale: job.scale }
  }
  for (const file of await readdir(out)) if (!written.has(file)) await rm(new URL(file, out))
  // The cache keeps this build's images only, so it stays the size of one build.
  const keep = new Set(jobs.map((j) => `${j.cacheKey}.png`))
  for (const file of await readdir(CACHE)) if (!keep.has(file)) await rm(new URL(file, CACHE))
  await mkdir(at('dist/public/data/'), { recursive: true })
  await writeAtomic(at('dist/public/data/cards.json'), JSON.stringify(catalogue) + '\n')
  const bytes = (shape, variant) => jobs.filter((j) => j.shape == shape && j.variant == variant).map((j) => j.bytes)
  const sizes = Object.fromEntries(
    ['card', 'share'].flatMap((shape) => m.VARIANTS.map((v) => [`${shape} ${v}`, [Math.min(...bytes(shape, v)), Math.max(...bytes(shape, v))]])),
  )
  await writeFile(at('dist/content-credentials.json'), JSON.stringify(credentials.summary, null, 2) + '\n')
  return { catalogue, sizes, files: written.size, rendered, total: jobs.length, credentials: credentials.summary, ms: Math.round(performance.now() - started) }
}
