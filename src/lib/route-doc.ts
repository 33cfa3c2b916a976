import * as v from 'valibot'
import { LANGS } from '../data/schema'
import { CACHE_CONTROL, ERROR_CACHE_CONTROL, PINNED_CACHE_CONTROL, PROBLEM_CACHE_CONTROL, SCRIPT_CACHE_CONTROL } from './cache-policy'

// What /openapi.json says about a route, beside the schemas that validate it. Only the build
// (src/openapi.ts) reads these objects, so the worker bundle drops them and their response schemas.

/** The document's tags, each with what its routes are for. */
export const TAGS = {
  facts: 'The facts of the announcement, each with its verbatim evidence span in the source document.',
  card: 'What a card shows, formatted for its language: the data behind every embed.',
  source: 'The one source document every fact is taken from.',
  embed: 'The script embed, its iframe helper and oEmbed, for publishers and their CMSs.',
  pages: 'HTML pages: the card for iframes, the source document, the snippet builder.',
  images: 'The card as PNG, for newsletters, link previews and print.',
  meta: 'This document.',
} as const
export type Tag = keyof typeof TAGS

/** A response header, by its name in components.headers (src/openapi.ts). */
export type HeaderName = keyof typeof HEADERS

export interface ResponseDoc {
  description: string
  content?: Record<string, { schema: v.GenericSchema; example?: () => unknown }>
  headers?: HeaderName[]
}

export interface RouteDoc {
  method: 'get'
  path: string
  operationId: string
  summary: string
  description: string
  tag: Tag
  request?: { query?: v.GenericSchema; params?: v.GenericSchema }
  responses: Record<number, ResponseDoc>
}

const header = (name: string, description: string, schema: Record<string, unknown>, required = true) => ({ name, description, required, schema: { type: 'string', ...schema } })

/** The headers clients rely on, with their meaning and values as the code sets them; keyed by their
 *  name in components.headers, as one header may have a value per kind of response. */
export const HEADERS = {
  ETag: header('ETag', 'Strong validator of this representation: send it back in If-None-Match and an unchanged answer is a 304.', { pattern: '^"[0-9a-z-]+"$' }),
  CacheControl: header('Cache-Control', 'Browsers keep the answer 5 minutes, then may serve it stale for a week while revalidating, or on error.', { const: CACHE_CONTROL }),
  ProblemCacheControl: header('Cache-Control', 'A problem is kept one minute, never as long as the data.', { const: PROBLEM_CACHE_CONTROL }),
  ErrorCacheControl: header('Cache-Control', 'A 5xx is never stored.', { const: ERROR_CACHE_CONTROL }),
  ScriptCacheControl: header('Cache-Control', 'The script may change with a deploy: 5 minutes, then a day of stale.', { const: SCRIPT_CACHE_CONTROL }),
  ContentLanguage: header('Content-Language', 'The language served: the lang parameter matched, else the Accept-Language choice, else en.', { enum: [...LANGS] }),
  SourceLanguage: header('Content-Language', 'The language of the source document.', { const: 'en' }),
  Vary: header('Vary', 'Accept-Language, sent only when that header chose the language (no lang parameter): name lang and every reader shares one cache entry.', { const: 'Accept-Language' }, false),
  ImageLocation: header('Location', `The immutable PNG drawn at build time, /img/<shape>-<hash>.png: image/png, Cache-Control ${PINNED_CACHE_CONTROL}.`, { pattern: '/img/(card|share)-[0-9a-f]{12}\\.png$' }),
} as const

/** Every cached route answers If-None-Match. */
export const notModified = (...headers: HeaderName[]): ResponseDoc => ({
  description: 'Not modified: the If-None-Match ETag is current. Carries the 200\'s validators and cache headers, no body.',
  headers: ['ETag', 'CacheControl', ...headers],
})

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
  return { description, content: { 'application/problem+json': { schema: Problem } }, headers: ['ProblemCacheControl'] }
}
