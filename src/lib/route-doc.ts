import * as v from 'valibot'

// What /openapi.json says about a route, beside the schemas that validate it. Only the build
// (src/openapi.ts) reads these objects, so the worker bundle drops them and their response schemas.

export interface ResponseDoc {
  description: string
  content?: Record<string, { schema: v.GenericSchema }>
}

export interface RouteDoc {
  method: 'get'
  path: string
  summary: string
  tags?: string[]
  request?: { query?: v.GenericSchema; params?: v.GenericSchema }
  responses: Record<number, ResponseDoc>
}

/** Every cached route answers If-None-Match. */
export const notModified: ResponseDoc = { description: 'Not modified: the If-None-Match ETag is current' }

export const Problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.string(),
  instance: v.string(),
  invalid_params: v.optional(v.array(v.object({ name: v.string(), reason: v.string() }))),
})

// Pure, so a bundler drops every unused RouteDoc (and the response schemas only it names).
/* @__NO_SIDE_EFFECTS__ */
export function problem(description: string): ResponseDoc {
  return { description, content: { 'application/problem+json': { schema: Problem } } }
}
