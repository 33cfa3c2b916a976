import type { CardFigure, CardModel, Variant } from '../../widget/card-model'
import { cardConfig, factsById, factSet, formatted, locales } from '../data'
import type { Fact, Figure, Lang } from '../data/schema'

const fact = <K extends Fact['kind']>(id: string, kind: K) => {
  const f = factsById.get(id)
  if (f?.kind !== kind) throw new Error(`card.json names ${id}, not a ${kind} fact`)
  return f as Extract<Fact, { kind: K }>
}

export const sourceHref = (id?: string) => (id ? `/source#${id}` : '/source')

// compact has room for the value only; its evidence still quotes the source's conversion.
export function cardFigure(figure: Figure, lang: Lang, withEquivalent: boolean): CardFigure {
  const text = formatted[lang].figures[figure.id]
  return {
    id: figure.id,
    label: figure.label[lang],
    value: text.value,
    ...(withEquivalent && text.equivalent && { equivalent: text.equivalent }),
    evidence: figure.evidence.text,
    href: sourceHref(figure.id),
  }
}

/** Exactly what one card shows. `statFact` must be a figure id (the route validates it). */
export function buildCard(lang: Lang, variant: Variant, statFact?: string): CardModel {
  const strings = locales[lang]
  const ids =
    variant === 'stat' ? [statFact ?? cardConfig.statDefault] : variant === 'full' ? cardConfig.full : cardConfig.compact
  const model: CardModel = {
    lang,
    variant,
    headline: strings.headline,
    date: { iso: factSet.source.published, text: formatted[lang].date[factSet.source.published] },
    figures: ids.map((id) => cardFigure(fact(id, 'figure'), lang, variant != 'compact')),
    source: { label: strings.source, href: sourceHref(), lang: factSet.source.lang },
    ui: {
      label: strings.cardLabel,
      keyFigures: strings.keyFigures,
      evidence: strings.evidence,
    },
  }
  if (variant === 'full') {
    const quote = fact(cardConfig.quote, 'quote')
    model.quote = { text: quote.text[lang], attribution: quote.attribution[lang], href: sourceHref(quote.id) }
    model.advantages = {
      title: strings.advantages,
      items: cardConfig.advantages.map((id) => ({ id, text: fact(id, 'statement').text[lang] })),
    }
  }
  return model
}
