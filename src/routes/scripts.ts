import { Hono } from 'hono'
import manifest from '../../dist/manifest.json'
// The widget bundles, built by scripts/build.mjs.
import sources from '../../dist/scripts.json'
import { holdsEtag } from '../lib/cached'
import { PINNED_CACHE_CONTROL, SCRIPT_CACHE_CONTROL } from '../lib/cache-policy'
import { notFound } from '../lib/problem'

type Name = keyof typeof manifest

// Loaded cross-origin, with SRI: CORS and CORP. /embed.js may change with a deploy; a hashed
// copy never does. Browsers and the edge keep both alike (no CDN-Cache-Control of their own).
function script(name: Name, pinned: boolean) {
  const cacheControl = pinned ? PINNED_CACHE_CONTROL : SCRIPT_CACHE_CONTROL
  return {
    body: sources[name],
    etag: `"${manifest[name].hash}"`,
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': cacheControl,
      ...(!pinned && { 'CDN-Cache-Control': cacheControl }),
      'Cache-Tag': `assets,asset-${name}`,
    },
  }
}

/** /embed.js, /embed.<hash>.js and the other scripts; an older hash is gone (404). */
export const scripts = new Hono().get('/:file{[a-z]+(?:\\.[0-9a-f]{10})?\\.js}', (c) => {
  const [name, hash] = c.req.param('file').split('.')
  if (!Object.hasOwn(manifest, name) || (hash !== 'js' && hash !== manifest[name as Name].hash)) return notFound(c)
  const { body, etag, headers } = script(name as Name, hash !== 'js')
  if (holdsEtag(c, etag)) return new Response(null, { status: 304, headers: { ETag: etag, ...headers } })
  return new Response(body, { headers: { ETag: etag, ...headers } })
})
