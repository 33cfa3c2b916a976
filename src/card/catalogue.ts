// The card catalogue, dist/cards.json, written by the build (scripts/images.mjs): every card the
// API can show, with its image files (drawn at build time into dist/public/img under
// content-hashed names), their alt text, the card's facts as text, and its height per frame width.
import catalogue from '../../dist/cards.json'
import type { Lang, Theme, Variant } from '../../widget/card-model'
import { cardKey } from '../../widget/snippets'
import { cardConfig } from '../data'

export type Shape = 'card' | 'share'

export interface ImageFile {
  /** /img/<shape>-<hash>.png, immutable. */
  path: string
  /** CSS px: what <img width height> and og:image:width say; the file has `scale` × as many pixels each way. */
  width: number
  height: number
  scale: number
}

export interface CatalogueCard {
  lang: Lang
  variant: Variant
  fact?: string
  /** Frame width → the card's height at it, in CSS px. */
  heights: Record<string, number>
  /** The text alternative of each image, from the model it is drawn from. */
  alt: Record<Shape, string>
  /** The date and every figure as one line: the script snippet's fallback and oEmbed's blockquote. */
  facts: string
  images: Record<'light' | 'dark', Record<Shape, ImageFile>>
}

const cards = catalogue.cards as Record<string, CatalogueCard>
const widths = catalogue.widths

/** One card; a stat card without a fact is the default figure's. */
export function cardOf(lang: Lang, variant: Variant, fact?: string): CatalogueCard {
  const key = cardKey(lang, variant, variant == 'stat' ? (fact ?? cardConfig.statDefault) : undefined)
  const card = cards[key]
  if (!card) throw new Error(`dist/cards.json has no card ${key}: run npm run build`)
  return card
}

/** The file of one card in one shape. An image cannot follow prefers-color-scheme: auto is light. */
export const imageFile = (shape: Shape, lang: Lang, variant: Variant, fact: string | undefined, theme: Theme): ImageFile =>
  cardOf(lang, variant, fact).images[theme == 'dark' ? 'dark' : 'light'][shape]

/** The strong ETag of a file: its name carries the hash of its bytes. */
export const imageEtag = (file: ImageFile) => `"${file.path.replace(/^.*-|\.png$/g, '')}"`

/** The card's height in a frame `width` wide. Between two measured widths, the taller of the two:
 *  a frame a little too tall until the resizer corrects it, never a clipped card. */
export function heightAt(variant: Variant, lang: Lang, width: number): number {
  const { heights } = cardOf(lang, variant)
  const below = widths.filter((w) => w <= width).at(-1) ?? widths[0]
  const above = widths.find((w) => w >= width) ?? widths.at(-1)!
  return Math.max(heights[below], heights[above])
}
