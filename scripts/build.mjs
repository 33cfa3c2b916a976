// Runs before every `wrangler dev`, `wrangler deploy` and `npm test` (wrangler.toml [build]):
// 1. refuses to go on when a fact's evidence or figures do not match the source;
// 2. bundles the widget scripts into dist/scripts.json, served by the worker at their path and
//    at a content-hashed path, with the SRI hashes / quotes (dist/manifest.json);
// 3. draws the card images into dist/public/img, the only static assets, and writes the card
//    catalogue dist/cards.json (scripts/images.mjs);
//    with their C2PA Content Credentials (scripts/content-credentials.mjs; C2PA_CERT, C2PA_KEY);
// 4. hashes the pages' stylesheets for their CSP (dist/pages.json) and writes /openapi.json.
// It writes under dist/ (and its image cache) only: never a tracked file.
import { build, transform } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { buildImages } from './images.mjs'
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
  await writeFile(at('dist/card-index.json'), JSON.stringify(index) + '\n')
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
  await writeFile(at('dist/formatted.json'), JSON.stringify(formattedTable()) + '\n')
  // The source's SHA-256 (/v1/source states it) and the data's version (the root of every ETag and
  // the Cache-Tag of every response: it changes whenever a byte of data/ does), here rather than in every isolate.
  const data = await Promise.all(['facts', 'locale', 'card', 'corrections'].map((name) => readFile(at(`data/${name}.json`))))
  const digest = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256'))
  await writeFile(at('dist/digests.json'), JSON.stringify({ source: digest(source).digest('hex'), data: digest(...data, source).digest('hex').slice(0, 10) }) + '\n')
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

export async function buildAssets() {
  const manifest = {}
  const sources = {}
  for (const [name, entry] of [
    ['embed', 'widget/embed.tsx'], // the script embed, on publishers' pages
    ['resize', 'widget/resize.ts'], // the optional parent script for iframes
    ['frame', 'widget/frame.ts'], // inside /card: reports its height
    ['demo', 'widget/demo.ts'], // the publisher's page at /
  ]) {
    const bytes = await bundle(entry)
    const hash = shortHash(bytes)
    sources[name] = Buffer.from(bytes).toString('utf8')
    manifest[name] = { path: `/${name}.js`, pinned: `/${name}.${hash}.js`, hash, integrity: sri(bytes), bytes: bytes.length }
  }
  // The worker serves the scripts itself (src/routes/scripts.ts), with the cache policy of every
  // other response. Only the card images are static assets (dist/public/img, scripts/images.mjs),
  // with their headers in dist/public/_headers; nothing else stays in dist/public.
  await mkdir(at('dist/'), { recursive: true })
  await writeFile(at('dist/scripts.json'), JSON.stringify(sources) + '\n')
  const images = await buildImages()
  const out = at('dist/public/')
  for (const file of await readdir(out)) if (file != 'img') await rm(new URL(file, out), { recursive: true })
  await writeFile(new URL('_headers', out), images.headers.join('\n') + '\n')
  // The worker inlines the same minified stylesheet into /card.
  await writeFile(at('dist/card.css'), await minifyCss(at('widget/card.css').pathname))
  await writeFile(at('dist/manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  return { manifest, images }
}

// The site's icon (widget/icon.ts) as SVG, as a 180 px PNG and as an ICO holding a 32 px PNG
// (ICO allows PNG entries since Windows Vista): Ghost's bookmark cards, Slack and browsers ask for these.
export async function buildIcons() {
  const { iconSvg, ICONS, readTokens } = await importSource("export * from './widget/icon.ts'; export { readTokens } from './widget/card-tokens.ts'")
  const { Resvg } = await import('@resvg/resvg-js')
  const svg = iconSvg(readTokens(await readFile(at('widget/card.css'), 'utf8')).light)
  const png = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
  const out = {}
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
    out[path] = { type, base64: bytes.toString('base64'), hash: shortHash(bytes) }
  }
  await writeFile(at('dist/icons.json'), JSON.stringify(out) + '\n')
}

// The pages' stylesheets (src/pages/*.css; /card's begins with the card's own) and the CSP hash of
// each, and of every style attribute a snippet on / carries: constant text, hashed once here.
export async function buildPageStyles() {
  const { SNIPPET_STYLES } = await importSource("export { SNIPPET_STYLES } from './widget/snippets.ts'")
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  const css = async (name) => (await readFile(at(`src/pages/${name}.css`), 'utf8')).trim()
  const card = (await readFile(at('dist/card.css'), 'utf8')) + (await css('card'))
  const styles = { home: await css('home'), source: await css('source'), card, cardError: await css('card-error') }
  const out = Object.fromEntries(Object.entries(styles).map(([name, text]) => [name, { css: text, hash: hash(text) }]))
  // The card's stylesheet as a file of its own, for the server-side card under a strict CSP: immutable at its hash.
  const cardSheet = { path: `/card.${shortHash(await readFile(at('dist/card.css')))}.css` }
  await writeFile(at('dist/pages.json'), JSON.stringify({ ...out, cardSheet, snippetStyles: SNIPPET_STYLES.map(hash) }) + '\n')
}

// The OpenAPI document, from the schemas that validate each route (src/openapi.ts): built
// here so the worker serves it as data instead of carrying a schema-to-document generator.
export async function buildOpenApi() {
  const { openApiDocument } = await importSource("export * from './src/openapi.ts'")
  await writeFile(at('dist/openapi.json'), JSON.stringify(openApiDocument()) + '\n')
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
