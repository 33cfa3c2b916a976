import * as v from 'valibot'
import { Hono } from 'hono'
import { LANGS, type CardModel, type Lang, type Variant } from '../../widget/card-model'
import { VARIANTS } from '../../widget/variants'
import { cardQuery } from '../card/query'
import { cardOf, resolveCard } from '../card/catalogue'
import { cachedJson } from '../lib/cache'
import { languageHeaders, valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'

const CardFigure = v.object({
  id: v.string(),
  label: v.string(),
  value: v.pipe(v.string(), v.metadata({ example: 'RMB 10 billion' })),
  equivalent: v.optional(v.pipe(v.string(), v.metadata({ example: 'US$1.5 billion' }))),
  evidence: v.pipe(
    v.string(),
    v.description('The verbatim span of the source. Its link is /source?hl=<lang>#<id>:~:text=<the span, percent-encoded>: the span marked on /source, and found by the text fragment in any copy.'),
  ),
})

// The OpenAPI description of widget/card-model.ts's CardModel, which the card's code is typed by;
// typed as its schema, so the two cannot disagree.
export const CardModelSchema: v.GenericSchema<unknown, CardModel> = v.object({
  lang: v.picklist(LANGS as [Lang, ...Lang[]]),
  variant: v.picklist(VARIANTS as [Variant, ...Variant[]]),
  headline: v.string(),
  date: v.pipe(
    v.object({
      iso: v.pipe(v.string(), v.description("The press release's date, its dateline: it dates the document, not an event.")),
      text: v.pipe(v.string(), v.metadata({ example: 'Press release · April 1, 2021 · Updated December 1, 2026' })),
    }),
    v.description('text is the date line as shown: the press release\'s date, labelled as such, and "Updated <date>" when a correction (GET /v1/facts, /v1/source) touched what the card shows.'),
  ),
  figures: v.array(CardFigure),
  quote: v.optional(
    v.object({
      text: v.string(),
      attribution: v.string(),
      byline: v.pipe(v.string(), v.description('The attribution as shown; outside the source language it marks the quote as translated.')),
      translatedFrom: v.optional(v.pipe(v.string(), v.description('The language the quote is translated from, when it is a translation.'))),
      href: v.string(),
    }),
  ),
  advantages: v.optional(v.object({ title: v.string(), items: v.array(v.object({ id: v.string(), text: v.string() })) })),
  source: v.object({ label: v.string(), lang: v.pipe(v.string(), v.description('The language evidence is quoted in. The source document is /source.')) }),
  ui: v.object({ label: v.string(), keyFigures: v.optional(v.string()), evidence: v.string() }),
})

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const cardDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/card',
  operationId: 'getCard',
  summary: 'Exactly what a card shows, formatted for its language',
  description:
    'The model <xiaomi-ev-card> renders: headline, date, the figures of the variant with their evidence, and the card\'s own words, ' +
    'all formatted for the language (variant says what each variant shows).',
  tag: 'card',
  request: { query: cardQuery },
  responses: {
    200: {
      description: 'The card',
      content: { 'application/json': { schema: CardModelSchema, example: () => cardOf(LANGS[0], VARIANTS[0]).model } },
      headers: ['ETag', 'CacheControl', 'ContentLanguage', 'Vary'],
    },
    304: notModified('ContentLanguage', 'Vary'),
    400: problem('A parameter is not one of the allowed values, or is unknown, or fact is given without variant=stat'),
  },
})

export const card = new Hono().get('/v1/card', valid('query', cardQuery), (c) => {
  const q = c.req.valid('query')
  const chosen = resolveCard(c, q)
  return cachedJson(c, `card|${chosen.lang}|${q.variant}|${chosen.fact ?? ''}`, () => chosen.card.model, languageHeaders(chosen))
})
