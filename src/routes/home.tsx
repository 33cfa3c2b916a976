import { Hono } from 'hono'
import manifest from '../../dist/manifest.json'
import { DEFAULT_LANG, LANGS, THEMES, type Lang } from '../../widget/card-model'
import { cardKey, snippets, type SnippetCard, type SnippetOptions } from '../../widget/snippets'
import { DEFAULT_VARIANT, VARIANTS, VARIANT_TABLE } from '../../widget/variants'
import { cardOf, fullWidthHeight } from '../card/catalogue'
import { factsById, figureIds, locales } from '../data'
import { ShareMeta } from '../pages/share-meta'
import { builderQuery } from '../card/query'
import type { Figure } from '../data/schema'
// The page's stylesheet and the CSP hashes of it and of the snippets' style attributes, from the build.
import styles from '../../dist/pages.json'
import { Document, jsonForScript, renderDocument } from '../pages/document'
import { pageSecurity, respondHtml } from '../lib/pages'
import { FONT_CHOICES, contrastProblems } from '../../widget/card-style'
import { CARD_SCHEMES } from '../card/style'
import { htmlResponse as html, notModified, type RouteDoc } from '../lib/route-doc'

interface HomeState extends SnippetOptions {
  facts: { id: string; label: string }[]
  /** Each language's name in itself, beside its code. */
  languages: Record<Lang, string>
  /** The card's own colours, for the builder's contrast warning (the API's rule, widget/card-style.ts). */
  schemes: typeof CARD_SCHEMES
}

/** What the snippets state of every card, from the catalogue, so the builder writes them as options change. */
let cards: HomeState['cards'] | undefined
const snippetCards = (): HomeState['cards'] =>
  Object.fromEntries(
    LANGS.flatMap((lang) =>
      VARIANTS.flatMap((variant) => (VARIANT_TABLE[variant].fact ? figureIds : [undefined]).map((fact) => [lang, variant, fact] as const)),
    ).map(([lang, variant, fact]): [string, SnippetCard] => {
      const card = cardOf(lang, variant, fact)
      const { width, height } = card.images.light.card
      return [cardKey(lang, variant, fact), { alt: card.alt.card, facts: card.facts, image: { width, height }, frameHeight: fullWidthHeight(card) }]
    }),
  )

// What to paste where, and what the reader then sees (docs/platforms.md has the detail).
const PLATFORMS: [platform: string, paste: string, sees: string][] = [
  ['WordPress', 'The card page URL (from the oEmbed snippet: the url= part, or /card?… itself) on its own line in the post.',
    "The live card, sized to its content by WordPress's own embed script; evidence and source links open the source. Before the card loads, and where scripts do not run, the headline, date and key figures as text."],
  ['Ghost', 'The card page URL for a bookmark card; or the iframe snippet in an HTML card.',
    "A bookmark card with the card's title, key figures, share image and icon; in an HTML card, the live card. Ghost's emails cannot show frames: use the image snippet there."],
  ['Medium', 'The card page URL on its own line.',
    "Medium embeds through Embedly: a frame of the card, which tells it its height; otherwise a link preview with the card's title, figures and share image."],
  ['Substack', 'The PNG (Download PNG: the card) as an image, linked to the card page URL.',
    'The card as an image with all its figures in its alt text; a click opens the live card. Substack takes no frames or scripts.'],
  ['AMP', 'The AMP snippet.', "The card's image until the card is ready, then the live card at its height (in view, after a tap on the button below it)."],
  ['Email', 'The image snippet.', 'The card as an image, linked to the live card; mail clients that block images read its alt text, which states every figure.'],
  ['RSS', 'The script snippet (or the image snippet).', 'Feed readers drop scripts and keep the headline, date and key figures as text with the link; the image snippet shows the picture.'],
]

function Platforms() {
  return (
    <section aria-labelledby="where" id="where-s">
      <h2 id="where">Where you publish</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Platform</th>
            <th scope="col">Paste</th>
            <th scope="col">Your reader sees</th>
          </tr>
        </thead>
        <tbody>
          {PLATFORMS.map(([platform, paste, sees]) => (
            <tr key={platform}>
              <th scope="row">{platform}</th>
              <td>{paste}</td>
              <td>{sees}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Home({ s }: { s: HomeState }) {
  const { paste: code, preview, png } = snippets(s)
  const radios = (name: string, values: readonly string[], current: string, names?: Record<string, string>) =>
    values.map((v) => (
      <label key={v}>
        <input type="radio" name={name} value={v} checked={v === current} /> {v}
        {names && (
          <>
            {' '}
            <span lang={v}>{names[v]}</span>
          </>
        )}
      </label>
    ))
  const snippet = (id: keyof typeof code, label: string) => (
    <div class="snip">
      <label for={`snip-${id}`}>{label}</label>
      <textarea id={`snip-${id}`} readOnly spellcheck={false} data-snippet={id}>
        {code[id]}
      </textarea>
      <button type="button" class="copy" data-copy={`snip-${id}`}>
        Copy
      </button>
      <p class="status" role="status" aria-live="polite" data-status={`snip-${id}`} />
    </div>
  )
  return (
    <Document lang="en" title="xiaomi-ev-card: embed the verified facts of Xiaomi's EV launch" css={styles.home.css} scripts={[manifest.demo.pinned, manifest.embed.pinned, manifest.resize.pinned]}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:title" content="xiaomi-ev-card" />
          <meta property="og:url" content={`${s.origin}/`} />
          <ShareMeta card={cardOf(DEFAULT_LANG, DEFAULT_VARIANT)} theme="light" origin={s.origin} />
        </>
      }
    >
      <header>
        <h1>xiaomi-ev-card</h1>
        <p>
          The verified facts of Xiaomi's smart electric-vehicle launch (2021-04-01), for your page. Every figure links to
          its source.
        </p>
      </header>
      <main>
        <section aria-labelledby="build" id="build-s">
          <h2 id="build">Build your snippet</h2>
          <form method="get" action="/" id="options">
            <fieldset>
              <legend>Variant</legend>
              {radios('variant', VARIANTS, s.variant)}
            </fieldset>
            <fieldset>
              <legend>Theme</legend>
              {radios('theme', THEMES, s.theme)}
            </fieldset>
            <fieldset>
              <legend>Language</legend>
              {radios('lang', LANGS, s.lang, s.languages)}
            </fieldset>
            <fieldset id="look">
              <legend>Your look (optional)</legend>
              <label>
                Accent <input type="color" name="accent" value={s.style?.accent ?? s.schemes.light.acc} />
              </label>
              <label>
                <input type="checkbox" name="custom" value="accent" checked={!!s.style?.accent} /> use it
              </label>{' '}
              <label>
                Corner radius <input type="number" name="radius" min="0" max="32" step="1" placeholder="12" value={s.style?.radius ?? ''} /> px
              </label>{' '}
              <label>
                Font{' '}
                <select name="font">
                  <option value="">The reader's system font</option>
                  {FONT_CHOICES.map((f) => (
                    <option value={f} selected={f === s.style?.font} key={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
              <p id="contrast" role="status" aria-live="polite">
                {contrastProblems(s.style ?? {}, s.theme, s.schemes).map((p) => `${p.name}: ${p.reason}. `)}
              </p>
            </fieldset>
            <p>
              <label for="fact">Figure for the stat card</label>{' '}
              <select id="fact" name="fact">
                {s.facts.map((f) => (
                  <option value={f.id} selected={f.id === s.fact} key={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </p>
            <button type="submit" id="apply">Update</button>
          </form>
        </section>
        {/* On a phone the preview comes right after the options; on a wide screen it stays beside both. */}
        <section aria-labelledby="preview" class="preview">
          <h2 id="preview">Live preview</h2>
          <div>
            <h3>Script embed</h3>
            <div id="script-preview" dangerouslySetInnerHTML={{ __html: preview.script }} />
          </div>
          <div>
            <h3>Image, for newsletters and print</h3>
            <div id="image-preview" dangerouslySetInnerHTML={{ __html: preview.image }} />
          </div>
          {/* Last: the framed card's own h1 would otherwise skip a level before the next h3 (axe heading-order). */}
          <div>
            <h3>Iframe embed</h3>
            <div id="iframe-preview" dangerouslySetInnerHTML={{ __html: preview.iframe }} />
          </div>
        </section>
        <section aria-labelledby="paste" id="paste-s">
          <h2 id="paste">Paste one of these</h2>
          {snippet('script', 'Script embed (recommended)')}
          {snippet('iframe', 'Iframe embed, for CMSs that only allow iframes')}
          {snippet('oembed', 'oEmbed URL, for WordPress, Ghost and other oEmbed consumers')}
          {snippet('pinned', 'Pinned script with Subresource Integrity')}
          {snippet('server', 'Server-side card: fetch this URL on your server and put the HTML in your page (docs/theming.md)')}
          {snippet('newsletter', 'Image, for newsletters, RSS and print (links to the live card)')}
          {snippet('amp', 'AMP pages (amp-iframe; add the amp-iframe component to the page)')}
          <p class="png">
            Download PNG:{' '}
            <a href={png.card} download data-png="card">
              the card (2×)
            </a>
            <a href={png.share} download data-png="share">
              share image (1200×630)
            </a>
          </p>
        </section>
        <Platforms />
      </main>
      <footer>
        API: <a href="/v1/facts">/v1/facts</a> · <a href="/v1/card">/v1/card</a> · <a href="/openapi.json">OpenAPI</a> ·{' '}
        <a href="/source">source document</a>
      </footer>
      <script type="application/json" id="demo-config" dangerouslySetInnerHTML={{ __html: jsonForScript(s) }} />
    </Document>
  )
}

// The previews are the publisher's snippets verbatim, style attributes included ('unsafe-hashes').
const security = pageSecurity(
  { styleSrc: [styles.home.hash, "'unsafe-hashes'", ...styles.snippetStyles], connectSrc: ["'self'"], frameSrc: ["'self'"] },
  { xFrameOptions: 'DENY' },
)

export const home = new Hono().get('/', security, (c) => {
  const url = new URL(c.req.url)
  const { style, ...card } = builderQuery(url.searchParams)
  const state: HomeState = {
    origin: url.origin,
    ...card,
    pinned: { src: manifest.embed.pinned, integrity: manifest.embed.integrity },
    headlines: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].headline])) as Record<Lang, string>,
    showCard: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].showCard])) as Record<Lang, string>,
    facts: figureIds.map((id) => ({ id, label: (factsById.get(id) as Figure).label.en })),
    cards: (cards ??= snippetCards()),
    languages: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].language])) as Record<Lang, string>,
    style,
    schemes: CARD_SCHEMES,
  }
  return respondHtml(
    c,
    `home|${url.origin}|${state.lang}|${state.theme}|${state.variant}|${state.fact}|${JSON.stringify(style)}`,
    () => renderDocument(<Home s={state} />),
  )
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const homeDoc = (): RouteDoc => ({
  method: 'get',
  path: '/',
  operationId: 'getHome',
  summary: "The publisher's page: live preview and snippet builder",
  description: 'Previews the card in each language, theme and variant and writes the script, iframe and newsletter snippets for it; works without JavaScript.',
  tag: 'pages',
  responses: { 200: html('The page', ['ETag', 'CacheControl']), 304: notModified() },
})
