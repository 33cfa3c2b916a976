import { CARD_HEIGHT, cardDataPath, cardHeight, type Lang, type Theme, type Variant } from './card-model'

export interface SnippetOptions {
  origin: string
  lang: Lang
  theme: Theme
  variant: Variant
  fact?: string
  /** The fallback link's text and the iframe's title, in each language. */
  headlines: Record<Lang, string>
  pinned: { src: string; integrity: string }
}

/** Every style attribute a snippet can carry: a strict CSP allows them by hash ('unsafe-hashes'). */
export const reserveStyle = (variant: keyof typeof CARD_HEIGHT) => `display:block;min-height:${CARD_HEIGHT[variant]}px`
export const IFRAME_STYLE = 'border:0'
export const SNIPPET_STYLES = [IFRAME_STYLE, reserveStyle('compact'), reserveStyle('stat')]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ENTITIES[ch])

/** /card?… for a card; theme only when not the default, so without it this is the canonical URL. */
export function cardUrl(o: Pick<SnippetOptions, 'origin' | 'lang' | 'variant' | 'fact'> & { theme?: Theme }) {
  const q = new URLSearchParams({ lang: o.lang, variant: o.variant })
  if (o.variant == 'stat' && o.fact) q.set('fact', o.fact)
  if (o.theme && o.theme != 'auto') q.set('theme', o.theme)
  return `${o.origin}/card?${q}`
}

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
  const attrs = [`lang="${o.lang}"`, `theme="${o.theme}"`, `variant="${o.variant}"`]
  if (o.variant == 'stat' && o.fact) attrs.push(`fact="${escape(o.fact)}"`)
  if (o.variant != 'full') attrs.push(`style="${reserveStyle(o.variant)}"`)
  const element = `<xiaomi-ev-card ${attrs.join(' ')}>\n  <a href="${escape(cardUrl(o))}">${headline}</a>\n</xiaomi-ev-card>`
  const frame = `<iframe src="${escape(cardUrl(o))}" title="${headline}" width="100%" height="${cardHeight(o.variant, o.lang)}" loading="lazy" style="${IFRAME_STYLE}"></iframe>`
  return {
    paste: {
      script: `${dataPreload(o)}\n${element}\n<script async src="${o.origin}/embed.js"></script>`,
      iframe: `${frame}\n<script async src="${o.origin}/resize.js"></script>`,
      oembed: `${o.origin}/oembed?url=${encodeURIComponent(cardUrl(o))}`,
      pinned: `${dataPreload(o)}\n${element}\n<script async src="${o.origin}${o.pinned.src}" integrity="${o.pinned.integrity}" crossorigin="anonymous"></script>`,
    },
    preview: { script: element, iframe: frame },
  }
}
