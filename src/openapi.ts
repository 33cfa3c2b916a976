// Build time only (scripts/build.mjs): writes dist/openapi.json from the very schemas that
// validate each route, so the worker serves the document without carrying a generator.
import * as v from 'valibot'
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema'
import { cardDoc, CardModelSchema } from './routes/card'
import { cardFragmentDoc } from './routes/card-fragment'
import { ApiFact, FactList, factListDoc, factDoc } from './routes/facts'
import { OEmbed, oembedDoc } from './routes/oembed'
import { SourceDocument, sourceDoc } from './routes/source'
import { cardPageDoc } from './routes/card-page'
import { imageDocs } from './routes/card-image'
import { sourcePageDoc } from './routes/source-page'
import { homeDoc } from './routes/home'
import { scriptDocs } from './routes/scripts'
import { HEADERS, Problem, TAGS, notModified, type HeaderName, type RouteDoc } from './lib/route-doc'
import { SIGNED_PATHS } from './lib/signature'
import { KeySet, keyDirectoryDoc } from './routes/signing-keys'

// Named once in components.schemas, referenced everywhere else.
const components: Record<string, v.GenericSchema> = { FactList, Fact: ApiFact, Problem, Card: CardModelSchema, SourceDocument, OEmbed, KeySet }

/** A signed route's answers with a body carry its signature (src/lib/signature.ts); its 304s do not. */
const SIGNED = new Set<string>(SIGNED_PATHS.map((path) => path.replace(/:(\w+)/g, '{$1}')))
const SIGNATURE_HEADERS: HeaderName[] = ['ContentDigest', 'SignatureInput', 'Signature']
const signedHeaders = (path: string, status: string, headers: HeaderName[] = []) =>
  SIGNED.has(path) && status !== '304' ? [...new Set([...headers, ...SIGNATURE_HEADERS])] : headers

const config = (typeMode: 'input' | 'output'): ConversionConfig => ({
  target: 'draft-2020-12',
  typeMode,
  // check() and transform() have no JSON Schema: their rule is in the description and the 400.
  errorMode: 'ignore',
  definitions: components,
  overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
})

function jsonSchema(schema: v.GenericSchema, typeMode: 'input' | 'output') {
  const { $schema, $defs, ...rest } = toJsonSchema(schema, config(typeMode)) as Record<string, unknown>
  return rest
}

/** The object schema under a pipe: strictQuery(…) or strictQuery(…) with a cross-field check. */
const entriesOf = (schema: v.GenericSchema): v.ObjectEntries =>
  'pipe' in schema ? entriesOf((schema.pipe as v.GenericSchema[])[0]) : (schema as unknown as v.ObjectSchema<v.ObjectEntries, undefined>).entries

function parameters(where: 'query' | 'path', schema: v.GenericSchema | undefined) {
  if (!schema) return []
  return Object.entries(entriesOf(schema)).map(([name, entry]) => {
    // The description is the parameter's, said once.
    const { description, ...schema } = jsonSchema(entry, 'input')
    const required = where === 'path' || !['optional', 'exact_optional', 'nullish'].includes(entry.type)
    return { name, in: where, required, ...(typeof description === 'string' && { description }), schema }
  })
}

function operation(route: RouteDoc) {
  const params = [...parameters('path', route.request?.params), ...parameters('query', route.request?.query)]
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...((r.headers || SIGNED.has(route.path)) && {
          headers: Object.fromEntries(signedHeaders(route.path, status, r.headers).map((key) => [HEADERS[key].name, { $ref: `#/components/headers/${key}` }])),
        }),
        ...(r.content && {
          content: Object.fromEntries(
            Object.entries(r.content).map(([type, { schema, example }]) => [
              type,
              // Examples are the real answers, built from data/ by the route's own code.
              { schema: jsonSchema(schema, 'output'), ...(example && { example: example() }) },
            ]),
          ),
        }),
      },
    ]),
  )
  const { operationId, summary, description, tag } = route
  return { operationId, summary, description, tags: [tag], ...(params.length && { parameters: params }), responses }
}

// The document describes itself too, so every route a client can call is in it.
export const openApiDoc = (): RouteDoc => ({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document',
  description: 'Every route, parameter, response, header and error of this service, generated at build time from the schemas that validate the requests; a static file, so `servers` is this origin, relative.',
  tag: 'meta',
  responses: {
    200: {
      description: 'The document',
      content: { 'application/json': { schema: v.looseObject({ openapi: v.literal('3.1.0') }) } },
      headers: ['ETag', 'ScriptCacheControl'],
    },
    304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] },
  },
})

/** Every route, by family: the API (src/routes/api.ts), the pages, the assets. */
export const ROUTES: RouteDoc[] = [
  factListDoc(), factDoc(), cardDoc(), cardFragmentDoc(), sourceDoc(), oembedDoc(), openApiDoc(), keyDirectoryDoc(),
  cardPageDoc(), sourcePageDoc(), homeDoc(),
  ...imageDocs(), ...scriptDocs(),
]

/** The OpenAPI 3.1 document: a static file, so its server is relative, the origin it is served from (OpenAPI 3.1 §4.8.5). */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route)
  const schemas = toJsonSchemaDefs(components, { ...config('output'), definitions: undefined } as never)
  const headers = Object.fromEntries(Object.entries(HEADERS).map(([key, { name, ...header }]) => [key, header]))
  return {
    openapi: '3.1.0',
    info: {
      title: 'xiaomi-ev-card',
      version: '1.0.0',
      description:
        "Verified facts of Xiaomi's smart electric-vehicle launch (2021-04-01). Every fact carries a verbatim evidence span of the source document. Errors are RFC 9457 problem details. Every answer is public: no authentication, CORS open to any origin, no cookies. " +
        'The facts, cards and source are signed (RFC 9421 HTTP Message Signatures over an RFC 9530 Content-Digest, Ed25519) by a key of GET /.well-known/http-message-signatures-directory.',
      contact: { name: 'xiaomi-ev-card' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Public, read-only data: no operation needs credentials.
    security: [],
    servers: [{ url: '/' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas, headers },
  }
}
