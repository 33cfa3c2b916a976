import { Hono } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { routeTag } from './lib/cache-policy'
import { internalError, readOnly } from './lib/errors'
import { transportSecurity } from './lib/headers'
import { notFound } from './lib/problem'
import { loadStaticData } from './lib/static-data'
import { api } from './routes/api'
import { assets } from './routes/assets'
import { pages } from './routes/pages'

const app = new Hono()

// Every response, matched or not: HSTS, a Cache-Tag, and 405 (not 404) for a method a path lacks;
// then the data the worker reads from its static assets, once per isolate.
app.use(transportSecurity, routeTag, methodNotAllowed({ app, onMethodNotAllowed: readOnly }), loadStaticData)

// /v1/*, /openapi.json, /oembed: the JSON API and what /openapi.json describes
app.route('/', api)
// /, /card, /source: the HTML pages
app.route('/', pages)
// /embed.js and the other scripts, the icons, /card.png and /share.png
app.route('/', assets)

app.notFound(notFound)
app.onError(internalError)

export default app
