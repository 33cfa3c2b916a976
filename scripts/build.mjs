// Runs before every `wrangler dev`, `wrangler deploy` and `npm test` (wrangler.toml [build]):
// 1. refuses to go on when a fact's evidence or figures do not match the source;
// 2. bundles the widget scripts, static assets at their path and at a content-hashed path, with
//    the SRI hashes / quotes (dist/manifest.json);
// 3. draws the card images into dist/public/img and writes the card catalogue dist/public/data/cards.json
//    (scripts/images.mjs), with their C2PA Content Credentials (scripts/content-credentials.mjs;
//    C2PA_CERT, C2PA_KEY);
// 4. hashes the pages' stylesheets for their CSP (dist/pages.json), draws the icons and writes
//    /openapi.json.
// What does not change between requests is a static asset (dist/public, with its headers in
// dist/public/_headers): asset routing serves it without running the worker, and the worker's
// upload stays small (docs/performance.md). It writes under dist/ (and its image cache) only.
import { build, transform } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { buildImages } from './images.mjs'
import { useBuiltStaticData } from './built-static-data.mjs'
import { staticHeaders } from './static-headers.mjs'
import { writeAtomic } from './write-atomic.mjs'
import { importSource } from './import-source.mjs'

const root = new URL('..', import.meta.url)
const at = (path) => new URL(path, root)
const readJson = async (path) => JSON.parse(await readFile(at(path), 'utf8'))

export async function checkData() {
  // The names of the languages and variants, which widget/card-model.ts lists (everything below
  // imports it): embed.js carries these few bytes, not the data they come from.
  const card = await readJson('data/card.json')
  const index = {
    langs: Object.keys(await readJson('data/locale.json')),
    variants: Object.keys(card.variants),
    defaultVariant: card.default,
    pickFact: Object.keys(card.variants).filter((name) => card.variants[name].fact),
  }
  await mkdir(at('dist/'), { recursive: true })
  await writeAtomic(at('dist/card-index.json'), JSON.stringify(index) + '\n')
  const { validateData } = await importSource("export * from './src/data/validate.ts'")
  const source = await readFile(at('data/source/xiaomi-ev-launch-2021-04-01.txt'), 'utf8')
  const errors = validateData(
    {
      facts: await readJson('data/facts.json'), locales: await readJson('data/locale.json'),
      card: await readJson('data/card.json'), corrections: await readJson('data/corrections.json'), ui: await readJson('data/ui.json'),
    },
    source,
  )
  if (errors.length) {
    console.error(`data/ is not sound, ${errors.length} problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`)
    process.exit(1)
  }
  // Sound data, formatted once per language: the worker only looks figures up (src/data/formatted.ts).
  const { formattedTable } = await importSource("export * from './src/data/formatted.ts'")
  await writeAtomic(at('dist/formatted.json'), JSON.stringify(formattedTable()) + '\n')
  // The source's SHA-256 (/v1/source states it) and the data's version (the root of every ETag and
  // the Cache-Tag of every response: it changes whenever a byte of data/ does), here rather than in every isolate.
  const data = await Promise.all(['facts', 'locale', 'card', 'corrections'].map((name) => readFile(at(`data/${name}.json`))))
  const digest = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256'))
  await writeAtomic(at('dist/digests.json'), JSON.stringify({ source: digest(source).digest('hex'), data: digest(...data, source).digest('hex').slice(0, 10) }) + '\n')
  return (await readJson('data/facts.json')).facts.length
}

const minifyCss = async (path) => (await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true })).code.trim()

// CSS imports become minified strings: the shadow root needs the text, not a file.
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: `export default ${JSON.stringify(await minifyCss(args.path))}`,
      loader: 'js',
    }))
  },
}

async function bundle(entry) {
  const { outputFiles } = await build({
    entryPoints: [at(entry).pathname],
    bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'none',
    jsx: 'automatic', jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [cssAsText],
  })
  return outputFiles[0].contents
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`
const shortHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10)

/** A file for dist/public, and how its headers are chosen (scripts/static-headers.mjs). */
const published = []
async function publish(path, bytes, policy) {
  await mkdir(new URL('.', at(`dist/public${path}`)), { recursive: true })
  await writeAtomic(at(`dist/public${path}`), bytes)
  published.push({ path, policy })
}

export async function buildAssets() {
  const manifest = {}
  for (const [name, entry] of [
    ['embed', 'widget/embed.tsx'], // the script embed, on publishers' pages
    ['resize', 'widget/resize.ts'], // the optional parent script for iframes
    ['frame', 'widget/frame.ts'], // inside /card: reports its height
    ['demo', 'widget/demo.ts'], // the publisher's page at /
  ]) {
    const bytes = await bundle(entry)
    const hash = shortHash(bytes)
    manifest[name] = { path: `/${name}.js`, pinned: `/${name}.${hash}.js`, hash, integrity: sri(bytes), bytes: bytes.length }
    // /embed.js may change with a deploy; /embed.<hash>.js never does (an older hash is gone: 404).
    await publish(manifest[name].path, bytes, { tag: name })
    await publish(manifest[name].pinned, bytes, { tag: name, pinned: true })
  }
  // The worker inlines the same minified stylesheet into /card and /v1/card.html; /card.css and
  // /card.<hash>.css serve it for a host page whose CSP allows no inline <style>.
  const cardCss = await minifyCss(at('widget/card.css').pathname)
  await writeAtomic(at('dist/card.css'), cardCss)
  // Its colours in light and dark, for the worker's contrast checks: read once here, not in every isolate.
  const { readTokens } = await importSource("export { readTokens } from './widget/card-tokens.ts'")
  await writeAtomic(at('dist/card-schemes.json'), JSON.stringify(readTokens(cardCss)) + '\n')
  await publish('/card.css', cardCss, { tag: 'card-css' })
  await publish(`/card.${shortHash(cardCss)}.css`, cardCss, { tag: 'card-css', pinned: true })
  // Data the worker reads through its ASSETS binding (src/lib/static-data.ts), public like the rest;
  // the images read the corrections, and write the catalogue.
  for (const name of ['ui', 'corrections']) await publish(`/data/${name}.json`, JSON.stringify(await readJson(`data/${name}.json`)) + '\n', { tag: name })
  const images = await buildImages()
  published.push({ path: '/data/cards.json', policy: { tag: 'catalogue' } })
  await writeAtomic(at('dist/manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  return { manifest, images }
}

/** dist/public/_headers, once every file is published: asset routing answers without the worker.
 *  Then what an earlier build published and this one did not (an older script's hash) goes. */
export async function writeStaticHeaders() {
  await writeAtomic(at('dist/public/_headers'), (await staticHeaders(published)).join('\n') + '\n')
  const kept = new Set(['/_headers', ...published.map((f) => f.path)])
  for (const dir of ['', '/data']) {
    for (const entry of await readdir(at(`dist/public${dir}/`), { withFileTypes: true })) {
      if (entry.isFile() && !kept.has(`${dir}/${entry.name}`)) await rm(at(`dist/public${dir}/${entry.name}`))
    }
  }
}

// The site's icon (widget/icon.ts) as SVG, as a 180 px PNG and as an ICO holding a 32 px PNG
// (ICO allows PNG entries since Windows Vista): Ghost's bookmark cards, Slack and browsers ask for
// these from other origins. A deploy may redraw them: the scripts' cache policy.
export async function buildIcons() {
  const { iconSvg, ICONS, readTokens } = await importSource("export * from './widget/icon.ts'; export { readTokens } from './widget/card-tokens.ts'")
  const { Resvg } = await import('@resvg/resvg-js')
  const svg = iconSvg(readTokens(await readFile(at('widget/card.css'), 'utf8')).light)
  const png = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
  for (const [path, { type, size }] of Object.entries(ICONS)) {
    let bytes = type == 'image/svg+xml' ? Buffer.from(svg) : png(size)
    if (type == 'image/x-icon') {
      const head = Buffer.alloc(22)
      head.writeUInt16LE(1, 2) // type: icon
      head.writeUInt16LE(1, 4) // one image
      head.writeUInt8(size, 6) // width, height
      head.writeUInt8(size, 7)
      head.writeUInt16LE(1, 10) // colour planes
      head.writeUInt16LE(32, 12) // bits per pixel
      head.writeUInt32LE(bytes.length, 14)
      head.writeUInt32LE(22, 18) // offset of the PNG
      bytes = Buffer.concat([head, bytes])
    }
    await publish(path, bytes, { tag: 'icon', type })
  }
}

// The pages' stylesheets (src/pages/*.css; /card's begins with the card's own) and the CSP hash of
// each, and of every style attribute a snippet on / carries: constant text, hashed once here.
export async function buildPageStyles() {
  const { SNIPPET_STYLES } = await importSource("export { SNIPPET_STYLES } from './widget/snippets.ts'")
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  const css = async (name) => (await readFile(at(`src/pages/${name}.css`), 'utf8')).trim()
  const styles = { home: await css('home'), source: await css('source'), card: await css('card'), cardError: await css('card-error') }
  const out = Object.fromEntries(Object.entries(styles).map(([name, text]) => [name, { css: text, hash: hash(text) }]))
  // /card's sheet is the card's own (the worker has it already: dist/card.css) then the page's rules.
  out.card.hash = hash((await readFile(at('dist/card.css'), 'utf8')) + styles.card)
  // The card's stylesheet as a file of its own, for the server-side card under a strict CSP: immutable at its hash.
  const cardSheet = { path: published.find((f) => f.policy.tag == 'card-css' && f.policy.pinned).path }
  await writeAtomic(at('dist/pages.json'), JSON.stringify({ ...out, cardSheet, snippetStyles: SNIPPET_STYLES.map(hash) }) + '\n')
}

// The OpenAPI document, from the schemas that validate each route (src/openapi.ts): a static
// asset, so the worker carries neither it nor a schema-to-document generator.
export async function buildOpenApi() {
  const m = await importSource("export * from './src/openapi.ts'; export { STATIC_DATA, useStaticData } from './src/lib/static-data'")
  await useBuiltStaticData(m)
  const { openApiDocument } = m
  await publish('/openapi.json', JSON.stringify(openApiDocument()) + '\n', { tag: 'openapi' })
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = await checkData()
  if (process.argv.includes('--check')) {
    console.log(`data/: ${count} facts, every span and figure found in the source`)
  } else {
    const { manifest, images } = await buildAssets()
    await buildIcons()
    await buildPageStyles()
    await buildOpenApi()
    await writeStaticHeaders()
    console.log(`data/: ${count} facts verified; built ${Object.values(manifest).map((m) => `${m.pinned} (${m.bytes} B)`).join(', ')}`)
    const sizes = Object.entries(images.sizes).map(([k, [min, max]]) => `${k} ${min}–${max} B`).join(', ')
    console.log(`images: ${images.files} files for ${images.total} cards × shapes, ${images.rendered} drawn, the rest cached, in ${images.ms} ms; ${sizes}`)
    // `npm run deploy` passes --deploy: a test certificate must not reach readers unnoticed.
    if (process.argv.includes('--deploy') && images.credentials.throwaway) {
      console.warn('\nWARNING: deploying images whose Content Credentials carry a throwaway TEST certificate: no validator will trust them.\n' +
        '         Set C2PA_CERT and C2PA_KEY to a certificate on the C2PA trust list (docs/provenance.md), and build again.\n')
    }
  }
}
