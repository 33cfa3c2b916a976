import * as v from 'valibot'
import { Hono } from 'hono'
import manifest from '../../dist/manifest.json'
// The widget bundles, built by scripts/build.mjs.
import sources from '../../dist/scripts.json'
import cardCss from '../../dist/card.css'
import pages from '../../dist/pages.json'
import { PINNED_CACHE_CONTROL, SCRIPT_CACHE_CONTROL } from '../lib/cache-policy'
import { notFound } from '../lib/problem'
import { notModified, scriptResponse as script, type RouteDoc } from '../lib/route-doc'

type Name = keyof typeof manifest

/** /embed.js, /embed.<hash>.js and the other scripts; an older hash is gone (404). Loaded
 *  cross-origin with SRI: CORS and CORP come from the family (src/routes/assets.ts). /embed.js may
 *  change with a deploy; a hashed copy never does. Browsers and the edge keep both alike. */
export const scripts = new Hono().get('/:file{[a-z]+(?:\\.[0-9a-f]{10})?\\.js}', (c) => {
  const [name, hash] = c.req.param('file').split('.')
  if (!Object.hasOwn(manifest, name) || (hash !== 'js' && hash !== manifest[name as Name].hash)) return notFound(c)
  const pinned = hash !== 'js'
  const cacheControl = pinned ? PINNED_CACHE_CONTROL : SCRIPT_CACHE_CONTROL
  return c.body(sources[name as Name], 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    ETag: `"${manifest[name as Name].hash}"`,
    'Cache-Control': cacheControl,
    ...(!pinned && { 'CDN-Cache-Control': cacheControl }),
    'Cache-Tag': `assets,asset-${name}`,
  })
})

/** /card.css and /card.<hash>.css: the card's stylesheet, which /v1/card.html?stylesheet=link names
 *  (hashed, immutable) for a host page whose CSP allows no inline <style>. */
export const cardSheet = new Hono().get('/:file{card(?:\\.[0-9a-f]{10})?\\.css}', (c) => {
  const file = c.req.param('file')
  const pinned = file != 'card.css'
  if (pinned && `/${file}` != pages.cardSheet.path) return notFound(c)
  const cacheControl = pinned ? PINNED_CACHE_CONTROL : SCRIPT_CACHE_CONTROL
  return c.body(cardCss, 200, {
    'Content-Type': 'text/css; charset=utf-8',
    ETag: `"${pages.cardSheet.path.split('.')[1]}"`,
    'Cache-Control': cacheControl,
    ...(!pinned && { 'CDN-Cache-Control': cacheControl }),
    'Cache-Tag': 'assets,asset-card-css',
  })
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const scriptDocs = (): RouteDoc[] => [
  {
    method: 'get',
    path: '/embed.js',
    operationId: 'getEmbedScript',
    summary: 'The script embed: defines <xiaomi-ev-card>',
    description: 'Defines the <xiaomi-ev-card> element, which fetches GET /v1/card from this origin and renders it in a shadow root. /embed.<hash>.js is the same bytes, immutable, for Subresource Integrity.',
    tag: 'embed',
    responses: { 200: script('The script; /embed.<hash>.js is immutable'), 304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] } },
  },
  {
    method: 'get',
    path: '/resize.js',
    operationId: 'getResizeScript',
    summary: 'Optional parent script that sizes /card iframes to their content',
    description: 'For the iframe embed: sizes each of our /card iframes to its card from height messages it accepts only from our origin and from that very frame, and fires xiaomi-ev-card:load on it.',
    tag: 'embed',
    responses: { 200: script('The script'), 304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] } },
  },
  {
    method: 'get',
    path: '/card.css',
    operationId: 'getCardStylesheet',
    summary: "The card's stylesheet",
    description: "The stylesheet of every card. /card.<hash>.css is the same bytes, immutable: /v1/card.html?stylesheet=link names it, for a host page whose CSP allows no inline <style>.",
    tag: 'embed',
    responses: {
      200: { description: 'The stylesheet', content: { 'text/css': { schema: v.string() } }, headers: ['ETag', 'ScriptCacheControl'] },
      304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] },
    },
  },
]
