import { dateLine, evidenceHref, type CardFigure, type CardModel } from '../../widget/card-model'
import { VARIANT_TABLE, factOf, type Variant } from '../../widget/variants'
import { correctionsOf, factsById, factSet, formatted, locales } from '../data'
import { fill, quoteByline } from '../data/format'
import type { Fact, Figure, Lang } from '../data/schema'

const fact = <K extends Fact['kind']>(id: string, kind: K) => {
  const f = factsById.get(id)
  if (f?.kind !== kind) throw new Error(`${id} is not a ${kind} fact`)
  return f as Extract<Fact, { kind: K }>
}

// compact has room for the value only; its evidence still quotes the source's conversion.
// The evidence link is the widget's to build (evidenceHref), from the id and span it has anyway.
export function cardFigure(figure: Figure, lang: Lang, withEquivalent: boolean): CardFigure {
  const text = formatted[lang].figures[figure.id]
  // label first, id last: the order that gzips smallest (see buildCard).
  return {
    label: figure.label[lang],
    value: text.value,
    ...(withEquivalent && text.equivalent && { equivalent: text.equivalent }),
    evidence: figure.evidence.text,
    id: figure.id,
  }
}

/** Exactly what one card shows, as its variant's rule says (widget/variants.ts). The build writes
 *  every card's into the catalogue (scripts/images.mjs); nothing builds one on a request. */
export function buildCard(lang: Lang, variant: Variant, chosen?: string): CardModel {
  const strings = locales[lang]
  const rule = VARIANT_TABLE[variant]
  const ids = rule.fact ? [factOf(variant, chosen)!] : rule.figures
  const shown = [...ids]
  // Keys in the order that gzips smallest (11 B less than headline, date, figures first).
  const model: CardModel = {
    lang,
    variant,
    date: { iso: factSet.source.published, text: '' },
    source: { label: strings.source, lang: factSet.source.lang },
    headline: strings.headline,
    ui: { label: strings.cardLabel, evidence: strings.evidence },
    figures: ids.map((id) => cardFigure(fact(id, 'figure'), lang, rule.equivalents ?? false)),
  }
  if (rule.keyFigures) model.ui.keyFigures = strings.keyFigures
  if (rule.quote) {
    const quote = fact(rule.quote, 'quote')
    const translated = lang !== factSet.source.lang
    model.quote = {
      text: quote.text[lang],
      attribution: quote.attribution[lang],
      byline: quoteByline(strings, quote.attribution[lang], translated),
      ...(translated && { translatedFrom: factSet.source.lang }),
      href: evidenceHref(quote.id, quote.evidence.text, lang),
    }
    shown.push(quote.id)
  }
  if (rule.advantages) {
    model.advantages = {
      title: strings.advantages,
      items: rule.advantages.map((id) => ({ id, text: fact(id, 'statement').text[lang] })),
    }
    shown.push(...rule.advantages)
  }
  // Updated: the latest correction, in this language, of a fact shown or of the card's own wording.
  const updated = correctionsOf(shown, lang).at(-1)?.date
  const dates = formatted[lang].date
  model.date.text = dateLine(strings.dateLabel, dates[factSet.source.published], updated && fill(strings.updated, dates[updated]))
  return model
}
