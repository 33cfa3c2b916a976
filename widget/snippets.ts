import { cardDataPath, picksFact, type Lang, type Theme } from './card-model'
import { STYLE_PARAMS, styleDeclarations, type CardStyle } from './card-style'
import { FIXED, factOf, fixedHeight, type Variant } from './variants'

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
  /** The AMP snippet's overflow button ("Show the whole card"), in each language. */
  showCard: Record<Lang, string>
  pinned: { src: string; integrity: string }
  /** What the snippets say of each card, by cardKey(), from the catalogue. */
  cards: Record<string, SnippetCard>
}

/** What a snippet states of one card (dist/public/data/cards.json has it). */
export interface SnippetCard {
  /** The card image's text alternative. */
  alt: string
  /** The card's date and figures as one line of text in its language: the script snippet's
   *  fallback, for feed readers, reader modes, crawlers and readers without JavaScript. */
  facts: string
  /** The card image's size in CSS px. */
  image: { width: number; height: number }
  /** The card's height in a 640 px frame: the iframe's and AMP's height attribute. */
  frameHeight: number
}

/** A card's key in the catalogue, dist/public/data/cards.json, "<lang>|<variant>" or "<lang>|<variant>:<fact>":
 *  the build writes it (scripts/images.mjs), the worker reads it (src/card/catalogue.ts). `fact`
 *  only where the variant picks one (factOf). */
export const cardKey = (lang: Lang, variant: Variant, fact: string | undefined) => `${lang}|${variant}${fact ? `:${fact}` : ''}`

/** The element's box before the card arrives: a block, as tall as the card where its variant has
 *  one height, in em of a medium font (that height at 16px): the card's height at the reader's
 *  default text size, whatever the page's own font-size. Every style attribute a snippet can carry is in SNIPPET_STYLES: a strict CSP allows
 *  them by hash ('unsafe-hashes'). */
export const reserveStyle = (variant: Variant) => `display:block${fixedHeight(variant) ? `;font-size:medium;min-height:${fixedHeight(variant)! / 16}em` : ''}`
export const IFRAME_STYLE = 'border:0'
/** width="100%" is not valid HTML (the attribute takes pixels only): the full width goes in style. */
export const SNIPPET_IFRAME_STYLE = 'width:100%;border:0'
export const SNIPPET_STYLES = [IFRAME_STYLE, SNIPPET_IFRAME_STYLE, ...FIXED.map(reserveStyle)]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
/** Text or an attribute value in HTML. */
export const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ENTITIES[ch])

/** /card?… for a card; theme only when not the default, so without it (and a style) this is the canonical URL. */
/** The card's own parameters: lang, variant, and fact where the variant picks one. */
function cardParams(o: Pick<SnippetOptions, 'lang' | 'variant' | 'fact'>) {
  const q = new URLSearchParams({ lang: o.lang, variant: o.variant })
  if (o.fact && picksFact(o.variant)) q.set('fact', o.fact)
  return q
}

export function cardUrl(o: Pick<SnippetOptions, 'origin' | 'lang' | 'variant' | 'fact' | 'style'> & { theme?: Theme }) {
  const q = cardParams(o)
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
  return `<link rel="preload" as="fetch" crossorigin href="${escape(o.origin + cardDataPath(cardParams(o)))}">`
}

/** What the publisher pastes, and the part of it a preview shows (no scripts). A card of one
 *  height reserves it, so nothing moves on load. */
export function snippets(o: SnippetOptions) {
  const headline = escape(o.headlines[o.lang])
  const url = cardUrl(o)
  const href = escape(url)
  const preload = dataPreload(o)
  const attrs = [`lang="${o.lang}"`, `theme="${o.theme}"`, `variant="${o.variant}"`]
  if (o.fact && picksFact(o.variant)) attrs.push(`fact="${escape(o.fact)}"`)
  const look = styleDeclarations(o.style ?? {})
  const reserve = fixedHeight(o.variant) && reserveStyle(o.variant)
  if (reserve || look) attrs.push(`style="${escape([look, reserve].filter(Boolean).join(';'))}"`)
  const card = o.cards[cardKey(o.lang, o.variant, factOf(o.variant, o.fact))]
  // Without JavaScript the facts stay readable; the card replaces them in the reserved box, so nothing moves.
  const element = `<xiaomi-ev-card ${attrs.join(' ')}>\n  <p><a href="${href}">${headline}</a></p>\n  <p>${escape(card.facts)}</p>\n</xiaomi-ev-card>`
  // Not loading="lazy": a lazy frame is requested only after the host page's first layout, which
  // on a slow phone comes well after the parser met the iframe (bench/run.mjs measures both).
  const frame = `<iframe src="${href}" title="${headline}" height="${card.frameHeight}" style="${SNIPPET_IFRAME_STYLE}"></iframe>`
  const png = { card: imageUrl(o), share: imageUrl(o, 'share') }
  // For newsletters, RSS and print: the card as an image, linked to the live card.
  // AMP: amp-iframe shows the card's PNG until /card says embed-ready, and takes its embed-size
  // (a frame in view only after a tap on the overflow button). The sandbox lets links open tabs.
  const amp = [
    `<amp-iframe src="${href}" title="${headline}" layout="fixed-height" height="${card.frameHeight}" resizable frameborder="0"`,
    `  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox">`,
    `  <amp-img placeholder layout="fill" src="${escape(png.card)}" alt="${escape(card.alt)}"></amp-img>`,
    `  <button overflow type="button">${escape(o.showCard[o.lang])}</button>`,
    `</amp-iframe>`,
  ].join('\n')
  const img = `<img src="${escape(png.card)}" width="${card.image.width}" height="${card.image.height}" alt="${escape(card.alt)}">`
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
