import { CARD_HEIGHT, cardDataPath, cardHeight, type Lang, type Theme, type Variant } from './card-model'
import { STYLE_PARAMS, styleDeclarations, type CardStyle } from './card-style'

export interface SnippetOptions {
  origin: string
  lang: Lang
  theme: Theme
  variant: Variant
  fact?: string
  /** The publisher's look (widget/card-style.ts), if any: custom properties on the element, parameters of /card. */
  style?: CardStyle
  /** The fallback link's text and the iframe's title, in each language. */
  headlines: Record<Lang, string>
  /** The AMP snippet's overflow button, in each language. */
  more: Record<Lang, string>
  pinned: { src: string; integrity: string }
  /** Each card's PNG: its size in CSS px and its alt text, by language and imageKey(). */
  images: Record<Lang, Record<string, CardImageInfo>>
}

export interface CardImageInfo {
  alt: string
  /** The card's date and figures as one line of text in its language: the script snippet's
   *  fallback, for feed readers, reader modes, crawlers and readers without JavaScript. */
  facts: string
  width: number
  height: number
}

/** compact, full, or stat:<fact>: the images differ by these (and by theme, not by size or text). */
export const imageKey = (variant: Variant, fact: string | undefined) => (variant == 'stat' ? `stat:${fact}` : variant)
/** A card's key in the catalogue, dist/cards.json: the build writes it (scripts/images.mjs), the worker reads it (src/card/catalogue.ts). */
export const cardKey = (lang: Lang, variant: Variant, fact: string | undefined) => `${lang}|${imageKey(variant, fact)}`

/** Every style attribute a snippet can carry: a strict CSP allows them by hash ('unsafe-hashes').
 *  The reservation is in em of a medium font: the card's height at the reader's default text size
 *  (CARD_HEIGHT at 16px), whatever the page's own font-size. */
export const reserveStyle = (variant: keyof typeof CARD_HEIGHT) => `display:block;font-size:medium;min-height:${CARD_HEIGHT[variant] / 16}em`
export const IFRAME_STYLE = 'border:0'
/** width="100%" is not valid HTML (the attribute takes pixels only): the full width goes in style. */
export const SNIPPET_IFRAME_STYLE = 'width:100%;border:0'
export const SNIPPET_STYLES = [IFRAME_STYLE, SNIPPET_IFRAME_STYLE, reserveStyle('compact'), reserveStyle('stat')]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
/** Text or an attribute value in HTML. */
export const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ENTITIES[ch])

/** /card?… for a card; theme only when not the default, so without it (and a style) this is the canonical URL. */
export function cardUrl(o: Pick<SnippetOptions, 'origin' | 'lang' | 'variant' | 'fact' | 'style'> & { theme?: Theme }) {
  const q = new URLSearchParams({ lang: o.lang, variant: o.variant })
  if (o.variant == 'stat' && o.fact) q.set('fact', o.fact)
  if (o.theme && o.theme != 'auto') q.set('theme', o.theme)
  for (const name of STYLE_PARAMS) if (o.style?.[name]) q.set(name, o.style[name])
  return `${o.origin}/card?${q}`
}

/** /card.png?… (the card at 2× device pixels) or /share.png?… (1200×630): the same parameters
 *  as /card, answered with a redirect to the current immutable file. */
export const imageUrl = (o: Parameters<typeof cardUrl>[0], shape: 'card' | 'share' = 'card') =>
  cardUrl({ ...o, style: undefined }).replace('/card?', `/${shape}.png?`) // the images have no custom style
/** Starts the card's data on its way with the page, not after the script: the widget's fetch
 *  then takes the preloaded response (the same URL, see cardDataPath). */
export function dataPreload(o: Pick<SnippetOptions, 'origin' | 'lang' | 'variant' | 'fact'>) {
  const q = new URLSearchParams({ lang: o.lang, variant: o.variant })
  if (o.variant == 'stat' && o.fact) q.set('fact', o.fact)
  return `<link rel="preload" as="fetch" crossorigin href="${escape(o.origin + cardDataPath(q))}">`
}

/** What the publisher pastes, and the part of it a preview shows (no scripts). compact and
 *  stat reserve their height so nothing moves on load. */
export function snippets(o: SnippetOptions) {
  const headline = escape(o.headlines[o.lang])
  const url = cardUrl(o)
  const href = escape(url)
  const preload = dataPreload(o)
  const attrs = [`lang="${o.lang}"`, `theme="${o.theme}"`, `variant="${o.variant}"`]
  if (o.variant == 'stat' && o.fact) attrs.push(`fact="${escape(o.fact)}"`)
  const look = styleDeclarations(o.style ?? {})
  if (o.variant != 'full' || look) attrs.push(`style="${escape([look, o.variant != 'full' && reserveStyle(o.variant)].filter(Boolean).join(';'))}"`)
  const image = o.images[o.lang][imageKey(o.variant, o.fact)]
  // Without JavaScript the facts stay readable; the card replaces them in the reserved box, so nothing moves.
  const element = `<xiaomi-ev-card ${attrs.join(' ')}>\n  <p><a href="${href}">${headline}</a></p>\n  <p>${escape(image.facts)}</p>\n</xiaomi-ev-card>`
  // Not loading="lazy": a lazy frame is requested only after the host page's first layout, which
  // on a slow phone comes well after the parser met the iframe (bench/run.mjs measures both).
  const frame = `<iframe src="${href}" title="${headline}" height="${cardHeight(o.variant, o.lang)}" style="${SNIPPET_IFRAME_STYLE}"></iframe>`
  const png = { card: imageUrl(o), share: imageUrl(o, 'share') }
  // For newsletters, RSS and print: the card as an image, linked to the live card.
  // AMP: amp-iframe shows the card's PNG until /card says embed-ready, and takes its embed-size
  // (a frame in view only after a tap on the overflow button). The sandbox lets links open tabs.
  const amp = [
    `<amp-iframe src="${href}" title="${headline}" layout="fixed-height" height="${cardHeight(o.variant, o.lang)}" resizable frameborder="0"`,
    `  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox">`,
    `  <amp-img placeholder layout="fill" src="${escape(png.card)}" alt="${escape(image.alt)}"></amp-img>`,
    `  <button overflow type="button">${escape(o.more[o.lang])}</button>`,
    `</amp-iframe>`,
  ].join('\n')
  const img = `<img src="${escape(png.card)}" width="${image.width}" height="${image.height}" alt="${escape(image.alt)}">`
  return {
    png,
    paste: {
      newsletter: `<a href="${href}">${img}</a>`,
      amp,
      script: `${preload}\n${element}\n<script async src="${o.origin}/embed.js"></script>`,
      iframe: `${frame}\n<script async src="${o.origin}/resize.js"></script>`,
      oembed: `${o.origin}/oembed?url=${encodeURIComponent(url)}`,
      // For the publisher's server to include in its HTML (docs/theming.md): the card, no script needed.
      server: url.replace('/card?', '/v1/card.html?'),
      pinned: `${preload}\n${element}\n<script async src="${o.origin}${o.pinned.src}" integrity="${o.pinned.integrity}" crossorigin="anonymous"></script>`,
    },
    preview: { script: element, iframe: frame, image: img },
  }
}
