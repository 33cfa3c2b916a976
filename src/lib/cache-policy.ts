import type { MiddlewareHandler } from 'hono'
import { RETAINED_304_HEADERS, etag } from 'hono/etag'
import { dataVersion } from '../data'

// Workers Caching (wrangler.toml [cache]) answers repeated requests at the edge without running
// the worker, by these headers. Its cache keys include the Worker version, so a deploy (the only
// way the data changes) starts afresh, and the edge may keep a response far longer than a browser.
// No s-maxage: it would turn off the edge's stale-while-revalidate and stale-if-error.

/** Browsers: 5 minutes fresh, then a week of stale-while-revalidate / stale-if-error. */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=604800, stale-if-error=604800'
/** The edge: a day fresh, the same week of stale serving; browsers ignore this header. */
export const CDN_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800'
/** /v1/source: no-transform keeps its Content-Digest true through caches that would re-encode it. */
export const SOURCE_CACHE_CONTROL = `${CACHE_CONTROL}, no-transform`
/** A 4xx problem: a minute, at the edge too, so the data's lifetime never applies to an error. */
export const PROBLEM_CACHE_CONTROL = 'public, max-age=60'
/** /embed.js and the other scripts: a deploy may change them, so 5 minutes, a day of stale. */
export const SCRIPT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400'
/** /embed.<hash>.js: those bytes forever. */
export const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable'
/** A 5xx: never stored anywhere. */
export const ERROR_CACHE_CONTROL = 'no-store'

export const cacheHeaders = { 'Cache-Control': CACHE_CONTROL, 'CDN-Cache-Control': CDN_CACHE_CONTROL }

export const DATA_TAG = `data-${dataVersion}`
/** A route's tag, from the path it was declared with (never the caller's): /v1/facts/:id → route-v1-facts. */
const tagOf = (routePath: string) =>
  routePath == '/' ? 'route-home' : routePath == '/*' ? 'route-other' : `route${routePath.replace(/\/:.*$/, '').replace(/[/.]/g, '-')}`

/** Cache-Tag on every response: the data version (to purge one version) and the route; the
 *  scripts, which do not depend on the data, bring their own. Set per route by routeFamily() and once
 *  for the whole app, where nothing matched. */
export const routeTag: MiddlewareHandler = async (c, next) => {
  const tag = `${DATA_TAG},${tagOf(c.req.routePath)}`
  await next()
  if (!c.res.headers.has('Cache-Tag')) c.res.headers.set('Cache-Tag', tag)
}

/** If-None-Match → 304, for every 2xx that carries an ETag. The 304 keeps what a cache must
 *  update the stored answer with; the security headers the families set after it come anyway. */
export const etags = etag({
  retainedHeaders: [...RETAINED_304_HEADERS, 'cdn-cache-control', 'content-language', 'access-control-allow-origin', 'cache-tag'],
})
