import { createRoute, z } from '@hono/zod-openapi'
import { factSet, source } from '../data'
import { cachedJson } from '../lib/cached'
import { apiRouter, notModified, problem, strictQuery } from '../lib/params'

const SourceDocument = z
  .object({
    title: z.string(),
    publisher: z.string(),
    published: z.string(),
    file: z.string(),
    lang: z.string(),
    length: z.number().int().openapi({ description: 'In UTF-16 code units, the unit of every evidence offset.' }),
    html: z.string().openapi({ description: 'The document as a page, each evidence span an anchor: /source#<fact-id>.' }),
    text: z.string().openapi({ description: 'The source, byte for byte as published.' }),
  })
  .openapi('SourceDocument')

const route = createRoute({
  method: 'get',
  path: '/v1/source',
  summary: "The source document's metadata and text",
  request: { query: strictQuery({}) },
  responses: {
    200: { description: 'The source document', content: { 'application/json': { schema: SourceDocument } } },
    304: notModified,
    400: problem('This route takes no parameters'),
  },
})

export const sourceApi = apiRouter().openapi(route, (c) =>
  cachedJson(c, 'source', () => ({
    title: factSet.source.title,
    publisher: factSet.source.publisher,
    published: factSet.source.published,
    file: factSet.source.file,
    lang: factSet.source.lang,
    length: source.length,
    html: '/source',
    text: source,
  }), { 'Content-Language': factSet.source.lang }),
)
