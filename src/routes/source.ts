import * as v from 'valibot'
import { Hono } from 'hono'
import { corrections, factSet, source } from '../data'
import { SOURCE_CACHE_CONTROL } from '../lib/cache-policy'
import { respond } from '../lib/cache'
import { strictQuery, valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'
// Written by scripts/build.mjs from data/.
import digests from '../../dist/digests.json'

const byLang = v.pipe(v.record(v.string(), v.string()), v.description('By language: what readers saw before, and see after.'))

export const SourceDocument = v.object({
  title: v.string(),
  publisher: v.string(),
  published: v.pipe(v.string(), v.description("The press release's date, its dateline: it dates the document, not an event.")),
  file: v.string(),
  lang: v.string(),
  length: v.pipe(v.number(), v.integer(), v.description('In UTF-16 code units, the unit of every evidence offset.')),
  sha256: v.pipe(
    v.string(),
    v.description('SHA-256 of text as UTF-8, in hex: a copy of the source is this one when its digest matches, and every evidence span is text.slice(start, end) of it.'),
  ),
  html: v.pipe(v.string(), v.description('The document as a page, each evidence span an anchor: /source#<fact-id>.')),
  text: v.pipe(v.string(), v.description('The source, byte for byte as published.')),
  corrections: v.pipe(
    v.array(
      v.object({
        date: v.string(),
        fact: v.optional(v.string()),
        card: v.optional(v.pipe(v.string(), v.description("The card's own wording that changed: headline, source or date."))),
        field: v.optional(v.string()),
        what: v.pipe(v.string(), v.description('What changed, in English, as recorded.')),
        why: v.pipe(v.string(), v.description('Why, in English, as recorded.')),
        translated: v.pipe(
          v.record(v.string(), v.object({ what: v.string(), why: v.string() })),
          v.description('what and why translated into each other language, as /source shows them beside the English.'),
        ),
        before: byLang,
        after: byLang,
      }),
    ),
    v.description('Every correction of the facts and the card, oldest first.'),
  ),
})

const sourceQuery = strictQuery({})

/** The body of GET /v1/source. */
const sourceDocument = () => ({
  title: factSet.source.title,
  publisher: factSet.source.publisher,
  published: factSet.source.published,
  file: factSet.source.file,
  lang: factSet.source.lang,
  length: source.length,
  sha256: digests.source,
  html: '/source',
  text: source,
  corrections: corrections(),
})

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const sourceDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/source',
  operationId: 'getSource',
  summary: "The source document's metadata, text, SHA-256 and the corrections made",
  description:
    'The press release every fact is taken from: its title, publisher and date, and its text byte for byte, ' +
    'which every evidence span indexes (evidence.start and evidence.end, in UTF-16 code units), with its SHA-256 and every correction made to the facts.',
  tag: 'source',
  request: { query: sourceQuery },
  responses: {
    200: {
      description: 'The source document. Content-Digest (RFC 9530) is the SHA-256 of this body; Cache-Control no-transform keeps it true through caches that would re-encode it.',
      content: { 'application/json': { schema: SourceDocument, example: sourceDocument } },
      headers: ['ETag', 'SourceCacheControl', 'SourceLanguage', 'ContentDigest'],
    },
    304: { ...notModified(), headers: ['ETag', 'SourceCacheControl', 'SourceLanguage'] },
    400: problem('This route takes no parameters'),
  },
})

// Its Content-Digest, like every signed answer's, is the signing middleware's (src/lib/signature.ts),
// made once per isolate for this kept answer: a HEAD sends no content to digest, a 304 none either.
export const sourceApi = new Hono().get('/v1/source', valid('query', sourceQuery), (c) =>
  respond(c, 'source', () => JSON.stringify(sourceDocument() satisfies v.InferOutput<typeof SourceDocument>), 'application/json; charset=utf-8', {
    'Content-Language': factSet.source.lang,
    // The edge compresses JSON unless told not to; re-encoded, the body would no longer match its digest.
    'Cache-Control': SOURCE_CACHE_CONTROL,
  }),
)
