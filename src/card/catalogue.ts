// The card catalogue, /data/cards.json, written by the build (scripts/images.mjs): every card the
// API can show, with the model /v1/card serves and every embed renders, its image files (drawn at
// build time into dist/public/img under content-hashed names), their alt text, the card's facts as
// text, and its height. Routes read cards here; none builds a model on a request. It is a static
// asset the worker reads once per isolate (src/lib/static-data.ts).
import type { Context } from 'hono'
import type { CardModel, Lang, Theme } from '../../widget/card-model'
import { cardKey } from '../../widget/snippets'
import { factOf, type Variant } from '../../widget/variants'
import { resolveLang } from '../lib/params'
import { staticData } from '../lib/static-data'

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
  model: CardModel
  /** Its one height in CSS px (a fixed-height variant), or frame width → its height at it. */
  height: number | Record<string, number>
  /** The text alternative of each image, from the model it is drawn from. */
  alt: Record<Shape, string>
  /** The date and every figure as one line: the script snippet's fallback and oEmbed's blockquote. */
  facts: string
  images: Record<'light' | 'dark', Record<Shape, ImageFile>>
}

const cards = () => staticData.catalogue.cards as Record<string, CatalogueCard>
const widths = () => staticData.catalogue.widths

/** One card; where the variant picks a figure, without one it is the variant's default. */
export function cardOf(lang: Lang, variant: Variant, fact?: string): CatalogueCard {
  const key = cardKey(lang, variant, factOf(variant, fact))
  const card = cards()[key]
  if (!card) throw new Error(`the catalogue has no card ${key}: run npm run build`)
  return card
}

/** Every card, by its catalogue key (cardKey). */
export const everyCard = () => Object.entries(cards())

/** The card a validated query names, its language resolved once: the explicit `lang` (the schema
 *  matched it), else Accept-Language, in which case the answer varies by it. */
export function resolveCard(c: Context, q: { lang?: Lang; variant: Variant; fact?: string }) {
  const chosen = resolveLang(c, q.lang)
  return { ...chosen, fact: factOf(q.variant, q.fact), card: cardOf(chosen.lang, q.variant, q.fact) }
}

/** The file of one card in one shape. An image cannot follow prefers-color-scheme: auto is light. */
export const imageFile = (card: CatalogueCard, shape: Shape, theme: Theme): ImageFile => card.images[theme == 'dark' ? 'dark' : 'light'][shape]

/** The strong ETag of a file: its name carries the hash of its bytes. */
export const imageEtag = (file: ImageFile) => `"${file.path.replace(/^.*-|\.png$/g, '')}"`

/** The card's height in a frame `width` wide. Between two measured widths, the taller of the two:
 *  a frame a little too tall until the resizer corrects it, never a clipped card. */
export function heightAt(card: CatalogueCard, width: number): number {
  const { height } = card
  if (typeof height == 'number') return height
  const measured = widths()
  const below = measured.filter((w) => w <= width).at(-1) ?? measured[0]
  const above = measured.find((w) => w >= width) ?? measured.at(-1)!
  return Math.max(height[below], height[above])
}

/** Its height in the widest frame, which the snippets' iframe and AMP heights state. */
export const fullWidthHeight = (card: CatalogueCard) => heightAt(card, widths().at(-1)!)
