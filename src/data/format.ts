import type { Figure, Lang, LocaleStrings } from './schema'

// Compact notation keeps the locale's own units (million, 亿, 億, 萬), and 21 significant
// digits (the maximum) stops it from rounding: 324.8 million must not become 325 million.
// A language's numberLocale (data/locale.json) overrides its own: CLDR gives zh-Hant-HK the English
// compact units (10B, 324.8M), which Hong Kong's Chinese press does not print in running text: it
// writes 100億, 3.248億, as Taiwan's does, so zh-HK numbers take the parent locale's (zh-Hant) units.
const compact = new Map<string, Intl.NumberFormat>()
/** `locale` is an Intl locale: a language's numberLocale, else its tag. */
export function formatNumber(value: number, locale: string): string {
  let format = compact.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 21 })
    compact.set(locale, format)
  }
  return format.format(value)
}

export const fill = (pattern: string, n: string) => pattern.replace('{n}', n)

// The patterns live in data/locale.json, which cannot carry comments; why they read as they do:
// - CNY: mainland readers need no currency name (100亿元). Hong Kong's and Taiwan's own dollar
//   is also 元, so there it is named, before the figure as Hong Kong's listed companies' Chinese
//   filings and Taiwan's Central News Agency write it: 人民幣100億元. USD is 15億美元 in all three.
// - smartphones: 台 on the mainland, 部 in Hong Kong, 支 in Taiwan, each region's counter for a phone;
//   connected devices (TVs, speakers, appliances) are 台 everywhere.
// - quarters: 連續8個季度 in Hong Kong as on the mainland; Taiwan's press writes 連續8季.
// - more than: 超 is a mainland headline habit; Hong Kong and Taiwan write 逾.
// - rank: 前3名 in Hong Kong and Taiwan, where the figure stands alone under its label.
/** The figure as a reader of `lang` expects it: "RMB 10 billion", "100亿元", "人民幣100億元", "324.8 million+". */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'currency' | 'qualifier'>, lang: Lang, strings: LocaleStrings): string {
  let text = formatNumber(figure.value, strings.numberLocale ?? lang)
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

/** "— Lei Jun"; "——雷军（译自小米英文新闻稿）" where the quote is our translation of the source's words. */
export const quoteByline = (strings: LocaleStrings, attribution: string, translated: boolean) =>
  fill(strings.byline, translated && strings.translatedQuote ? fill(strings.translatedQuote, attribution) : attribution)
