import { Hono } from 'hono'
import { card } from './routes/card'
import { cardFragment } from './routes/card-fragment'
import { cardPage } from './routes/card-page'
import { cardImage } from './routes/card-image'
import { imageFiles } from './routes/images'
import { facts } from './routes/facts'
import { home } from './routes/home'
import { iconFiles } from './routes/icons'
import { oembed } from './routes/oembed'
import { sourceApi } from './routes/source'
import { sourcePage } from './routes/source-page'
import { scripts } from './routes/scripts'
import { apiSecurity, publicCors, transportSecurity } from './lib/headers'
import { internalError, methodNotAllowed } from './lib/errors'
import { notFound } from './lib/problem'
import { cachedJson } from './lib/cached'
import { cacheTags } from './lib/cache-policy'
import { withHotResponses } from './lib/hot-responses'
// Generated at build time from the route schemas (src/openapi.ts, scripts/build.mjs).
import openApiDocument from '../dist/openapi.json'
import type { Bindings } from './bindings'

const app = new Hono<{ Bindings: Bindings }>()

app.use('*', transportSecurity, cacheTags, publicCors)
for (const path of ['/v1/*', '/openapi.json', '/oembed', '/card.png', '/share.png']) app.use(path, apiSecurity)

// JSON API, described in /openapi.json
app.route('/', facts)
app.route('/', card)
// The card as HTML for a publisher's server to include (declarative shadow DOM)
app.route('/', cardFragment)
app.route('/', sourceApi)
app.route('/', oembed)

// HTML pages: the iframe card, the source document, the publisher's page
app.route('/', cardPage)
app.route('/', sourcePage)
app.route('/', home)
// The card as PNG: redirects to the images drawn at build time
app.route('/', cardImage)
app.route('/', imageFiles)
// The widget scripts: /embed.js, /embed.<hash>.js, /resize.js, /frame.js, /demo.js
app.route('/', scripts)
// The site's icon: /favicon.svg, /favicon.ico, /apple-touch-icon.png
app.route('/', iconFiles)

app.get('/openapi.json', (c) => {
  const origin = new URL(c.req.url).origin
  const { info } = openApiDocument
  return cachedJson(c, `openapi|${origin}`, () => ({
    ...openApiDocument,
    info: { ...info, contact: { ...info.contact, url: `${origin}/` } },
    servers: [{ url: origin }],
  }))
})

methodNotAllowed(app)
app.notFound(notFound)
app.onError(internalError)

// A repeated GET is answered from what this isolate already sent, before routing (src/lib/hot-responses.ts).
export default { fetch: withHotResponses<{ Bindings: Bindings }['Bindings']>(app.fetch) }
