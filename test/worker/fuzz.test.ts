import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { get } from './helpers'

// Property tests: whatever arrives, the answer is a status we mean, in a format we mean,
// and nothing the caller sent comes back as markup.
const MARKER = '<x-probe onload=1>'
const ALLOWED = [200, 304, 400, 404, 405, 501]
const HTML_ROUTES = ['/card', '/source', '/']

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(MARKER, '../../etc/passwd', '%00', '%E0%A4%A', '%', '%ZZ', '\u0000\u0001\u001f', '"\'><', 'zh', 'en', 'stat', 'full', 'dark', 'connected-devices', 'constructor', '__proto__'),
  fc.string({ minLength: 2000, maxLength: 9000 }).map((s) => s.padEnd(2000, 'x')),
)
const key = fc.oneof(fc.constantFrom('lang', 'variant', 'fact', 'theme', 'category', 'ids', 'url', 'format', 'maxwidth', 'maxheight'), fc.string({ maxLength: 12 }))
const encode = (s: string) => {
  // Mostly encoded as a browser would, sometimes raw so malformed escapes reach the router.
  try {
    return s.length % 3 === 0 ? s.replace(/[#?& ]/g, encodeURIComponent) : encodeURIComponent(s)
  } catch {
    return s.replace(/[^\x20-\x7e]/g, '')
  }
}
const query = fc.array(fc.tuple(key, hostile), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'))
const path = fc.oneof(
  fc.constantFrom('/v1/facts', '/v1/facts/cash-reserve', '/v1/card', '/v1/source', '/oembed', '/card', '/source', '/'),
  fc.constantFrom('/v1/facts/', '/v1/', '/card/', '/v1/facts/..%2F..%2F', '/%2e%2e/'),
  fc.webPath(),
  hostile.map((s) => `/v1/facts/${encode(s)}`),
)
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')
const headers = fc.record({
  'Accept-Language': hostile.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  'If-None-Match': hostile.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
})

describe('any request', () => {
  it('gets a status we mean, a problem or our error page, and never its own markup back', async () => {
    await fc.assert(
      fc.asyncProperty(path, query, method, headers, async (p, q, m, h) => {
        const url = q ? `${p}?${q}` : p
        const res = await get(url, { method: m, headers: h })
        const body = await res.text()
        const type = res.headers.get('Content-Type') ?? ''
        expect(ALLOWED, `${m} ${url} -> ${res.status}`).toContain(res.status === 204 ? 200 : res.status)
        if (res.status >= 400) {
          const page = HTML_ROUTES.includes(new URL('https://x' + url).pathname) && res.status === 400 && m === 'GET'
          if (m !== 'HEAD') expect(type, `${m} ${url}`).toMatch(page ? /^text\/html/ : /^application\/problem\+json/)
        }
        expect(body).not.toContain('<x-probe')
        expect(body).not.toMatch(/\bat \S+\.(ts|js):\d+/)
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('never makes /oembed echo a foreign url into its html', async () => {
    const foreign = fc.oneof(
      fc.webUrl(),
      fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://cards.example.evil/card', '//evil.example/card'),
    )
    await fc.assert(
      fc.asyncProperty(foreign, async (url) => {
        const res = await get(`/oembed?url=${encodeURIComponent(url)}`)
        const text = await res.text()
        expect([400, 404], url).toContain(res.status)
        expect(text).not.toContain('alert')
        if (url.length > 12) expect(text).not.toContain(url)
      }),
      { numRuns: 150 },
    )
  }, 120_000) // 150 requests through workerd, beside the browser tests on a 2-core machine
})
