import type { Figure, Lang, LocaleStrings } from './schema'

// Compact notation keeps the locale's own units (million, 亿, 万), and 21 significant
// digits (the maximum) stops it from rounding: 324.8 million must not become 325 million.
const compact = new Map<string, Intl.NumberFormat>()
export function formatNumber(value: number, lang: Lang | 'en'): string {
  let format = compact.get(lang)
  if (!format) {
    format = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 21 })
    compact.set(lang, format)
  }
  return format.format(value)
}

const fill = (pattern: string, n: string) => pattern.replace('{n}', n)

/** The figure as a reader of `lang` expects it: "RMB 10 billion", "100亿元", "324.8 million+". */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'currency' | 'qualifier'>, lang: Lang, strings: LocaleStrings): string {
  let text = formatNumber(figure.value, lang)
  if (figure.currency) text = fill(strings.currency[figure.currency], text)
  else if (figure.unit) text = fill(strings.unit[figure.unit], text)
  return figure.qualifier ? fill(strings.qualifier[figure.qualifier], text) : text
}

const dates = new Map<string, Intl.DateTimeFormat>()
/** "April 1, 2021" / "2021年4月1日"; UTC so the day never moves with the runtime's zone. */
export function formatDate(iso: string, lang: Lang): string {
  let format = dates.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    dates.set(lang, format)
  }
  return format.format(new Date(iso))
}
