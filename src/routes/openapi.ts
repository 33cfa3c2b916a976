import { Hono } from 'hono'
import * as v from 'valibot'
import { cachedJson } from '../lib/cache'
import { notModified, type RouteDoc } from '../lib/route-doc'
// Generated at build time from the route schemas (src/openapi.ts, scripts/build.mjs).
import openApiDocument from '../../dist/openapi.json'

/** The document, naming the origin that answered as its server and contact. */
export const openApi = new Hono().get('/openapi.json', (c) => {
  const origin = new URL(c.req.url).origin
  const { info } = openApiDocument
  return cachedJson(c, `openapi|${origin}`, () => ({
    ...openApiDocument,
    info: { ...info, contact: { ...info.contact, url: `${origin}/` } },
    servers: [{ url: origin }],
  }))
})

// The document describes itself too, so every route a client can call is in it. A function, so the worker bundle drops it.
export const openApiDoc = (): RouteDoc => ({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document',
  description: 'Every route, parameter, response, header and error of this service, generated at build time from the schemas that validate the requests. `servers` names the origin that answered.',
  tag: 'meta',
  responses: {
    200: {
      description: 'The document',
      content: { 'application/json': { schema: v.looseObject({ openapi: v.literal('3.1.0') }) } },
      headers: ['ETag', 'CacheControl'],
    },
    304: notModified(),
  },
})
