// A card's height in a frame of a given width: compact and stat have one at every width
// (card.css); full's was measured in Chromium at several widths (scripts/measure-heights.mjs,
// checked by test/browser/heights.test.mjs). Between two measured widths the taller of the two
// is given: a frame a little too tall until the resizer corrects it, never a clipped card.
import table from './heights.json'
import { CARD_HEIGHT, type Lang, type Variant } from '../../widget/card-model'

const widths = table.widths
const full = table.full as Record<Lang, Record<string, number>>

export function heightAt(variant: Variant, lang: Lang, width: number): number {
  if (variant != 'full') return CARD_HEIGHT[variant]
  const at = (w: number) => full[lang][String(w)]
  const below = widths.filter((w) => w <= width).at(-1) ?? widths[0]
  const above = widths.find((w) => w >= width) ?? widths.at(-1)!
  return Math.max(at(below), at(above))
}
