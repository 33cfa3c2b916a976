import * as v from 'valibot'
import { FACT_ID, LANGS, type Lang } from '../../widget/card-model'

// The shape of data/facts.json. scripts/build.mjs validates the data with these before every
// build; the worker trusts the checked files and only takes their types from here. The API's
// response schemas derive from these, so the OpenAPI document and the types cannot disagree.

export type { Lang }

export const CATEGORIES = ['announcement', 'company', 'leadership', 'investment', 'performance', 'advantage'] as const
export const UNITS = ['smartphone', 'device', 'user', 'quarter', 'rank'] as const
export const CURRENCIES = ['CNY', 'USD'] as const
export const QUALIFIERS = ['more-than', 'estimated'] as const

/** An object with exactly these keys, each of one schema. */
const exactly = <K extends string, T extends v.GenericSchema>(keys: readonly K[], schema: T) =>
  v.strictObject(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, T>)
// One entry per served language, no more, no fewer: adding a language to LANGS makes every text require it.
const byLang = <T extends v.GenericSchema>(schema: T) => exactly(LANGS, schema)
const localized = byLang(v.pipe(v.string(), v.minLength(1)))

export const Evidence = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1), v.description('A verbatim span of the source document.')),
  start: v.pipe(v.number(), v.integer(), v.minValue(0), v.description('UTF-16 offset of the span in the source.')),
  end: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('End offset: source.slice(start, end) === text.')),
})

// ISO 8601: a date (2021-04-01), a month (2021-03) or an interval from a date (2021-04-01/P10Y).
const isoDateOrInterval = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?(\/P\d+Y)?$/, 'must be an ISO 8601 date, month or date/duration'))
const positive = v.pipe(v.number(), v.gtValue(0))

/** What every fact has; the API's answer (src/routes/facts.ts) is built on the same fields. */
export const FactBase = {
  id: v.pipe(v.string(), v.regex(FACT_ID, 'must be kebab-case, at most 64 characters')),
  category: v.picklist(CATEGORIES),
  holdsFor: isoDateOrInterval,
  evidence: Evidence,
  /** Why the span entails the fact's text in every language, in English: the editor's check. */
  note: v.pipe(v.string(), v.minLength(20, 'must say, in English, why its evidence entails its text')),
}

export const StatementFact = v.strictObject({ ...FactBase, kind: v.literal('statement'), text: localized })
export const QuoteFact = v.strictObject({ ...FactBase, kind: v.literal('quote'), text: localized, attribution: localized })
export const FigureFact = v.strictObject({
  ...FactBase,
  kind: v.literal('figure'),
  label: localized,
  value: positive,
  unit: v.optional(v.picklist(UNITS)),
  currency: v.optional(v.picklist(CURRENCIES)),
  qualifier: v.optional(v.picklist(QUALIFIERS)),
  equivalent: v.optional(v.strictObject({ value: positive, currency: v.picklist(CURRENCIES) })),
})

export const Fact = v.pipe(
  v.variant('kind', [StatementFact, QuoteFact, FigureFact]),
  v.check((f) => f.kind !== 'figure' || (f.unit === undefined) !== (f.currency === undefined), 'a figure has exactly one of unit or currency'),
)
export type Fact = v.InferOutput<typeof Fact>
export type Figure = v.InferOutput<typeof FigureFact>

export const FactSet = v.strictObject({
  source: v.strictObject({ file: v.string(), title: v.string(), lang: v.string(), published: isoDateOrInterval, publisher: v.string() }),
  facts: v.pipe(v.array(Fact), v.minLength(1)),
})
export type FactSet = v.InferOutput<typeof FactSet>

const pattern = v.pipe(v.string(), v.includes('{n}'))
export const LocaleStrings = v.strictObject({
  /** The language's name in itself, for choosing it: "繁體中文（香港）". */
  language: v.string(),
  headline: v.string(),
  /** What the card's date is: the press release's ("Press release · April 1, 2021"), never an event's. */
  dateLabel: v.string(),
  /** "Updated {n}": shown when a correction touched the card. */
  updated: pattern,
  keyFigures: v.string(),
  advantages: v.string(),
  evidence: v.string(),
  source: v.string(),
  cardLabel: v.string(),
  /** The quote's attribution, "— {n}" / "——{n}". */
  byline: pattern,
  /** The mark of a quote translated from the source's language (every language but the source's): "{n}（译自小米英文新闻稿）". */
  translatedQuote: v.optional(pattern),
  /** The AMP snippet's overflow button, which lets the reader grow a frame that is in view. */
  showCard: v.string(),
  currency: exactly(CURRENCIES, pattern),
  unit: exactly(UNITS, pattern),
  qualifier: exactly(QUALIFIERS, pattern),
  /** og:locale, as the Open Graph protocol writes a locale: "en_US", "zh_HK". */
  ogLocale: v.pipe(v.string(), v.regex(/^[a-z]{2}_[A-Z]{2}$/)),
  /** The Intl locale that formats numbers, when not the language's own (Hong Kong's press writes Taiwan's units). */
  numberLocale: v.optional(v.string()),
  /** The language's punctuation in the text the build writes: the images' alt text, the snippets' fallback line. */
  punctuation: v.strictObject({ after: v.string(), stop: v.string(), colon: v.string(), list: v.string() }),
  /** How the language says each qualifier a text can claim (regular expressions, case-insensitive): the data check holds every text to its evidence. */
  claims: v.strictObject({ 'more-than': v.string(), estimated: v.string(), approximately: v.string() }),
  /** Other tags that mean this language (widget/lang.ts matches them by CLDR; the data check holds
   *  each to it): the API's documentation and its error messages give them as examples. */
  otherTags: v.array(v.string()),
  /** The typeface the card images are drawn in: an @fontsource package and its family. */
  font: v.strictObject({ package: v.string(), family: v.string() }),
})
export type LocaleStrings = v.InferOutput<typeof LocaleStrings>
export const Locales = byLang(LocaleStrings)
export type Locales = v.InferOutput<typeof Locales>

const isoDate = v.pipe(v.string(), v.isoDate())
/** One entry of data/corrections.json: what readers saw before and see now, and why it changed. */
export const Correction = v.pipe(
  v.strictObject({
    date: isoDate,
    /** A fact's id, or `card` naming the card's own wording (a data/locale.json key, or date). */
    fact: v.optional(v.string()),
    card: v.optional(v.picklist(['headline', 'source', 'date'])),
    field: v.optional(v.picklist(['text', 'label', 'value', 'byline'])),
    what: v.pipe(v.string(), v.minLength(1)),
    why: v.pipe(v.string(), v.minLength(1)),
    before: v.record(v.picklist(LANGS), v.string()),
    after: v.record(v.picklist(LANGS), v.string()),
  }),
  v.check((c) => (c.fact === undefined) !== (c.card === undefined), 'names exactly one of fact or card'),
  v.check((c) => (c.fact === undefined) === (c.field === undefined), 'a fact correction names its field, a card correction none'),
)
export type Correction = v.InferOutput<typeof Correction>
export const Corrections = v.strictObject({ corrections: v.array(Correction) })
export type Corrections = v.InferOutput<typeof Corrections>

/** One variant of the card (widget/variants.ts reads the table). */
export const VariantRule = v.strictObject({
  /** What it shows, in a few words, for the API's documentation. */
  about: v.pipe(v.string(), v.minLength(1)),
  /** The figures it shows (maybe none); with `fact`, the one the `fact` parameter picks, and the first by default. */
  figures: v.array(v.string()),
  fact: v.optional(v.literal(true)),
  /** Shows the source's conversion beside a figure ("US$1.5 billion"). */
  equivalents: v.optional(v.literal(true)),
  /** Titles its figures ("Key figures"). */
  keyFigures: v.optional(v.literal(true)),
  quote: v.optional(v.string()),
  advantages: v.optional(v.array(v.string())),
  /** Its one height in CSS px at every width, which pages reserve; without it the card grows with its text. */
  height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100))),
  /** The variant its share image (1200×630) shows. */
  share: v.string(),
})
export type VariantRule = v.InferOutput<typeof VariantRule>
export const CardConfig = v.pipe(
  v.strictObject({ default: v.string(), variants: v.record(v.pipe(v.string(), v.regex(/^[a-z]+$/)), VariantRule) }),
  v.check((c) => c.default in c.variants, 'default must name a variant'),
  v.check((c) => Object.values(c.variants).every((r) => !r.fact || r.figures.length == 1), 'a variant that picks its figure lists one, its default'),
  v.check((c) => Object.values(c.variants).every((r) => r.share in c.variants), 'share must name a variant'),
)
export type CardConfig = v.InferOutput<typeof CardConfig>

/** data/ui.json: the words of the pages around the card (/, /card's error page, /source), one
 *  tree per language; src/data/validate.ts holds every language's tree to English's. */
export const UiSet = byLang(v.record(v.string(), v.unknown()))
