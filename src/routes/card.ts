import { createRoute, z } from '@hono/zod-openapi'
import { LANGS, VARIANTS } from '../../widget/card-model'
import { buildCard } from '../card/model'
import { figureIds } from '../data'
import { cachedJson } from '../lib/cached'
import { apiRouter, langParam, languageHeaders, notModified, problem, resolveLang, strictQuery } from '../lib/params'

export const VARIANT_HELP = `variant must be one of ${VARIANTS.join(', ')}`
export const FACT_HELP = `fact must be the id of a figure: ${figureIds.join(', ')}`

export const variantParam = z
  .enum(VARIANTS, { error: VARIANT_HELP })
  .default('compact')
  .openapi({ param: { name: 'variant', in: 'query' }, description: 'compact: headline, date, three key figures; full: every figure, the quote, the six advantages; stat: one figure' })
export const factParam = z
  .string({ error: FACT_HELP })
  .refine((id) => figureIds.includes(id), { error: FACT_HELP })
  .optional()
  .openapi({ param: { name: 'fact', in: 'query' }, description: 'The figure a stat card shows (variant=stat only).', example: 'connected-devices' })

export const FACT_NEEDS_STAT = 'fact is only allowed with variant=stat'

const CardFigure = z.object({
  id: z.string(),
  label: z.string(),
  value: z.string().openapi({ example: 'RMB 10 billion' }),
  equivalent: z.string().optional().openapi({ example: 'US$1.5 billion' }),
  evidence: z.string(),
  href: z.string().openapi({ description: 'Relative to this API: the source document at the span.' }),
})

const CardModel = z
  .object({
    lang: z.enum(LANGS),
    variant: z.enum(VARIANTS),
    headline: z.string(),
    date: z.object({ iso: z.string(), text: z.string() }),
    figures: z.array(CardFigure),
    quote: z.object({ text: z.string(), attribution: z.string(), href: z.string() }).optional(),
    advantages: z.object({ title: z.string(), items: z.array(z.object({ id: z.string(), text: z.string() })) }).optional(),
    source: z.object({ label: z.string(), href: z.string(), lang: z.string().openapi({ description: 'The language evidence is quoted in.' }) }),
    ui: z.object({ label: z.string(), keyFigures: z.string(), evidence: z.string() }),
  })
  .openapi('Card')

export const cardQuery = strictQuery({ lang: langParam, variant: variantParam, fact: factParam }).refine(
  (q) => q.variant === 'stat' || q.fact === undefined,
  { error: FACT_NEEDS_STAT, path: ['fact'] },
)

const route = createRoute({
  method: 'get',
  path: '/v1/card',
  summary: 'Exactly what a card shows, formatted for its language',
  request: { query: cardQuery },
  responses: {
    200: { description: 'The card', content: { 'application/json': { schema: CardModel } } },
    304: notModified,
    400: problem('A parameter is not one of the allowed values'),
  },
})

export const card = apiRouter().openapi(route, (c) => {
  const q = c.req.valid('query')
  const lang = resolveLang(c, q.lang)
  return cachedJson(c, `card|${lang}|${q.variant}|${q.fact ?? ''}`, () => buildCard(lang, q.variant, q.fact), languageHeaders(lang))
})
