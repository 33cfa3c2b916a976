import * as v from 'valibot'
import { LANGS } from '../../widget/card-model'
import { CACHE_CONTROL, ERROR_CACHE_CONTROL, PROBLEM_CACHE_CONTROL, SCRIPT_CACHE_CONTROL, SOURCE_CACHE_CONTROL } from './cache-policy'

// What /openapi.json says about a route, beside the schemas that validate it. Only the build
// (src/openapi.ts) reads these: each route's is a function the worker never calls, and the
// headers are literals, so the worker bundle drops them and the response schemas only they name.

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

/** A header's documentation; written out as literals below, so the worker bundle, which imports this
 *  module, drops them all (a call at module level would keep them). */
interface HeaderDoc {
  name: string
  description: string
  required: boolean
  schema: { type: 'string'; const?: string; enum?: readonly string[]; pattern?: string }
}

/** The headers clients rely on, with their meaning and values as the code sets them; keyed by their
 *  name in components.headers, as one header may have a value per kind of response. */
export const HEADERS = {
  ETag: { name: 'ETag', required: true, description: 'Strong validator of this representation: send it back in If-None-Match and an unchanged answer is a 304.', schema: { type: 'string', pattern: '^"[0-9a-z-]+"$' } },
  CacheControl: { name: 'Cache-Control', required: true, description: 'Browsers keep the answer 5 minutes, then may serve it stale for a week while revalidating, or on error.', schema: { type: 'string', const: CACHE_CONTROL } },
  SourceCacheControl: { name: 'Cache-Control', required: true, description: 'Kept like the data; no-transform, so no cache re-encodes the body its Content-Digest is of.', schema: { type: 'string', const: SOURCE_CACHE_CONTROL } },
  ProblemCacheControl: { name: 'Cache-Control', required: true, description: 'A problem is kept one minute, never as long as the data.', schema: { type: 'string', const: PROBLEM_CACHE_CONTROL } },
  ErrorCacheControl: { name: 'Cache-Control', required: true, description: 'A 5xx is never stored.', schema: { type: 'string', const: ERROR_CACHE_CONTROL } },
  KeysCacheControl: { name: 'Cache-Control', required: true, description: 'Kept like the data; never stored while the key is a throwaway of one isolate (no SIGNING_KEY secret: wrangler dev, the tests).', schema: { type: 'string', enum: [CACHE_CONTROL, ERROR_CACHE_CONTROL] } },
  ScriptCacheControl: { name: 'Cache-Control', required: true, description: 'The script may change with a deploy: 5 minutes, then a day of stale.', schema: { type: 'string', const: SCRIPT_CACHE_CONTROL } },
  ContentLanguage: { name: 'Content-Language', required: true, description: 'The language served: the lang parameter matched (hl on the pages / and /source), else the Accept-Language choice, else en.', schema: { type: 'string', enum: LANGS } },
  ContentDigest: { name: 'Content-Digest', required: false, description: 'RFC 9530: the SHA-256 of the body sent, on a GET that sends one (not on HEAD or 304).', schema: { type: 'string', pattern: '^sha-256=:[A-Za-z0-9+/]+=*:$' } },
  SignatureInput: { name: 'Signature-Input', required: false, description: 'RFC 9421: what the Signature covers (Content-Digest, the status, Content-Type, Content-Language when sent, the request\'s path and query), when it was made (created) and the key (keyid, a key of GET /.well-known/http-message-signatures-directory). On a GET that sends a body: not on HEAD or 304.', schema: { type: 'string', pattern: '^sig1=\\("content-digest" "@status" .*;keyid="[A-Za-z0-9_-]+";alg="ed25519"$' } },
  Signature: { name: 'Signature', required: false, description: 'RFC 9421: the Ed25519 signature that Signature-Input describes. docs/provenance.md says how to verify it.', schema: { type: 'string', pattern: '^sig1=:[A-Za-z0-9+/]+=*:$' } },
  SourceLanguage: { name: 'Content-Language', required: true, description: 'The language of the source document.', schema: { type: 'string', const: 'en' } },
  Vary: { name: 'Vary', required: false, description: 'Accept-Language, sent only when that header chose the language (no lang parameter, or hl on the pages): name it and every reader shares one cache entry.', schema: { type: 'string', const: 'Accept-Language' } },
  FrameVary: { name: 'Vary', required: true, description: 'Sec-Fetch-Dest, always: a frame (Sec-Fetch-Dest: iframe) gets the page without its share metadata. Accept-Language before it when that header chose the language.', schema: { type: 'string', enum: ['Sec-Fetch-Dest', 'Accept-Language, Sec-Fetch-Dest'] } },
  OEmbedLink: { name: 'Link', required: true, description: "The card's oEmbed endpoints, JSON and XML (RFC 8288), for consumers that read headers rather than the page's <link>s (Slack).", schema: { type: 'string', pattern: 'rel="alternate"; type="application/json\\+oembed"' } },
  ImageLocation: { name: 'Location', required: true, description: 'The immutable PNG drawn at build time, /img/<shape>-<hash>.png: image/png, cached for a year.', schema: { type: 'string', pattern: '/img/(card|share)-[0-9a-f]{12}\\.png$' } },
} satisfies Record<string, HeaderDoc>

/** Every cached route answers If-None-Match. */
export function notModified(...headers: HeaderName[]): ResponseDoc {
  return { description: "Not modified: the If-None-Match ETag is current. Carries the 200's validators and cache headers, no body.", headers: ['ETag', 'CacheControl', ...headers] }
}

/** An HTML page's answer, and a script's. */
export const htmlResponse = (description: string, headers: HeaderName[]): ResponseDoc => ({ description, content: { 'text/html': { schema: v.string() } }, headers })
export const scriptResponse = (description: string): ResponseDoc => ({ description, content: { 'text/javascript': { schema: v.string() } }, headers: ['ETag', 'ScriptCacheControl'] })
/** What every answer about one card carries. */
export const CARD_HEADERS: HeaderName[] = ['ETag', 'CacheControl', 'ContentLanguage', 'Vary']

export const Problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.string(),
  instance: v.string(),
  invalid_params: v.optional(v.array(v.object({ name: v.string(), reason: v.string() }))),
})

export function problem(description: string, headers: HeaderName[] = ['ProblemCacheControl']): ResponseDoc {
  return { description, content: { 'application/problem+json': { schema: Problem } }, headers }
}
