import * as v from 'valibot'
import { Hono } from 'hono'
import { FACT_ID, evidenceHref } from '../../widget/card-model'
import { correctionsOf, factSet, factsById, formatted } from '../data'
import { CATEGORIES, CURRENCIES, Evidence, FactBase, FigureFact, QuoteFact, StatementFact, type Fact, type Lang } from '../data/schema'
import { cachedJson } from '../lib/cache'
import { langParam, languageHeaders, resolveLang, strictQuery, valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'
import { problemResponse } from '../lib/problem'

/** One correction of a fact, in the response language (data/corrections.json). */
export const ApiCorrection = v.object({
  date: v.pipe(v.string(), v.description('ISO 8601: when the correction was made.')),
  field: v.optional(v.pipe(v.string(), v.description('What changed: text, label, value (the formatted figure) or byline.'))),
  what: v.pipe(v.string(), v.description('What changed, in English, as recorded.')),
  why: v.pipe(v.string(), v.description('Why, in English, as recorded.')),
  translated: v.optional(
    v.pipe(v.object({ what: v.string(), why: v.string() }), v.description('what and why translated into the response language (absent in English): a translation of the English record, which stays the reference.')),
  ),
  before: v.string(),
  after: v.string(),
})

export const ApiEvidence = v.object({
  ...Evidence.entries,
  href: v.pipe(
    v.string(),
    v.description('Relative to this API: /source in the response language (hl) at the marked span, with a text fragment (#:~:text=) that finds it in any copy. The span is source.slice(start, end) of the text whose SHA-256 GET /v1/source states.'),
  ),
})

// A fact as data/facts.json has it (src/data/schema.ts), in one language: the same fields and rules,
// with the text, label and formatted figure of the response language in place of every language's.
export const ApiFact = v.object({
  id: v.pipe(FactBase.id, v.metadata({ example: 'initial-investment' })),
  category: FactBase.category,
  kind: v.picklist([StatementFact, QuoteFact, FigureFact].map((s) => s.entries.kind.literal)),
  text: v.optional(v.pipe(v.string(), v.description('The fact in the response language (statements and quotes).'))),
  attribution: v.optional(v.string()),
  translatedFrom: v.optional(
    v.pipe(v.string(), v.description("A quote outside the source's language is our translation of the source's words: the language it is translated from.")),
  ),
  label: v.optional(v.pipe(v.string(), v.description('What a figure measures, in the response language.'))),
  value: v.optional(v.pipe(v.number(), v.description('Machine value in base units: 10000000000, never 10 "billion".'))),
  unit: FigureFact.entries.unit,
  currency: v.optional(v.pipe(FigureFact.entries.currency.wrapped, v.description('ISO 4217.'))),
  qualifier: FigureFact.entries.qualifier,
  formatted: v.optional(v.pipe(v.string(), v.metadata({ example: 'RMB 10 billion' }))),
  equivalent: v.optional(
    v.pipe(
      v.object({ value: v.number(), currency: v.picklist(CURRENCIES), formatted: v.string() }),
      v.description("The source's own conversion into another currency."),
    ),
  ),
  holdsFor: v.pipe(
    FactBase.holdsFor,
    v.description("ISO 8601 date, month or interval the fact holds for; where the source gives none, the press release's date (its dateline), not the date of an event."),
  ),
  evidence: ApiEvidence,
  note: v.pipe(FactBase.note, v.description('Why the evidence entails the text, in English.')),
  corrections: v.optional(v.pipe(v.array(ApiCorrection), v.description('Every correction of this fact in the response language, oldest first.'))),
})
export const FactList = v.object({ lang: v.string(), count: v.pipe(v.number(), v.integer()), facts: v.array(ApiFact) })

function localize(fact: Fact, lang: Lang): v.InferOutput<typeof ApiFact> {
  const { id, category, kind, holdsFor, note } = fact
  const evidence = { ...fact.evidence, href: evidenceHref(id, fact.evidence.text, lang) }
  const own = correctionsOf([id], lang).filter((c) => c.fact === id)
  const corrections = own.length
    ? {
        corrections: own.map((c) => {
          const translated = (c.translated as Partial<Record<Lang, { what: string; why: string }>> | undefined)?.[lang]
          return { date: c.date, field: c.field, what: c.what, why: c.why, ...(translated && { translated }), before: c.before[lang]!, after: c.after[lang]! }
        }),
      }
    : {}
  if (fact.kind !== 'figure') {
    const quote = fact.kind === 'quote' && {
      attribution: fact.attribution[lang],
      ...(lang !== factSet.source.lang && { translatedFrom: factSet.source.lang }),
    }
    return { id, category, kind, text: fact.text[lang], ...quote, holdsFor, evidence, note, ...corrections }
  }
  const text = formatted[lang].figures[id]
  return {
    id, category, kind,
    label: fact.label[lang],
    value: fact.value,
    ...(fact.unit && { unit: fact.unit }),
    ...(fact.currency && { currency: fact.currency }),
    ...(fact.qualifier && { qualifier: fact.qualifier }),
    formatted: text.value,
    ...(fact.equivalent && { equivalent: { ...fact.equivalent, formatted: text.equivalent! } }),
    holdsFor,
    evidence,
    note,
    ...corrections,
  }
}

const IDS_HELP = 'ids must be a comma-separated list of up to 50 fact ids, as listed by GET /v1/facts'
const idsParam = v.optional(
  v.pipe(
    v.string(IDS_HELP),
    v.maxLength(2000, IDS_HELP),
    v.metadata({ example: 'initial-investment,cash-reserve' }),
    v.transform((list) => list.split(',').map((id) => id.trim()).filter(Boolean)),
    v.check((ids) => ids.length > 0 && ids.length <= 50 && ids.every((id) => factsById.has(id)), IDS_HELP),
  ),
)

const listQuery = strictQuery({
  category: v.optional(v.picklist(CATEGORIES, `category must be one of ${CATEGORIES.join(', ')}`)),
  ids: idsParam,
  lang: langParam,
})

/** The facts in source order, filtered, in one language: the body of GET /v1/facts. */
function factList(lang: Lang, category?: string, ids?: string[]) {
  const list = factSet.facts
    .filter((f) => !category || f.category === category)
    .filter((f) => !ids || ids.includes(f.id))
    .map((f) => localize(f, lang))
  return { lang, count: list.length, facts: list }
}

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const factListDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/facts',
  operationId: 'listFacts',
  summary: 'All facts, each with its verbatim evidence span',
  description:
    'Every fact of the announcement in source order, or those of one category or of the ids named, in one language. ' +
    'Figures carry their machine value in base units, their currency or unit, and the formatted text of the language; ' +
    'every fact carries the span of the source it is taken from (GET /v1/source, offsets in UTF-16 code units).',
  tag: 'facts',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'The facts, in source order',
      content: { 'application/json': { schema: FactList, example: () => factList('en', undefined, ['initial-investment', 'ev-ceo']) } },
      headers: ['ETag', 'CacheControl', 'ContentLanguage', 'Vary'],
    },
    304: notModified('ContentLanguage', 'Vary'),
    400: problem('A parameter is not one of the allowed values, or is unknown'),
  },
})

const ID_LENGTH_HELP = 'id must be a kebab-case fact id of at most 64 characters'
const ID_HELP = 'id must be a kebab-case fact id (lowercase letters and digits, in words joined by single hyphens)'
const oneParams = v.object({
  id: v.pipe(v.string(), v.maxLength(64, ID_LENGTH_HELP), v.regex(FACT_ID, ID_HELP), v.metadata({ example: 'connected-devices' })),
})
const oneQuery = strictQuery({ lang: langParam })

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const factDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/facts/{id}',
  operationId: 'getFact',
  summary: 'One fact',
  description: 'One fact by its stable id (GET /v1/facts lists them), in one language, with its evidence span.',
  tag: 'facts',
  request: { params: oneParams, query: oneQuery },
  responses: {
    200: {
      description: 'The fact',
      content: { 'application/json': { schema: ApiFact, example: () => localize(factsById.get('connected-devices')!, 'en') } },
      headers: ['ETag', 'CacheControl', 'ContentLanguage', 'Vary'],
    },
    304: notModified('ContentLanguage', 'Vary'),
    400: problem('The id or a parameter is malformed, or a parameter is unknown'),
    404: problem('No fact has this id'),
  },
})

export const facts = new Hono()
  .get('/v1/facts', valid('query', listQuery), (c) => {
    const q = c.req.valid('query')
    const chosen = resolveLang(c, q.lang)
    const lang = chosen.lang
    const key = `facts|${lang}|${q.category ?? ''}|${q.ids?.join(',') ?? ''}`
    return cachedJson(
      c,
      key,
      () => factList(lang, q.category, q.ids),
      languageHeaders(chosen),
    )
  })
  .get('/v1/facts/:id', valid('query', oneQuery), valid('param', oneParams), (c) => {
    const { id } = c.req.valid('param')
    const fact = factsById.get(id)
    if (!fact) {
      return problemResponse(c, {
        status: 404,
        title: 'Not Found',
        detail: 'No fact has this id. GET /v1/facts lists every fact id.',
      })
    }
    const chosen = resolveLang(c, c.req.valid('query').lang)
    return cachedJson(c, `fact|${chosen.lang}|${id}`, () => localize(fact, chosen.lang), languageHeaders(chosen))
  })
