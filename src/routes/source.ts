import * as v from 'valibot'
import { Hono } from 'hono'
import { factSet, source } from '../data'
import { cachedJson } from '../lib/cached'
import { strictQuery, valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'

export const SourceDocument = v.object({
  title: v.string(),
  publisher: v.string(),
  published: v.string(),
  file: v.string(),
  lang: v.string(),
  length: v.pipe(v.number(), v.integer(), v.description('In UTF-16 code units, the unit of every evidence offset.')),
  html: v.pipe(v.string(), v.description('The document as a page, each evidence span an anchor: /source#<fact-id>.')),
  text: v.pipe(v.string(), v.description('The source, byte for byte as published.')),
})

const sourceQuery = strictQuery({})

/** The body of GET /v1/source. */
const sourceDocument = () => ({
  title: factSet.source.title,
  publisher: factSet.source.publisher,
  published: factSet.source.published,
  file: factSet.source.file,
  lang: factSet.source.lang,
  length: source.length,
  html: '/source',
  text: source,
})

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const sourceDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/source',
  operationId: 'getSource',
  summary: "The source document's metadata and text",
  description:
    'The press release every fact is taken from: its title, publisher and date, and its text byte for byte, ' +
    'which every evidence span indexes (evidence.start and evidence.end, in UTF-16 code units).',
  tag: 'source',
  request: { query: sourceQuery },
  responses: {
    200: {
      description: 'The source document',
      content: { 'application/json': { schema: SourceDocument, example: sourceDocument } },
      headers: ['ETag', 'CacheControl', 'SourceLanguage'],
    },
    304: notModified('SourceLanguage'),
    400: problem('This route takes no parameters'),
  },
})

export const sourceApi = new Hono().get('/v1/source', valid('query', sourceQuery), (c) =>
  cachedJson(c, 'source', sourceDocument, { 'Content-Language': factSet.source.lang }),
)
