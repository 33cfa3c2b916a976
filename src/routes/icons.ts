import { Hono } from 'hono'
// Drawn at build time from widget/icon.ts (scripts/build.mjs).
import icons from '../../dist/icons.json'
import { holdsEtag } from '../lib/cached'
import { SCRIPT_CACHE_CONTROL } from '../lib/cache-policy'

type Path = keyof typeof icons
const files = Object.fromEntries(
  Object.entries(icons).map(([path, f]) => [path, { ...f, bytes: Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0)) }]),
)

/** /favicon.svg, /favicon.ico, /apple-touch-icon.png: browsers, Slack and Ghost's bookmark cards fetch them
 *  from other origins, so CORP cross-origin; a deploy may redraw them, so the scripts' cache policy. */
export const iconFiles = new Hono().get('/:file{(?:favicon\\.svg|favicon\\.ico|apple-touch-icon\\.png)}', (c) => {
  const file = files[c.req.path as Path]
  const headers = {
    ETag: `"${file.hash}"`,
    'Content-Type': file.type,
    'Cache-Control': SCRIPT_CACHE_CONTROL,
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  }
  if (holdsEtag(c, headers.ETag)) return new Response(null, { status: 304, headers })
  return new Response(file.bytes, { headers })
})
