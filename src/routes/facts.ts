import { createRoute, z } from '@hono/zod-openapi'
import { factSet, factsById, locales } from '../data'
import { formatFigure } from '../data/format'
import { CATEGORIES, CURRENCIES, Evidence, QUALIFIERS, UNITS, type Fact, type Lang } from '../data/schema'
import { cachedJson } from '../lib/cached'
import { apiRouter, langParam, languageHeaders, notModified, problem, resolveLang, strictQuery } from '../lib/params'
import { problemResponse } from '../lib/problem'

const ApiFact = z
  .object({
    id: z.string().openapi({ example: 'initial-investment' }),
    category: z.enum(CATEGORIES),
    kind: z.enum(['statement', 'quote', 'figure']),
    text: z.string().optional().openapi({ description: 'The fact in the response language (statements and quotes).' }),
    attribution: z.string().optional(),
    label: z.string().optional().openapi({ description: 'What a figure measures, in the response language.' }),
    value: z.number().optional().openapi({ description: 'Machine value in base units: 10000000000, never 10 "billion".' }),
    unit: z.enum(UNITS).optional(),
    currency: z.enum(CURRENCIES).optional().openapi({ description: 'ISO 4217.' }),
    qualifier: z.enum(QUALIFIERS).optional(),
    formatted: z.string().optional().openapi({ example: 'RMB 10 billion' }),
    equivalent: z
      .object({ value: z.number(), currency: z.enum(CURRENCIES), formatted: z.string() })
      .optional()
      .openapi({ description: "The source's own conversion into another currency." }),
    holdsFor: z.string().openapi({ description: 'ISO 8601 date, month or interval the fact holds for.' }),
    evidence: Evidence,
  })
  .openapi('Fact')

function localize(fact: Fact, lang: Lang): z.infer<typeof ApiFact> {
  const { id, category, kind, holdsFor, evidence } = fact
  if (fact.kind !== 'figure') {
    return { id, category, kind, text: fact.text[lang], ...(fact.kind === 'quote' && { attribution: fact.attribution[lang] }), holdsFor, evidence }
  }
  const strings = locales[lang]
  return {
    id, category, kind,
    label: fact.label[lang],
    value: fact.value,
    ...(fact.unit && { unit: fact.unit }),
    ...(fact.currency && { currency: fact.currency }),
    ...(fact.qualifier && { qualifier: fact.qualifier }),
    formatted: formatFigure(fact, lang, strings),
    ...(fact.equivalent && { equivalent: { ...fact.equivalent, formatted: formatFigure(fact.equivalent, lang, strings) } }),
    holdsFor,
    evidence,
  }
}

const IDS_HELP = 'ids must be a comma-separated list of up to 50 fact ids, as listed by GET /v1/facts'
const idsParam = z
  .string({ error: IDS_HELP })
  .max(2000, { error: IDS_HELP })
  .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
  .refine((ids) => ids.length > 0 && ids.length <= 50 && ids.every((id) => factsById.has(id)), { error: IDS_HELP })
  .optional()
  .openapi({ param: { name: 'ids', in: 'query' }, type: 'string', example: 'initial-investment,cash-reserve' })

const listRoute = createRoute({
  method: 'get',
  path: '/v1/facts',
  summary: 'All facts, each with its verbatim evidence span',
  request: {
    query: strictQuery({
      category: z
        .enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'category', in: 'query' } }),
      ids: idsParam,
      lang: langParam,
    }),
  },
  responses: {
    200: {
      description: 'The facts, in source order',
      content: {
        'application/json': {
          schema: z.object({ lang: z.string(), count: z.number().int(), facts: z.array(ApiFact) }).openapi('FactList'),
        },
      },
    },
    304: notModified,
    400: problem('A parameter is not one of the allowed values'),
  },
})

const oneRoute = createRoute({
  method: 'get',
  path: '/v1/facts/{id}',
  summary: 'One fact',
  request: {
    params: z.object({
      id: z
        .string()
        .max(64, { error: 'id must be a kebab-case fact id of at most 64 characters' })
        .regex(/^[a-z0-9-]+$/, { error: 'id must be a kebab-case fact id (lowercase letters, digits, hyphens)' })
        .openapi({ param: { name: 'id', in: 'path' }, example: 'connected-devices' }),
    }),
    query: strictQuery({ lang: langParam }),
  },
  responses: {
    200: { description: 'The fact', content: { 'application/json': { schema: ApiFact } } },
    304: notModified,
    400: problem('The id or a parameter is malformed'),
    404: problem('No fact has this id'),
  },
})

export const facts = apiRouter()
  .openapi(listRoute, (c) => {
    const q = c.req.valid('query')
    const lang = resolveLang(c, q.lang)
    const key = `facts|${lang}|${q.category ?? ''}|${q.ids?.join(',') ?? ''}`
    return cachedJson(
      c,
      key,
      () => {
        const list = factSet.facts
          .filter((f) => !q.category || f.category === q.category)
          .filter((f) => !q.ids || q.ids.includes(f.id))
          .map((f) => localize(f, lang))
        return { lang, count: list.length, facts: list }
      },
      languageHeaders(lang),
    )
  })
  .openapi(oneRoute, (c) => {
    const { id } = c.req.valid('param')
    const fact = factsById.get(id)
    if (!fact) {
      return problemResponse(c, {
        status: 404,
        title: 'Not Found',
        detail: 'No fact has this id. GET /v1/facts lists every fact id.',
      })
    }
    const lang = resolveLang(c, c.req.valid('query').lang)
    return cachedJson(c, `fact|${lang}|${id}`, () => localize(fact, lang), languageHeaders(lang))
  })
