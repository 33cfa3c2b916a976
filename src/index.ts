import { OpenAPIHono } from '@hono/zod-openapi'
import { card } from './routes/card'
import { facts } from './routes/facts'
import { sourceApi } from './routes/source'
import { apiSecurity, publicCors } from './lib/headers'
import { internalError, methodNotAllowed } from './lib/errors'
import { notFound } from './lib/problem'
import type { Bindings } from './bindings'

const app = new OpenAPIHono<{ Bindings: Bindings }>()

app.use('*', publicCors)
app.use('/v1/*', apiSecurity)
app.use('/openapi.json', apiSecurity)

app.route('/', facts)
app.route('/', card)
app.route('/', sourceApi)

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
