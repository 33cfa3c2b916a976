import { dateLine, evidenceHref, type CardFigure, type CardModel, type Variant } from '../../widget/card-model'
import { cardConfig, correctionsOf, factsById, factSet, formatted, locales } from '../data'
import { fill, quoteByline } from '../data/format'
import type { Fact, Figure, Lang } from '../data/schema'

const fact = <K extends Fact['kind']>(id: string, kind: K) => {
  const f = factsById.get(id)
  if (f?.kind !== kind) throw new Error(`card.json names ${id}, not a ${kind} fact`)
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

/** Exactly what one card shows. `statFact` must be a figure id (the route validates it). */
export function buildCard(lang: Lang, variant: Variant, statFact?: string): CardModel {
  const strings = locales[lang]
  const ids =
    variant === 'stat' ? [statFact ?? cardConfig.statDefault] : variant === 'full' ? cardConfig.full : cardConfig.compact
  const shown = [...ids]
  // Keys in the order that gzips smallest (11 B less than headline, date, figures first).
  const model: CardModel = {
    lang,
    variant,
    date: { iso: factSet.source.published, text: '' },
    source: { label: strings.source, lang: factSet.source.lang },
    headline: strings.headline,
    ui: { label: strings.cardLabel, evidence: strings.evidence },
    figures: ids.map((id) => cardFigure(fact(id, 'figure'), lang, variant != 'compact')),
  }
  if (variant === 'full') {
    const quote = fact(cardConfig.quote, 'quote')
    const translated = lang !== factSet.source.lang
    model.ui.keyFigures = strings.keyFigures
    model.quote = {
      text: quote.text[lang],
      attribution: quote.attribution[lang],
      byline: quoteByline(strings, quote.attribution[lang], translated),
      ...(translated && { translatedFrom: factSet.source.lang }),
      href: evidenceHref(quote.id, quote.evidence.text, lang),
    }
    model.advantages = {
      title: strings.advantages,
      items: cardConfig.advantages.map((id) => ({ id, text: fact(id, 'statement').text[lang] })),
    }
    shown.push(quote.id, ...cardConfig.advantages)
  }
  // Updated: the latest correction, in this language, of a fact shown or of the card's own wording.
  const updated = correctionsOf(shown, lang).at(-1)?.date
  const dates = formatted[lang].date
  model.date.text = dateLine(strings.dateLabel, dates[factSet.source.published], updated && fill(strings.updated, dates[updated]))
  return model
}
