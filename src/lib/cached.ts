import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import { dataVersion, fnv1a } from '../data'
import { cacheHeaders } from './cache-policy'

interface Entry {
  body: string
  etag: string
}

// The data only changes with a deploy, so each distinct response is built once per
// isolate and then served from here: no formatting or serialising on the hot path.
const entries = new Map<string, Entry>()

// Keys can carry the request's origin, which a caller controls: bound the map.
const MAX_ENTRIES = 2000

export function memoized(key: string, build: () => string): Entry {
  let entry = entries.get(key)
  if (!entry) {
    if (entries.size >= MAX_ENTRIES) entries.clear()
    const body = build()
    entry = { body, etag: `"${dataVersion}-${fnv1a(body)}"` }
    entries.set(key, entry)
  }
  return entry
}

/** The client already holds `etag`: its If-None-Match names it, or `*`. */
export function holdsEtag(c: Context, etag: string): boolean {
  const inm = c.req.header('If-None-Match')
  return !!inm && inm.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}

/** A 200 with a strong ETag, or a 304 when the client already holds it. */
export function respondCached(c: Context, entry: Entry, contentType: string, headers: Record<string, string> = {}): Response {
  const common = { ETag: entry.etag, ...cacheHeaders, ...headers }
  if (holdsEtag(c, entry.etag)) return new Response(null, { status: 304, headers: common })
  return new Response(entry.body, { status: 200, headers: { 'Content-Type': contentType, ...common } })
}

export function cachedJson<T>(c: Context, key: string, build: () => T, headers: Record<string, string> = {}) {
  const entry = memoized(key, () => JSON.stringify(build()))
  // The body is T serialised; the cast only restores the type that c.json() would carry.
  return respondCached(c, entry, 'application/json; charset=utf-8', headers) as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>
}
