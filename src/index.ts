import { OpenAPIHono } from '@hono/zod-openapi'
import { card } from './routes/card'
import { cardPage } from './routes/card-page'
import { cardImage } from './routes/card-image'
import { facts } from './routes/facts'
import { home } from './routes/home'
import { oembed } from './routes/oembed'
import { sourceApi } from './routes/source'
import { sourcePage } from './routes/source-page'
import { documentPages } from './routes/pages-doc'
import { apiSecurity, publicCors } from './lib/headers'
import { internalError, methodNotAllowed } from './lib/errors'
import { notFound } from './lib/problem'
import type { Bindings } from './bindings'

const app = new OpenAPIHono<{ Bindings: Bindings }>()

app.use('*', publicCors)
for (const path of ['/v1/*', '/openapi.json', '/oembed', '/card.png', '/share.png']) app.use(path, apiSecurity)

// JSON API, described in /openapi.json
app.route('/', facts)
app.route('/', card)
app.route('/', sourceApi)
app.route('/', oembed)

// HTML pages: the iframe card, the source document, the publisher's page
app.route('/', cardPage)
app.route('/', sourcePage)
app.route('/', home)
// The card as PNG: redirects to the images drawn at build time
app.route('/', cardImage)

documentPages(app)
app.doc31('/openapi.json', (c) => ({
  openapi: '3.1.0',
  info: {
    title: 'xiaomi-ev-card',
    version: '1.0.0',
    description:
      "Verified facts of Xiaomi's smart electric-vehicle launch (2021-04-01). Every fact carries a verbatim evidence span of the source document. Errors are RFC 9457 problem details.",
  },
  servers: [{ url: new URL(c.req.url).origin }],
}))

methodNotAllowed(app)
app.notFound(notFound)
app.onError(internalError)

export default app
