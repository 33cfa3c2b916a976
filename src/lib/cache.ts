import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import { dataVersion, fnv1a } from '../data'
import { cacheHeaders } from './cache-policy'

// In production Workers Caching answers repeated GETs before the worker runs (wrangler.toml
// [cache]): what reaches an isolate is a miss. The data changes only with a deploy, so each
// distinct answer is built once per isolate and kept here, keyed by the canonical request (the
// route and its validated parameters, never the raw URL: junk parameters add no entry), and
// bounded in bytes, the least recently used out first. 304s are hono/etag's (cache-policy.ts).

export interface Answer {
  body: string
  etag: string
}

/** A Map bounded in bytes, as `size` counts an entry, the least recently used out first: what an
 *  isolate keeps of what its callers may vary (a query) must not grow without end. */
export function boundedMap<V>(maxBytes: number, size: (key: string, value: V) => number) {
  const entries = new Map<string, V>()
  let bytes = 0
  return {
    /** The value kept for `key`, now the most recently used. */
    get(key: string): V | undefined {
      const value = entries.get(key)
      // A Map iterates in insertion order: re-inserting keeps the oldest first.
      if (value !== undefined && entries.delete(key)) entries.set(key, value)
      return value
    },
    set(key: string, value: V) {
      const old = entries.get(key)
      if (old !== undefined && entries.delete(key)) bytes -= size(key, old)
      entries.set(key, value)
      bytes += size(key, value)
      for (const [k, v] of entries) {
        if (bytes <= maxBytes) break
        entries.delete(k)
        bytes -= size(k, v)
      }
    },
  }
}

// Strings are UTF-16 in V8: two bytes a code unit, near enough. A fraction of a 128 MB isolate, and
// several times every answer we have (about 1 MB).
const answers = boundedMap<Answer>(8 << 20, (key, { body }) => 2 * (key.length + body.length))

/** The answer for `key`, built on its first request in this isolate. */
export function cachedAnswer(key: string, build: () => string): Answer {
  let entry = answers.get(key)
  if (!entry) {
    const body = build()
    entry = { body, etag: `"${dataVersion}-${fnv1a(body)}"` }
    answers.set(key, entry)
  }
  return entry
}

// Which kept answer a response's body stream holds. A stream is its response's for good: Hono
// passes it on when it copies a response to add headers, and anyone who reads it leaves it locked.
// So a signer can take the bytes sent as the answer's and digest each answer once (signature.ts).
const sent = new WeakMap<ReadableStream, Answer>()

/** The kept answer `res` sends, when respond() made its body. */
export const keptAnswer = (res: Response): Answer | undefined => (res.body ? sent.get(res.body) : undefined)

/** A 200 of a kept answer, with its strong ETag and the data's cache headers. */
export function respond(c: Context, key: string, build: () => string, contentType: string, headers: Record<string, string> = {}) {
  const entry = cachedAnswer(key, build)
  const res = c.body(entry.body, 200, { 'Content-Type': contentType, ETag: entry.etag, ...cacheHeaders, ...headers })
  if (res.body) sent.set(res.body, entry)
  return res
}

export function cachedJson<T>(c: Context, key: string, build: () => T, headers: Record<string, string> = {}) {
  // The body is T serialised; the cast only restores the type that c.json() would carry.
  return respond(c, key, () => JSON.stringify(build()), 'application/json; charset=utf-8', headers) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>
}

/** The client already holds `etag`: for a redirect, which hono/etag leaves alone (it answers 2xx only). */
export function holdsEtag(c: Context, etag: string): boolean {
  const inm = c.req.header('If-None-Match')
  return !!inm && inm.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}
