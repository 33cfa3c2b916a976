import type { CardModel, Lang, Variant } from '../../widget/card-model'
import { buildCard } from './model'

/** What the share image (1200×630) shows: full's nine figures do not fit a thumbnail, so it
 *  shows the key figures, as compact's does. scripts/images.mjs draws exactly this model. */
export const shareModel = (lang: Lang, variant: Variant, fact?: string): CardModel =>
  buildCard(lang, variant == 'full' ? 'compact' : variant, fact)

// Chinese text takes full-width punctuation; the words themselves all come from the model.
const PUNCTUATION = {
  latin: { after: ', ', stop: '. ', colon: ': ', list: '; ' },
  cjk: { after: '，', stop: '。', colon: '：', list: '；' },
}

/** The image's text alternative, from the same model the image is drawn from: the headline,
 *  the date line, every figure it shows (with the source's conversion where the image shows one), and
 *  the source. Screen readers and mail clients that block images read this instead. */
export function imageAlt(m: CardModel): string {
  const p = PUNCTUATION[m.lang.startsWith('zh') ? 'cjk' : 'latin']
  return `${m.headline}${p.after}${factsText(m)}${m.source.label}`.trim()
}

/** The date and every figure, punctuated for the language: the alt text after its headline, and
 *  the script snippet's fallback (widget/snippets.ts). */
export function factsText(m: CardModel): string {
  const p = PUNCTUATION[m.lang.startsWith('zh') ? 'cjk' : 'latin']
  const figures = m.figures.map((f) => `${f.label}${p.colon}${f.value}${f.equivalent ? ` (${f.equivalent})` : ''}`)
  return `${m.date.text}${p.stop}${figures.join(p.list)}${p.stop}`
}
