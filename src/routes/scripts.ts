import * as v from 'valibot'
import { notModified, scriptResponse as script, type RouteDoc } from '../lib/route-doc'

// The widget scripts and the card's stylesheet are static assets (scripts/build.mjs writes them
// and their headers into dist/public): asset routing serves them without the worker.

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
