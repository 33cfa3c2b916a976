import { z } from '@hono/zod-openapi'
import { LANGS, type Lang } from '../../widget/card-model'

// The shape of data/facts.json. The API's response schemas derive from these,
// so the OpenAPI document, the validator and the types cannot disagree.

export { LANGS, type Lang }

export const CATEGORIES = ['announcement', 'company', 'leadership', 'investment', 'performance', 'advantage'] as const
export const UNITS = ['smartphone', 'device', 'user', 'quarter', 'rank'] as const
export const CURRENCIES = ['CNY', 'USD'] as const
export const QUALIFIERS = ['more-than', 'estimated'] as const

// One entry per served language, no more, no fewer: adding a language to LANGS makes every text require it.
const byLang = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(LANGS.map((lang) => [lang, schema])) as Record<Lang, T>).strict()
const localized = byLang(z.string().min(1))

export const Evidence = z
  .object({
    text: z.string().min(1).openapi({ description: 'A verbatim span of the source document.' }),
    start: z.number().int().nonnegative().openapi({ description: 'UTF-16 offset of the span in the source.' }),
    end: z.number().int().positive().openapi({ description: 'End offset: source.slice(start, end) === text.' }),
  })
  .strict()
  .openapi('Evidence')

// ISO 8601: a date (2021-04-01), a month (2021-03) or an interval from a date (2021-04-01/P10Y).
const isoDateOrInterval = z.string().regex(/^\d{4}-\d{2}(-\d{2})?(\/P\d+Y)?$/, 'must be an ISO 8601 date, month or date/duration')

const base = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  category: z.enum(CATEGORIES),
  holdsFor: isoDateOrInterval,
  evidence: Evidence,
}

export const StatementFact = z.object({ ...base, kind: z.literal('statement'), text: localized }).strict()
export const QuoteFact = z.object({ ...base, kind: z.literal('quote'), text: localized, attribution: localized }).strict()
export const FigureFact = z
  .object({
    ...base,
    kind: z.literal('figure'),
    label: localized,
    value: z.number().positive(),
    unit: z.enum(UNITS).optional(),
    currency: z.enum(CURRENCIES).optional(),
    qualifier: z.enum(QUALIFIERS).optional(),
    equivalent: z.object({ value: z.number().positive(), currency: z.enum(CURRENCIES) }).strict().optional(),
  })
  .strict()
  .refine((f) => (f.unit === undefined) !== (f.currency === undefined), 'a figure has exactly one of unit or currency')

export const Fact = z.discriminatedUnion('kind', [StatementFact, QuoteFact, FigureFact])
export type Fact = z.infer<typeof Fact>
export type Figure = z.infer<typeof FigureFact>

export const FactSet = z
  .object({
    source: z
      .object({ file: z.string(), title: z.string(), lang: z.string(), published: isoDateOrInterval, publisher: z.string() })
      .strict(),
    facts: z.array(Fact).min(1),
  })
  .strict()
export type FactSet = z.infer<typeof FactSet>

const pattern = z.string().includes('{n}')
export const LocaleStrings = z
  .object({
    /** The language's name in itself, for choosing it: "繁體中文（香港）". */
    language: z.string(),
    headline: z.string(),
    keyFigures: z.string(),
    advantages: z.string(),
    evidence: z.string(),
    source: z.string(),
    sourceDocument: z.string(),
    cardLabel: z.string(),
    currency: z.record(z.enum(CURRENCIES), pattern),
    unit: z.record(z.enum(UNITS), pattern),
    qualifier: z.record(z.enum(QUALIFIERS), pattern),
  })
  .strict()
export type LocaleStrings = z.infer<typeof LocaleStrings>
export const Locales = byLang(LocaleStrings)

export const CardConfig = z
  .object({
    compact: z.array(z.string()).length(3),
    full: z.array(z.string()).min(1),
    quote: z.string(),
    advantagesIntro: z.string(),
    advantages: z.array(z.string()).length(6),
    statDefault: z.string(),
  })
  .strict()
export type CardConfig = z.infer<typeof CardConfig>
