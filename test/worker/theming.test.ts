import { describe, expect, it } from 'vitest'
import { includeCards } from '../../docs/recipes/edge-include'
import { STYLE_PARAMS } from '../../widget/card-style'
import { reserveStyle } from '../../widget/snippets'
import { expectProblem, get, getJson, ORIGIN, openApiDocument } from './helpers'

const fragment = async (query: string, init?: RequestInit) => {
  const res = await get(`/v1/card.html?${query}`, init)
  return { res, html: await res.text() }
}
// /card's own stylesheet: the fragment must carry the very same card CSS.
const cardPageCss = async () => (await (await get('/card?lang=en')).text()).match(/<style>([^<]*)<\/style>/)![1]

describe('GET /v1/card.html', () => {
  it('is the finished card in a declarative shadow root, the link to /card its fallback', async () => {
    for (const [query, variant] of [['lang=zh-HK&variant=full', 'full'], ['lang=en&variant=stat&fact=cash-reserve&theme=dark', 'stat']] as const) {
      const { res, html } = await fragment(query)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none';/)
      const { body: model } = await getJson(`/v1/card?${query.replace(/&theme=\w+/, '')}`)
      const { body: facts } = await getJson(`/v1/facts?lang=${model.lang}`)
      const theme = query.match(/theme=(\w+)/)?.[1] ?? 'auto'
      // The box the script snippet reserves, so nothing moves however the HTML streams in.
      const box = variant == 'full' ? 'display:block' : reserveStyle(variant)
      const attrs = `lang="${model.lang}" variant="${variant}" theme="${theme}"${variant == 'stat' ? ` fact="${model.figures[0].id}"` : ''} style="${box}"`
      expect(html.startsWith(`<xiaomi-ev-card ${attrs}><template shadowrootmode="open"><style>`)).toBe(true)
      const [inside, outside] = html.split('</template>')
      // The card's CSS is /card's, its markup the Card component's, its links absolute (it lives in the host's page).
      expect(inside).toContain(`<style>${(await cardPageCss()).split('html,body{')[0]}</style>`)
      expect(inside).toContain(`<article class="xc xc-${variant} xc-${theme}" part="card" lang="${model.lang}"`)
      for (const f of model.figures) {
        expect(inside).toContain(f.value)
        // Each evidence link is the one /v1/facts gives that fact.
        expect(inside).toContain(`href="${ORIGIN}${facts.facts.find((x: any) => x.id === f.id).evidence.href}"`)
      }
      expect(outside).toMatch(new RegExp(`^<a href="${ORIGIN}/card\\?lang=${model.lang}[^"]*">${model.headline}</a></xiaomi-ev-card>$`))
      // Beside the card, the props it was drawn from, for embed.js to hydrate it with: /v1/card's model.
      const data = inside.match(/<\/article><script type="application\/json">([^<]*)<\/script>$/)![1]
      expect(JSON.parse(data)).toEqual({ model, theme, origin: ORIGIN })
    }
  })

  it('names the language it chose, and varies by Accept-Language only when that chose it', async () => {
    const { res, html } = await fragment('variant=compact', { headers: { 'Accept-Language': 'zh-TW,zh;q=0.9' } })
    expect(html).toMatch(/^<xiaomi-ev-card lang="zh-TW"/)
    expect([res.headers.get('Content-Language'), res.headers.get('Vary')]).toEqual(['zh-TW', 'Accept-Language'])
    const explicit = await get('/v1/card.html?lang=en')
    expect(explicit.headers.get('Vary')).toBeNull()
    const again = await get('/v1/card.html?lang=en', { headers: { 'If-None-Match': explicit.headers.get('ETag')! } })
    expect(again.status).toBe(304)
  })

  it('puts the style on the element, where the page may still override it', async () => {
    const { html } = await fragment(`lang=en&theme=light&accent=%230A5C36&radius=4&font=${encodeURIComponent('Iowan Old Style, Georgia,serif')}`)
    expect(html).toMatch(/^<xiaomi-ev-card [^>]* style="--xc-accent:#0a5c36;--xc-radius:4px;--xc-font:&quot;Iowan Old Style&quot;,&quot;Georgia&quot;,serif;display:block;font-size:medium;min-height:18.75em">/)
  })

  it('refuses what /v1/card refuses, and an unknown parameter, as a problem', async () => {
    for (const [query, name] of [['variant=huge', 'variant'], ['fact=cash-reserve', 'fact'], ['colour=%23fff', 'colour'], ['lang=fr', 'lang']]) {
      const problem = await expectProblem(await get(`/v1/card.html?${query}`), 400)
      expect(problem.invalid_params!.map((p) => p.name)).toEqual([name])
    }
  })
})

describe('style parameters: accent, text, muted, background, border, radius, font', () => {
  const MALFORMED: [string, string][] = [
    ['accent', 'red'], ['accent', '#12345'], ['text', 'rgb(0,0,0)'], ['muted', '#ggg'], ['background', 'url(x)'], ['border', '#1234567'],
    ['radius', '33'], ['radius', '4px'], ['radius', '-1'], ['font', 'a;b{}'], ['font', '"Quoted"'], ['font', 'a,b,c,d,e'], ['font', `${'x'.repeat(41)}`],
  ]

  it('refuses a malformed value, naming the parameter and what it accepts, never the value', async () => {
    for (const [name, value] of MALFORMED) {
      const q = `${name}=${encodeURIComponent(value)}`
      const problem = await expectProblem(await get(`/v1/card.html?lang=en&${q}`), 400)
      expect(problem.invalid_params!.map((p) => p.name), q).toEqual([name])
      expect(problem.detail, q).toMatch(new RegExp(`^${name}: ${name} must be `))
      expect(JSON.stringify(problem), q).not.toContain(value)
      // /card says the same in its error page.
      const page = await get(`/card?lang=en&${q}`)
      expect(page.status, q).toBe(400)
      expect(await page.text(), q).toContain(problem.invalid_params![0].reason.replace(/"/g, '&quot;').replace(/</g, '&lt;'))
    }
  })

  // #767676 is the lightest grey with 4.5:1 on white (4.54:1); #777777 has 4.48:1.
  it('refuses text colours below WCAG AA 4.5:1 on every background the theme shows them on', async () => {
    const refused = async (query: string) => (await expectProblem(await get(`/v1/card.html?${query}`), 400)).invalid_params!
    expect((await get('/v1/card.html?background=%23ffffff&accent=%23767676&theme=light')).status).toBe(200)
    const faint = await refused('background=%23ffffff&accent=%23777777&theme=light')
    expect(faint).toEqual([{ name: 'accent', reason: expect.stringMatching(/^accent colour on the background given has contrast 4\.4\d:1; text needs at least 4\.5:1 \(WCAG AA\)$/) }])
    // Without a background, the theme's own: white's 4.54:1 is not enough on the light pop-up's #f6f6f8.
    expect((await refused('accent=%23767676&theme=light'))[0].reason).toMatch(/^accent colour on the light theme's backgrounds has contrast 4\.\d+:1/)
    // Our light accent passes in light and fails on dark; auto shows both, so it must pass both.
    const { tokens } = await lightTokens()
    expect((await get(`/v1/card.html?accent=${encodeURIComponent(tokens.accent)}&theme=light`)).status).toBe(200)
    expect((await refused(`accent=${encodeURIComponent(tokens.accent)}&theme=auto`))[0].reason).toMatch(/the dark theme's backgrounds/)
    // A background given is checked against the theme's own text colours it would sit under.
    expect((await refused('background=%23000000&theme=light')).map((p) => p.name)).toEqual(['background', 'background', 'background'])
    expect((await get('/v1/card.html?background=%23000000&theme=dark')).status).toBe(200)
    // /card refuses the same, with the same reason.
    const page = await get('/card?background=%23ffffff&accent=%23777777&theme=light')
    expect(page.status).toBe(400)
    expect(await page.text()).toContain(faint[0].reason)
  })

  it('draws /card with the style as custom properties, in the stylesheet its CSP hashes', async () => {
    const res = await get('/card?lang=en&theme=light&accent=%230a5c36&border=%23cccccc&radius=0')
    expect(res.status).toBe(200)
    const css = (await res.text()).match(/<style>([^<]*)<\/style>/)![1]
    expect(css.endsWith('main{--xc-accent:#0a5c36;--xc-border:#cccccc;--xc-radius:0px}')).toBe(true)
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css))
    expect(res.headers.get('Content-Security-Policy')).toContain(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(hash)))}'`)
    expect(res.headers.get('ETag')).not.toBe((await get('/card?lang=en')).headers.get('ETag'))
  })

  it('rides along from an oEmbed url to the iframe it answers', async () => {
    const card = `${ORIGIN}/card?lang=en&variant=compact&theme=light&accent=%230a5c36&radius=4`
    const { body } = await getJson(`/oembed?url=${encodeURIComponent(card)}`)
    expect(body.html).toContain(`src="${card.replace(/&/g, '&amp;')}"`)
  })

  it('leaves the images to their build-time light and dark: a style is refused there, saying where it works', async () => {
    for (const shape of ['card', 'share']) {
      const problem = await expectProblem(await get(`/${shape}.png?lang=en&theme=light&accent=%230a5c36&radius=4`), 400)
      expect(problem.invalid_params!.map((p) => p.name)).toEqual(['accent', 'radius'])
      expect(problem.detail).toContain('light and dark themes only')
    }
  })

  it('is listed in /openapi.json for /card and /v1/card.html', async () => {
    const body = openApiDocument as any
    for (const path of ['/card', '/v1/card.html']) {
      const names = body.paths[path].get.parameters.map((p: any) => p.name)
      for (const name of STYLE_PARAMS) expect(names, path).toContain(name)
    }
  })
})

// The light accent as /card's stylesheet declares it (var(--xc-accent, light-dark(light, dark))).
async function lightTokens() {
  const css = await cardPageCss()
  return { tokens: { accent: css.match(/--acc:\s*var\(--xc-accent,\s*light-dark\((#[0-9a-f]+)/)![1] } }
}

describe('an edge include with HTMLRewriter (docs/recipes/edge-include.ts)', () => {
  const site = (body: string) => new Response(`<!doctype html><html><body><article><h1>News</h1>${body}<p>After.</p></article></body></html>`, { headers: { 'Content-Type': 'text/html' } })
  const ours = (url: string) => get(url.slice(ORIGIN.length))

  it('puts the finished card where the placeholder was, as /v1/card.html serves it', async () => {
    const placeholder = `<xiaomi-ev-card data-include lang="zh-CN" variant="stat" fact="cash-reserve" theme="light" accent="#0a5c36"><a href="${ORIGIN}/card">link</a></xiaomi-ev-card>`
    const html = await includeCards(site(placeholder), ORIGIN, ours).text()
    const { html: expected } = await fragment('lang=zh-CN&variant=stat&fact=cash-reserve&theme=light&accent=%230a5c36')
    expect(html).toBe(`<!doctype html><html><body><article><h1>News</h1>${expected}<p>After.</p></article></body></html>`)
    const { body: model } = await getJson('/v1/card?lang=zh-CN&variant=stat&fact=cash-reserve')
    expect(html).toContain(model.figures[0].value)
  })

  it("keeps the placeholder and its link when the API refuses, and ignores elements not marked for it", async () => {
    const bad = `<xiaomi-ev-card data-include variant="stat" fact="nope"><a href="${ORIGIN}/card">link</a></xiaomi-ev-card>`
    const plain = '<xiaomi-ev-card lang="en"><a href="/card">link</a></xiaomi-ev-card>'
    const html = await includeCards(site(bad + plain), ORIGIN, ours).text()
    expect(html).toContain(bad + plain)
    expect(html).not.toContain('<template')
  })
})
