import { describe, expect, it } from 'vitest'
import { get } from './helpers'

// One row per kind of response: a header cannot vanish without this table noticing.
// null means the header must be absent.
type Row = { path: string; status: number; headers: Record<string, string | RegExp | null> }

// Cloudflare serves HTTPS only: two years, subdomains, preload, on every response.
const HSTS = { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload' }
const API = {
  ...HSTS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': null,
  // What a cross-origin script may read beyond the safelisted headers.
  'Access-Control-Expose-Headers': 'ETag,Content-Digest,Signature-Input,Signature',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Frame-Options': 'DENY',
  // JSON and problems load nothing and are never framed.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Set-Cookie': null,
  // Document-only headers do nothing for JSON; every header costs every response.
  'X-XSS-Protection': null,
  'X-Download-Options': null,
  'X-DNS-Prefetch-Control': null,
  'X-Permitted-Cross-Domain-Policies': null,
  'Origin-Agent-Cluster': null,
}
// Workers Caching rules: max-age with stale-while-revalidate and stale-if-error for browsers and the
// edge, the edge's longer life in CDN-Cache-Control, never s-maxage (it turns off stale serving).
const CACHED = {
  'Cache-Control': 'public, max-age=300, stale-while-revalidate=604800, stale-if-error=604800',
  'CDN-Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800',
  ETag: /^"[a-z0-9-]+"$/,
}
// A 4xx is kept a minute, never as long as the data, and has no edge lifetime of its own.
const SHORT = { 'Cache-Control': 'public, max-age=60', 'CDN-Cache-Control': null }
// Every response carries the data version (one purge drops one version) and its route.
const tag = (route: string) => ({ 'Cache-Tag': new RegExp(`^data-[a-z0-9]+,route-${route}$`) })
// Vary: Accept-Language only when that header chose the language; an explicit lang does not vary.
const NEGOTIATED = { Vary: 'Accept-Language' }
const EXPLICIT = { Vary: null }
// The facts, cards and source are signed (RFC 9421, src/lib/signature.ts), their problems too; nothing else is.
const SIGNED = { 'Content-Digest': /^sha-256=:[A-Za-z0-9+/]{43}=:$/, 'Signature-Input': /^sig1=\("content-digest" "@status" "content-type" /, Signature: /^sig1=:[A-Za-z0-9+/]{86}==:$/ }
const UNSIGNED = { 'Signature-Input': null, Signature: null }
const PAGE = {
  ...HSTS,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': /camera=\(\), microphone=\(\), geolocation=\(\)/,
  'Set-Cookie': null,
}

const table: Row[] = [
  { path: '/v1/facts', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...NEGOTIATED, ...tag('v1-facts'), 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': 'en' } },
  { path: '/v1/facts?lang=en', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...EXPLICIT, ...tag('v1-facts'), 'Content-Language': 'en' } },
  { path: '/v1/facts/ev-ceo', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...NEGOTIATED, ...tag('v1-facts'), 'Content-Language': 'en' } },
  { path: '/v1/facts/ev-ceo?lang=zh-CN', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...EXPLICIT, ...tag('v1-facts'), 'Content-Language': 'zh-CN' } },
  { path: '/v1/card?lang=zh', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...EXPLICIT, ...tag('v1-card'), 'Content-Language': 'zh-CN' } },
  { path: '/v1/card', status: 200, headers: { ...API, ...SIGNED, ...CACHED, ...NEGOTIATED, ...tag('v1-card'), 'Content-Language': 'en' } },
  // no-transform: the body must reach the client as its Content-Digest says.
  { path: '/v1/source', status: 200, headers: { ...API, ...SIGNED, ...CACHED, 'Cache-Control': `${CACHED['Cache-Control']}, no-transform`, 'Content-Digest': /^sha-256=:[A-Za-z0-9+/]{43}=:$/, ...EXPLICIT, ...tag('v1-source') } },
  { path: '/oembed?url=https%3A%2F%2Fcards.example%2Fcard', status: 200, headers: { ...API, ...UNSIGNED, ...CACHED, ...EXPLICIT, ...tag('oembed') } },
  { path: '/v1/facts?lang=xx', status: 400, headers: { ...API, ...SIGNED, ...SHORT, ...EXPLICIT, ...tag('v1-facts'), 'Content-Type': 'application/problem+json' } },
  { path: '/v1/card?variant=huge', status: 400, headers: { ...API, ...SIGNED, ...SHORT, ...EXPLICIT, ...tag('v1-card'), 'Content-Type': 'application/problem+json' } },
  { path: '/oembed', status: 400, headers: { ...API, ...UNSIGNED, ...SHORT, ...tag('oembed'), 'Content-Type': 'application/problem+json' } },
  { path: '/v1/facts/no-such-fact', status: 404, headers: { ...API, ...SIGNED, ...SHORT, ...tag('v1-facts'), 'Content-Type': 'application/problem+json' } },
  { path: '/v1/nope', status: 404, headers: { ...API, ...UNSIGNED, ...SHORT, ...tag('other'), 'Content-Type': 'application/problem+json' } },
  // Outside the API's paths a problem still carries HSTS and the API's CSP.
  { path: '/wp-admin', status: 404, headers: { ...HSTS, ...SHORT, ...tag('other'), 'Content-Security-Policy': API['Content-Security-Policy'], 'Content-Type': 'application/problem+json' } },
  {
    path: '/card',
    status: 200,
    headers: {
      ...PAGE, ...CACHED, ...tag('card'),
      // A frame gets the page without its share metadata (Sec-Fetch-Dest: iframe): /card always varies by it.
      Vary: 'Accept-Language, Sec-Fetch-Dest',
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': /^default-src 'none'; style-src 'sha256-[^']+'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors \*$/,
      'X-Frame-Options': null,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  },
  { path: '/card?lang=en&variant=compact', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, Vary: 'Sec-Fetch-Dest', ...tag('card'), 'Content-Language': 'en' } },
  { path: '/card?theme=neon', status: 400, headers: { ...PAGE, ...UNSIGNED, ...SHORT, ...tag('card'), 'Content-Security-Policy': /frame-ancestors \*/, 'Content-Type': 'text/html; charset=utf-8' } },
  // The pages' own words follow hl, else Accept-Language (the source text itself stays English).
  { path: '/source', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, ...NEGOTIATED, ...tag('source'), 'Content-Security-Policy': /script-src 'none'.*frame-ancestors 'none'/ } },
  { path: '/source?hl=zh-HK', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, ...EXPLICIT, 'Content-Language': 'zh-HK' } },
  { path: '/?hl=zh-TW', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, ...EXPLICIT, 'Content-Language': 'zh-TW' } },
  { path: '/', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, ...NEGOTIATED, ...tag('home'), 'Content-Security-Policy': /^default-src 'none';.*frame-ancestors 'none'; connect-src 'self'; frame-src 'self'$/, 'X-Frame-Options': 'DENY' } },
  // lang is the card's: the page's own language still follows Accept-Language.
  { path: '/?lang=zh-CN', status: 200, headers: { ...PAGE, ...UNSIGNED, ...CACHED, ...NEGOTIATED, ...tag('home') } },
]

describe('response headers', () => {
  it('never send s-maxage, which would turn off stale-while-revalidate at the edge', async () => {
    for (const row of table) expect((await get(row.path)).headers.get('Cache-Control') ?? '', row.path).not.toContain('s-maxage')
  })

  it('tag every response with the same data version', async () => {
    const tags = await Promise.all(table.map(async (row) => (await get(row.path)).headers.get('Cache-Tag')!.split(',')[0]))
    expect(new Set(tags).size).toBe(1)
  })

  it('405s are short-lived too', async () => {
    const res = await get('/v1/card', { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
    expect(res.headers.get('Cache-Tag')).toMatch(/^data-[a-z0-9]+,route-v1-card$/)
  })

  for (const row of table) {
    it(`${row.path} → ${row.status}`, async () => {
      const res = await get(row.path)
      expect(res.status).toBe(row.status)
      for (const [name, want] of Object.entries(row.headers)) {
        const got = res.headers.get(name)
        if (want === null) expect(got, name).toBeNull()
        else if (want instanceof RegExp) expect(got, name).toMatch(want)
        else expect(got, name).toBe(want)
      }
    })
  }
})
