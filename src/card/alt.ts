import type { CardModel, Lang } from '../../widget/card-model'
import { VARIANT_TABLE, type Variant } from '../../widget/variants'
import { locales } from '../data'
import { buildCard } from './model'

/** What the share image (1200×630) shows: its variant's `share` (full's nine figures do not fit a
 *  thumbnail, so it shows compact's key figures). scripts/images.mjs draws exactly this model. */
export const shareModel = (lang: Lang, variant: Variant, fact?: string): CardModel => buildCard(lang, VARIANT_TABLE[variant].share as Variant, fact)

/** The image's text alternative, from the same model the image is drawn from: the headline,
 *  the date line, every figure it shows (with the source's conversion where the image shows one), and
 *  the source. Screen readers and mail clients that block images read this instead. */
export function imageAlt(m: CardModel): string {
  const p = locales[m.lang].punctuation
  return `${m.headline}${p.after}${factsText(m)}${m.source.label}`.trim()
}

/** The date and every figure, in the language's punctuation (data/locale.json): the alt text after
 *  its headline, and the script snippet's fallback (widget/snippets.ts). */
export function factsText(m: CardModel): string {
  const p = locales[m.lang].punctuation
  const figures = m.figures.map((f) => `${f.label}${p.colon}${f.value}${f.equivalent ? ` (${f.equivalent})` : ''}`)
  return `${m.date.text}${p.stop}${figures.join(p.list)}${p.stop}`
}
