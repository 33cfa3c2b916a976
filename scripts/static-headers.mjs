// dist/public/_headers: what asset routing sends with each static file. It answers without the
// worker, so without its middleware: the same headers come from the worker's own constants.
import { importSource } from './import-source.mjs'

/** Every static file's headers: readable from any origin (CORS, CORP), never sniffed or framed,
 *  without a Referer, and HSTS as on every response. */
const common = (m) => ({
  'Strict-Transport-Security': m.HSTS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': m.API_CSP,
  'X-Frame-Options': 'DENY',
})

/** By extension: the charset wrangler's MIME types leave out. */
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8' }

/** @param {{ path: string, policy: { tag: string, pinned?: boolean, type?: string } }[]} files */
export async function staticHeaders(files) {
  const m = await importSource("export { HSTS, API_CSP } from './src/lib/headers'; export { SCRIPT_CACHE_CONTROL, PINNED_CACHE_CONTROL } from './src/lib/cache-policy'")
  const block = (path, headers) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)]
  return [
    // Content-hashed: those bytes forever. Like every response (src/lib/cache-policy.ts), a Cache-Tag.
    ...block('/img/*', { ...common(m), 'Cache-Control': m.PINNED_CACHE_CONTROL, 'Cache-Tag': 'assets,images' }),
    // One block per file, so that no two rules add up to a header listed twice.
    ...files.flatMap(({ path, policy }) => {
      const type = policy.type ?? TYPES[path.split('.').pop()]
      return block(path, {
        ...common(m),
        ...(type && { 'Content-Type': type }),
        // /embed.js may change with a deploy (5 minutes, a day of stale); /embed.<hash>.js never does.
        'Cache-Control': policy.pinned ? m.PINNED_CACHE_CONTROL : m.SCRIPT_CACHE_CONTROL,
        'Cache-Tag': `assets,asset-${policy.tag}`,
      })
    }),
  ]
}
