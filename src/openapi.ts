// Build time only (scripts/build.mjs): writes dist/openapi.json from the very schemas that
// validate each route, so the worker serves the document without carrying a generator.
import * as v from 'valibot'
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema'
import { Evidence } from './data/schema'
import { cardDoc, CardModel } from './routes/card'
import { cardFragmentDoc } from './routes/card-fragment'
import { ApiFact, FactList, listDoc, oneDoc } from './routes/facts'
import { OEmbed, oembedDoc } from './routes/oembed'
import { SourceDocument, sourceDoc } from './routes/source'
import { pageDocs } from './routes/pages-doc'
import { Problem, type RouteDoc } from './lib/route-doc'

// Named once in components.schemas, referenced everywhere else.
const components: Record<string, v.GenericSchema> = { FactList, Fact: ApiFact, Evidence, Problem, Card: CardModel, SourceDocument, OEmbed }

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
    const s = jsonSchema(entry, 'input')
    const required = where === 'path' || !['optional', 'exact_optional', 'nullish'].includes(entry.type)
    return { name, in: where, required, ...(typeof s.description === 'string' && { description: s.description }), schema: s }
  })
}

function operation(route: RouteDoc) {
  const params = [...parameters('path', route.request?.params), ...parameters('query', route.request?.query)]
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.content && {
          content: Object.fromEntries(Object.entries(r.content).map(([type, { schema }]) => [type, { schema: jsonSchema(schema, 'output') }])),
        }),
      },
    ]),
  )
  return { summary: route.summary, ...(route.tags && { tags: route.tags }), ...(params.length && { parameters: params }), responses }
}

export const ROUTES: RouteDoc[] = [listDoc, oneDoc, cardDoc, cardFragmentDoc, sourceDoc, oembedDoc, ...pageDocs]

/** The OpenAPI 3.1 document; the worker adds `servers` for the origin it answers on. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route)
  const schemas = toJsonSchemaDefs(components, { ...config('output'), definitions: undefined } as never)
  return {
    openapi: '3.1.0',
    info: {
      title: 'xiaomi-ev-card',
      version: '1.0.0',
      description:
        "Verified facts of Xiaomi's smart electric-vehicle launch (2021-04-01). Every fact carries a verbatim evidence span of the source document. Errors are RFC 9457 problem details.",
    },
    paths,
    components: { schemas },
  }
}
