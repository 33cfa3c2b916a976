import { describe, expect, it } from 'vitest'
import { get } from './helpers'

// One row per kind of response: a header cannot vanish without this table noticing.
// null means the header must be absent.
type Row = { path: string; status: number; headers: Record<string, string | RegExp | null> }

const API = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': null,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Frame-Options': 'DENY',
  'Set-Cookie': null,
}
const CACHED = { 'Cache-Control': 'public, max-age=300, s-maxage=86400, stale-while-revalidate=604800', ETag: /^"[a-z0-9-]+"$/ }
const PAGE = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': /camera=\(\), microphone=\(\), geolocation=\(\)/,
  'Set-Cookie': null,
}

const table: Row[] = [
  { path: '/v1/facts', status: 200, headers: { ...API, ...CACHED, 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': 'en', Vary: /Accept-Language/ } },
  { path: '/v1/facts/ev-ceo', status: 200, headers: { ...API, ...CACHED, 'Content-Language': 'en' } },
  { path: '/v1/card?lang=zh', status: 200, headers: { ...API, ...CACHED, 'Content-Language': 'zh-CN' } },
  { path: '/v1/source', status: 200, headers: { ...API, ...CACHED } },
  { path: '/openapi.json', status: 200, headers: { ...API, 'Content-Type': /^application\/json/ } },
  { path: '/oembed?url=https%3A%2F%2Fcards.example%2Fcard', status: 200, headers: { ...API, ...CACHED } },
  { path: '/v1/facts?lang=xx', status: 400, headers: { ...API, 'Content-Type': 'application/problem+json', 'Cache-Control': 'public, max-age=60' } },
  { path: '/v1/nope', status: 404, headers: { ...API, 'Content-Type': 'application/problem+json' } },
  {
    path: '/card',
    status: 200,
    headers: {
      ...PAGE, ...CACHED,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': /^default-src 'none'; style-src 'sha256-[^']+'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors \*$/,
      'X-Frame-Options': null,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  },
  { path: '/card?theme=neon', status: 400, headers: { ...PAGE, 'Content-Security-Policy': /frame-ancestors \*/, 'Content-Type': 'text/html; charset=UTF-8' } },
  { path: '/source', status: 200, headers: { ...PAGE, ...CACHED, 'Content-Security-Policy': /script-src 'none'.*frame-ancestors 'none'/ } },
  { path: '/', status: 200, headers: { ...PAGE, ...CACHED, 'Content-Security-Policy': /^default-src 'none';.*frame-ancestors 'none'; connect-src 'self'; frame-src 'self'$/, 'X-Frame-Options': 'DENY' } },
]

describe('response headers', () => {
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
