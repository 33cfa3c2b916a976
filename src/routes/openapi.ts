import { Hono } from 'hono'
import { cachedJson } from '../lib/cache'
// Generated at build time from the route schemas (src/openapi.ts, scripts/build.mjs).
import openApiDocument from '../../dist/openapi.json'

/** The document, naming the origin that answered as its server and contact. Its own entry in it is
 *  src/openapi.ts's: this module imports the document, which the build makes from those entries. */
export const openApi = new Hono().get('/openapi.json', (c) => {
  const origin = new URL(c.req.url).origin
  const { info } = openApiDocument
  return cachedJson(c, `openapi|${origin}`, () => ({
    ...openApiDocument,
    info: { ...info, contact: { ...info.contact, url: `${origin}/` } },
    servers: [{ url: origin }],
  }))
})
