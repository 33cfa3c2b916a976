import { describe, expect, it } from 'vitest'
import { VARIANTS, VARIANT_TABLE } from '../../widget/variants'
import { h } from 'preact'
import { render } from 'preact-render-to-string'
import cardCss from '../../widget/card.css'
import { Card } from '../../widget/Card'
import { CardImage, ShareImage } from '../../widget/CardImage'
import { LANGS, type Lang } from '../../widget/card-model'
import { readTokens } from '../../widget/card-tokens'
import { shareModel } from '../../src/card/alt'
import { buildCard } from '../../src/card/model'
import { figureIds } from '../../src/data'
import { CACHE_CONTROL } from '../../src/lib/cache-policy'
import { expectProblem, get as getFollowing, getJson, ORIGIN, openApiDocument } from './helpers'

// A redirect is the answer under test: do not follow it.
const get = (path: string, init: RequestInit = {}) => getFollowing(path, { redirect: 'manual', ...init })

// The PNG files themselves are the worker's static assets, which this pool does not serve
// (its stand-in has no files, vitest.config.ts): their bytes,
// sizes and text are tested against `wrangler dev` in test/node/images.test.mjs.

// Every card: each variant, and each figure of a variant that picks one.
const CARDS = VARIANTS.flatMap((variant) => (VARIANT_TABLE[variant].fact ? figureIds : [undefined]).map((fact) => ({ variant, fact })))
const query = (lang: string, variant: string, fact?: string, theme?: string) =>
  new URLSearchParams({ lang, variant, ...(fact && { fact }), ...(theme && { theme }) }).toString()
const FILE = (shape: string) => new RegExp(`^${ORIGIN}/img/${shape}-[0-9a-f]{12}\\.png$`)
const attr = (html: string, pattern: RegExp) => html.match(pattern)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"')

describe('GET /card.png and /share.png', () => {
  it('redirect every card, language and theme to its immutable file, with cache, CORS and nosniff', async () => {
    const seen = new Map<string, string>()
    for (const shape of ['card', 'share']) {
      for (const lang of LANGS) {
        // A language's cards at once: hundreds of requests in a row outlast the timeout beside the browser tests.
        await Promise.all(CARDS.map(async ({ variant, fact }) => {
          const files: Record<string, string> = {}
          for (const theme of ['light', 'dark', 'auto']) {
            const res = await get(`/${shape}.png?${query(lang, variant, fact, theme)}`)
            const where = `${shape} ${lang} ${variant} ${fact ?? ''} ${theme}`
            expect(res.status, where).toBe(302)
            files[theme] = res.headers.get('Location')!
            expect(files[theme], where).toMatch(FILE(shape))
            expect(res.headers.get('ETag'), where).toBe(`"${files[theme].slice(-16, -4)}"`)
            expect(res.headers.get('Cache-Control')).toBe(CACHE_CONTROL)
            expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
            expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
            expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
            expect(res.headers.get('Content-Language')).toBe(lang)
            expect(res.headers.get('Set-Cookie')).toBeNull()
          }
          // An image cannot follow prefers-color-scheme: auto is light, dark is its own file.
          expect(files.auto).toBe(files.light)
          expect(files.dark).not.toBe(files.light)
          seen.set(`${shape}|${lang}|${variant}|${fact ?? ''}`, files.light)
        }))
      }
    }
    // Each card has its own image; the share image of full is compact's (nine figures do not fit).
    for (const lang of LANGS) {
      expect(seen.get(`share|${lang}|full|`)).toBe(seen.get(`share|${lang}|compact|`))
      expect(seen.get(`card|${lang}|full|`)).not.toBe(seen.get(`card|${lang}|compact|`))
    }
    expect(new Set([...seen].filter(([k]) => k.startsWith('card|')).map(([, v]) => v)).size).toBe(LANGS.length * CARDS.length)
  })

  it('answers a file the static assets do not have, or a malformed name, with the 404 problem of any unknown path', async () => {
    for (const path of ['/img/card-000000000000.png', '/img/card.png', '/img/share-0123456789ab.png.map']) await expectProblem(await get(path), 404)
  })

  it('defaults like /card: compact, the default figure for stat, Accept-Language for the language', async () => {
    const location = async (path: string, init?: RequestInit) => (await get(path, init)).headers.get('Location')
    expect(await location('/card.png')).toBe(await location('/card.png?lang=en&variant=compact&theme=light'))
    expect(await location('/card.png?variant=stat')).toBe(await location('/card.png?variant=stat&fact=initial-investment&lang=en'))
    const zh = await get('/share.png', { headers: { 'Accept-Language': 'zh-Hans;q=1, en;q=0.5' } })
    expect(zh.headers.get('Location')).toBe(await location('/share.png?lang=zh-CN'))
    expect(zh.headers.get('Vary')).toContain('Accept-Language')
    // Tags of a language are accepted as on /card; unknown parameters (a CMS's, Pym's) are ignored.
    expect(await location('/card.png?lang=zh-Hans&childId=x')).toBe(await location('/card.png?lang=zh-CN'))
  })

  it('answers If-None-Match with 304 and HEAD like GET', async () => {
    const res = await get('/card.png?lang=zh-CN&variant=full&theme=dark')
    const etag = res.headers.get('ETag')!
    const again = await get('/card.png?lang=zh-CN&variant=full&theme=dark', { headers: { 'If-None-Match': `"x", ${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
    const head = await get('/card.png?lang=zh-CN&variant=full&theme=dark', { method: 'HEAD' })
    expect([head.status, head.headers.get('Location')]).toEqual([302, res.headers.get('Location')])
  })

  it("refuses /card's bad parameters with a problem naming each, never echoing them", async () => {
    for (const shape of ['card', 'share']) {
      const res = await get(`/${shape}.png?variant=%3Cscript%3E&theme=neon&lang=fr`)
      const problem = await expectProblem(res, 400)
      expect(problem.invalid_params!.map((p) => p.name).sort()).toEqual(['lang', 'theme', 'variant'])
      expect(problem.detail).toContain(`variant must be one of ${VARIANTS.join(', ')}`)
      expect(problem.detail).toContain('theme must be one of light, dark, auto')
      expect(JSON.stringify(problem)).not.toMatch(/script|neon|"fr"/)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      const twice = await expectProblem(await get(`/${shape}.png?lang=en&lang=zh-CN`), 400)
      expect(twice.invalid_params).toEqual([{ name: 'lang', reason: 'each of lang, variant, fact, theme, accent, text, muted, background, border, radius, font may be given once' }])
      const noStat = await expectProblem(await get(`/${shape}.png?fact=cash-reserve`), 400)
      expect(noStat.invalid_params).toEqual([{ name: 'fact', reason: 'fact is only allowed with variant=stat' }])
      const unknown = await expectProblem(await get(`/${shape}.png?variant=stat&fact=nope`), 400)
      expect(unknown.invalid_params![0].name).toBe('fact')
    }
  })

  it('is listed in /openapi.json', async () => {
    const body = openApiDocument as any
    for (const path of ['/card.png', '/share.png']) {
      expect(Object.keys(body.paths[path].get.responses).sort()).toEqual(['302', '304', '400'])
      expect(body.paths[path].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['fact', 'lang', 'theme', 'variant'])
    }
    expect(Object.keys(body.components.schemas.OEmbed.properties)).toEqual(
      expect.arrayContaining(['thumbnail_url', 'thumbnail_width', 'thumbnail_height']),
    )
  })
})

describe('link previews', () => {
  it('/card pages carry og:image with size and alt, and a large Twitter card, the alt stating every figure', async () => {
    for (const lang of LANGS) {
      await Promise.all(CARDS.map(async ({ variant, fact }) => {
        const q = query(lang, variant, fact, 'dark')
        const html = await (await get(`/card?${q}`)).text()
        const share = (await get(`/share.png?${q}`)).headers.get('Location')
        expect(attr(html, /<meta property="og:image" content="([^"]+)"/), q).toBe(share)
        expect(attr(html, /<meta name="twitter:image" content="([^"]+)"/)).toBe(share)
        expect(attr(html, /<meta property="og:image:type" content="([^"]+)"/)).toBe('image/png')
        expect(attr(html, /<meta property="og:image:width" content="([^"]+)"/)).toBe('1200')
        expect(attr(html, /<meta property="og:image:height" content="([^"]+)"/)).toBe('630')
        expect(attr(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image')
        const alt = attr(html, /<meta property="og:image:alt" content="([^"]+)"/)!
        expect(attr(html, /<meta name="twitter:image:alt" content="([^"]+)"/)).toBe(alt)
        // The share image shows its variant's `share` card (the variant table).
        const { body: shown } = await getJson(`/v1/card?${query(lang, VARIANT_TABLE[variant].share, fact)}`)
        for (const text of [shown.headline, shown.date.text, shown.source.label, ...shown.figures.flatMap((f: any) => [f.label, f.value, f.equivalent ?? ''])]) {
          expect(alt, `${q}: ${text}`).toContain(text)
        }
      }))
    }
  })

  it('oEmbed gives the share image as its thumbnail', async () => {
    for (const card of [`${ORIGIN}/card?lang=zh-CN&variant=full`, `${ORIGIN}/card?lang=en&variant=stat&fact=cash-reserve&theme=dark`]) {
      const { body } = await getJson(`/oembed?url=${encodeURIComponent(card)}`)
      const share = (await get(card.replace(`${ORIGIN}/card?`, '/share.png?'))).headers.get('Location')
      expect(body).toMatchObject({ thumbnail_url: share, thumbnail_width: 1200, thumbnail_height: 630 })
      const xml = await (await get(`/oembed?url=${encodeURIComponent(card)}&format=xml`)).text()
      expect(xml).toContain(`<thumbnail_url>${share}</thumbnail_url><thumbnail_width>1200</thumbnail_width><thumbnail_height>630</thumbnail_height>`)
    }
  })

  it("the publisher's page has a share image, the newsletter snippet and PNG downloads", async () => {
    const html = await (await get('/?variant=stat&fact=cash-reserve&lang=zh-CN&theme=dark')).text()
    expect(attr(html, /<meta property="og:image" content="([^"]+)"/)).toBe((await get('/share.png?lang=en')).headers.get('Location'))
    expect(attr(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image')
    const snippet = attr(html, /<textarea id="snip-newsletter"[^>]*>([^<]+)<\/textarea>/)!.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    const q = 'lang=zh-CN&amp;variant=stat&amp;fact=cash-reserve&amp;theme=dark'
    const { body: shown } = await getJson('/v1/card?lang=zh-CN&variant=stat&fact=cash-reserve')
    const [fig] = shown.figures
    expect(snippet).toBe(
      `<a href="${ORIGIN}/card?${q}"><img src="${ORIGIN}/card.png?${q}" width="640" height="240" alt="${shown.headline}，${shown.date.text}。${fig.label}：${fig.value} (${fig.equivalent})。${shown.source.label}"></a>`,
    )
    expect(html).toContain(`<a href="${ORIGIN}/card.png?${q}" download data-png="card">`)
    expect(html).toContain(`<a href="${ORIGIN}/share.png?${q}" download data-png="share">`)
    expect(html).toContain(`<div id="image-preview"><img src="${ORIGIN}/card.png?${q}" width="640" height="240"`)
  })
})

describe('the image draws the same card as the HTML', () => {
  const tokens = readTokens(cardCss)
  // The text an element tree draws, components called as satori calls them.
  const texts = (node: any): string[] => {
    if (node == null || typeof node == 'boolean') return []
    if (typeof node == 'string' || typeof node == 'number') return [String(node)]
    if (Array.isArray(node)) return node.flatMap(texts)
    if (typeof node.type == 'function') return texts(node.type(node.props))
    return texts(node.props.children)
  }
  // What a reader sees of the HTML card with every disclosure closed: no evidence pop-ups.
  const visible = (lang: Lang, variant: 'compact' | 'full' | 'stat', fact?: string) =>
    render(h(Card, { model: buildCard(lang, variant, fact), theme: 'light', origin: '' }))
      .replace(/<div class="xc-pop">.*?<\/div>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')

  it('says nothing the HTML card does not, and every figure the HTML card shows', () => {
    for (const lang of LANGS) {
      for (const { variant, fact } of CARDS) {
        const html = visible(lang, variant, fact)
        const model = buildCard(lang, variant, fact)
        const drawn = texts(CardImage({ model, tokens: tokens.light, font: 'x' }))
        // The image numbers the advantages itself, and brackets the equivalent as the HTML does.
        for (const text of drawn.filter((t) => !/^\d+\.$/.test(t))) {
          expect(html, `${lang} ${variant}`).toContain(text.replace(/^\((.*)\)$/, '$1').replace(/^— /, ''))
        }
        for (const f of model.figures) {
          expect(drawn).toContain(f.value)
          expect(drawn).toContain(f.label)
          if (f.equivalent) expect(drawn).toContain(`(${f.equivalent})`)
        }
        const share = texts(ShareImage({ model: shareModel(lang, variant, fact), tokens: tokens.dark, font: 'x' }))
        for (const text of share) expect(html, `share ${lang} ${variant}`).toContain(text.replace(/^\((.*)\)$/, '$1'))
      }
    }
  })

  it('reads its colours and width from card.css', () => {
    // Each token is var(--xc-…, light-dark(light, dark)): the image draws the first in light, the second in dark.
    const block = cardCss.slice(cardCss.indexOf('.xc {')).split('}')[0]
    for (const name of ['bg', 'fg', 'mute', 'line', 'acc', 'pop'] as const) {
      expect(block).toMatch(new RegExp(`--${name}:\\s*var\\(--xc-[a-z]+,\\s*light-dark\\(${tokens.light[name]},\\s*${tokens.dark[name]}\\)\\);`))
    }
    expect(tokens.light.width).toBe(640)
  })
})
