import { Hono } from 'hono'
// Drawn at build time from widget/icon.ts (scripts/build.mjs).
import icons from '../../dist/icons.json'
import { SCRIPT_CACHE_CONTROL } from '../lib/cache-policy'

type Path = keyof typeof icons
const files = Object.fromEntries(
  Object.entries(icons).map(([path, f]) => [path, { ...f, bytes: Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0)) }]),
)

/** /favicon.svg, /favicon.ico, /apple-touch-icon.png: browsers, Slack and Ghost's bookmark cards fetch them
 *  from other origins (CORP cross-origin, from the family); a deploy may redraw them, so the scripts' cache policy. */
export const iconFiles = new Hono().get('/:file{(?:favicon\\.svg|favicon\\.ico|apple-touch-icon\\.png)}', (c) => {
  const file = files[c.req.path as Path]
  return c.body(file.bytes, 200, { ETag: `"${file.hash}"`, 'Content-Type': file.type, 'Cache-Control': SCRIPT_CACHE_CONTROL, 'Cache-Tag': 'assets,asset-icon' })
})
