// The embeds in every reader's engine: one body per scenario, run in Chromium, Firefox ESR and
// WebKit (engines.mjs). What a card must show comes from the API itself (/v1/card, /openapi.json),
// the languages from the data and the heights from the build (harness.mjs cardLangs, cardHeights),
// so a language added to the data is covered here without an edit. What only Chromium's DevTools
// protocol can do (emulation, request interception, platform fonts) is in chromium.test.mjs.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { FONT_SIZE_ENGINES, enginesToRun, startEngine } from './engines.mjs'
import { cardHeights, cardLangs, contrastWarning, startHost, startWorker } from './harness.mjs'

const langs = cardLangs()
/** The publisher page's words in each language (data/ui.json). */
const ui = JSON.parse(readFileSync(new URL('../../data/ui.json', import.meta.url), 'utf8'))
const heights = cardHeights()
let worker, host, deadApi, fragment, darkBg, variants, themes
const models = {}
const fragments = {}

// What a host page records, before any of our code runs: its own errors, our warnings, the data
// requests our script makes (counted at fetch(): a browser may retry a reset connection itself), and our events.
const RECORDER = `<script nonce="recorder">
  window.__hostErrors = []; window.__events = []; window.__warnings = []; window.__fetches = []
  const warn = console.warn, get = fetch
  console.warn = (...a) => (__warnings.push(a.join(' ')), warn.apply(console, a))
  window.fetch = (...a) => (String(a[0]).includes('/v1/') && __fetches.push(String(a[0])), get(...a))
  addEventListener('error', (e) => __hostErrors.push(String(e.message)))
  addEventListener('unhandledrejection', (e) => __hostErrors.push(String(e.reason)))
  for (const type of ['load', 'error', 'xiaomi-ev-card:load'])
    document.addEventListener(type, (e) => {
      const t = e.target
      if (t.localName == 'xiaomi-ev-card' || t.localName == 'iframe') __events.push({ type, on: t.localName, id: t.id, bubbles: e.bubbles, detail: e.detail })
    }, true)
</script>`
const page = (body, head = '', lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>${RECORDER}${head}</head><body style="margin:0">${body}</body></html>`
const card = (id, attrs, origin = worker.origin) =>
  `<xiaomi-ev-card id="${id}" ${attrs}><a href="${origin}/card">Xiaomi launches its smart EV business</a></xiaomi-ev-card>`
const HOSTILE = `<style>
  * { color: red !important; font-family: "Comic Sans MS", cursive !important; font-size: 31px !important;
      letter-spacing: 3px !important; text-transform: uppercase !important; line-height: 3 !important;
      margin: 9px !important; padding: 7px !important; background: yellow !important; }
  div, a, h2, dl, dt, dd, p { display: inline !important; border: 5px solid lime !important; }
  xiaomi-ev-card { font-style: italic !important; text-align: right !important;
    --bg: lime !important; --fg: red !important; --acc: red !important; --line: red !important; color-scheme: dark !important; }
  [part], .xc, article { color: red !important; background: yellow !important; }
</style>`
// A publisher's theme, through the documented hooks only (docs/theming.md).
const THEME = {
  '--xc-accent': '#0a5c36', '--xc-text': '#102030', '--xc-muted': '#404850', '--xc-background': '#fffdf5',
  '--xc-border': '#c0b090', '--xc-radius': '3px', '--xc-font': 'Georgia, serif',
}
const THEMED = `<style>
  xiaomi-ev-card { ${Object.entries(THEME).map(([k, v]) => `${k}: ${v}`).join('; ')} }
  xiaomi-ev-card::part(headline) { text-transform: uppercase; }
  xiaomi-ev-card::part(value) { color: rgb(1, 2, 3); }
</style>`
/** A host page with no script of its own and a CSP that lets none run: the card must need none. */
const noScript = (body) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0">${body}</body></html>`,
  headers: { 'Content-Security-Policy': "script-src 'none'" },
})

/** Our script from an origin whose API is down: every /v1 request has its connection reset. */
async function startDeadApi(embedJs) {
  const server = createServer((req, res) => {
    if (req.url.startsWith('/embed.js')) return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(embedJs)
    req.socket.destroy()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) }
}

/** The minimal CSP docs/embedding.md gives for an embed, as written there: HOST our origin, NONCE the page's. */
const NONCE = 'c3RyaWN0LWhvc3Q'
const documentedCsp = (embed) => {
  const doc = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8')
  const csp = doc.match(new RegExp(`<!-- csp:${embed} -->\\s*\`\`\`\\n([^\\n]+)\\n\`\`\``))?.[1]
  assert.ok(csp, `docs/embedding.md gives the CSP for the ${embed} embed`)
  return csp.replaceAll('HOST', worker.origin).replaceAll('NONCE', NONCE)
}
/** A host page with no script of its own under that CSP. */
const strictPage = (embed, body, dir = '') => ({
  body: `<!doctype html><html lang="en"${dir}><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0">${body}</body></html>`,
  headers: { 'Content-Security-Policy': documentedCsp(embed) },
})
const unescapeHtml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
/** A snippet exactly as / writes it for the publisher to copy. */
const published = async (query, kind) =>
  unescapeHtml((await (await fetch(`${worker.origin}/?${query}`)).text()).match(new RegExp(`<textarea id="snip-${kind}"[^>]*>([^]*?)</textarea>`))[1])

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
const frame = (q, h) => `<iframe id="f" src="${worker.origin}/card?${q}" title="Xiaomi EV facts" height="${h}" loading="lazy" style="width:100%;border:0"></iframe>`
const cases = () => langs.flatMap((lang) => variants.map((variant) => ({ lang, variant, id: `${variant}-${lang}` })))

before(async () => {
  worker = await startWorker()
  const openapi = await (await fetch(`${worker.origin}/openapi.json`)).json()
  assert.deepEqual(openapi.components.schemas.Card.properties.lang.enum, langs, 'the API serves the languages of data/locale.json')
  const allowed = (name) => openapi.paths['/card'].get.parameters.find((p) => p.name == name).schema.enum
  ;[variants, themes] = [allowed('variant'), allowed('theme')]
  for (const { lang, variant, id } of cases()) models[id] = await (await fetch(`${worker.origin}/v1/card?lang=${lang}&variant=${variant}`)).json()
  for (const { lang, variant, id } of cases()) fragments[id] = await (await fetch(`${worker.origin}/v1/card.html?lang=${lang}&variant=${variant}`)).text()
  fragment = fragments['compact-en']
  // The dark theme's background as /card's own stylesheet declares it: light-dark(light, dark).
  darkBg = (await (await fetch(`${worker.origin}/card`)).text()).match(/--bg:\s*var\(--xc-background,\s*light-dark\([^,]+,\s*(#[0-9a-f]+)\)/)[1]
  const scriptSnippet = await published('lang=en&variant=compact', 'script')
  const iframeSnippet = await published('lang=en&variant=full', 'iframe')
  const statReserve = (await published('lang=en&variant=stat&fact=cash-reserve', 'script')).match(/style="([^"]*)"/)[1]
  const linked = await (await fetch(`${worker.origin}/v1/card.html?lang=en&variant=compact&stylesheet=link`)).text()
  deadApi = await startDeadApi(await (await fetch(`${worker.origin}/embed.js`)).text())
  const script = `<script async src="${worker.origin}/embed.js"></script>`
  host = await startHost({
    '/variants': page(cases().map(({ lang, variant, id }) => card(id, `lang="${lang}" variant="${variant}"`)).join('\n') + script),
    '/plain': page(card('c', 'lang="en" variant="full" theme="light"') + script),
    '/hostile': page(card('c', 'lang="en" variant="full" theme="light"') + script, HOSTILE),
    '/one': page(card('c', 'lang="en" variant="compact"') + script),
    '/themed': page(card('c', 'lang="en" variant="compact" theme="light"') + script, THEMED),
    '/scheme-dark': page(card('c', 'lang="en" variant="compact" theme="auto"') + script, '<style>:root { color-scheme: dark }</style>'),
    '/fragment': noScript(`<article><h1>Host</h1>${fragment}</article>`),
    '/fragment-later': page(`<article><h1>Host</h1>${Object.values(fragments).join('\n')}</article>`),
    // A server-side card without the props beside it (one cached before they were added, or a sanitizer's).
    '/fragment-bare': page(`<article><h1>Host</h1>${fragment.replace(/<script type="application\/json">[^]*?<\/script>/, '')}</article>`),
    // Three cards and a script included three times: one request, one card each, in the page's language.
    '/twice': page(card('a', '') + card('b', 'variant="compact"') + script + script + `<script async src="${worker.origin}/embed.js?again"></script>`, '', 'zh-CN'),
    '/invalid': page(card('c', 'lang="fr" theme="neon" variant="huge"') + script),
    '/down': page(['a', 'b', 'c'].map((id) => card(id, 'lang="en" variant="compact"', deadApi.origin)).join('') + `<script async src="${deadApi.origin}/embed.js"></script>`),
    // The iframe snippet at the height it is written with (h), and the same with no frame yet (late).
    '/frame': (url) => ({ body: page(frame(url.searchParams.get('q'), url.searchParams.get('h')) + `<script async src="${worker.origin}/resize.js"></script>`) }),
    '/late': page(`<div id="slot"></div><script async src="${worker.origin}/resize.js"></script>`),
    '/taken': page(card('c', 'lang="en"') + `<script>customElements.define('xiaomi-ev-card', class extends HTMLElement { connectedCallback() { this.dataset.owner = 'other' } })</script>` + script),
    // A CSP that lets our script run but not reach our data origin (connect-src falls back to 'self').
    '/csp': { body: page(card('c', 'lang="en"') + script), headers: { 'Content-Security-Policy': `default-src 'self'; script-src ${worker.origin} 'nonce-recorder'` } },
    // An opaque origin: the frame tells its parent what its card showed.
    '/sandboxed': page(`<iframe id="box" sandbox="allow-scripts" width="700" height="400" srcdoc="${escapeAttribute(`<!doctype html><html><body>${card('c', 'lang="en"')}
      <script>document.addEventListener('load', (e) => parent.postMessage({ shown: e.target.shadowRoot.textContent }, '*'), true)</script>${script}</body></html>`)}"></iframe>
      <script>addEventListener('message', (e) => e.data?.shown && (window.__shown = e.data.shown))</script>`),
    '/empty': page('<div id="root"></div>' + script),
    // Each embed under the strict CSP docs/embedding.md gives for it, the snippet as / writes it.
    '/strict-script': strictPage('script', scriptSnippet.replace('<script async', `<script nonce="${NONCE}" async`)),
    '/strict-iframe': strictPage('iframe', iframeSnippet),
    '/strict-server': strictPage('server', linked),
    // A right-to-left page in another language: every card in every language, and the server-side card.
    '/rtl': `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مضيف</title></head><body>
      ${langs.map((lang) => card(`c-${lang}`, `lang="${lang}" variant="compact"`)).join('')}${linked.replace('<xiaomi-ev-card', '<xiaomi-ev-card id="server"')}${script}</body></html>`,
    // A hidden tab holding both embeds, shown later.
    // A host that shrinks its rem (html 62.5%), with the script snippet in every language and the
    // widest stat figures, and the server-side card: what a reader with a larger default text meets.
    '/big': (url) => ({
      body: page(`<style>html{font-size:62.5%}body{font-size:1.6rem}</style>` + langs.flatMap((lang) => [['compact', ''], ['stat', 'cash-reserve'], ['stat', 'connected-devices']].map(([variant, fact]) =>
        scriptSnippet.replace(/<link[^>]*>\n/, '').replace(/<script[^>]*><\/script>/, '').replace(/lang="en"/, `lang="${lang}"`).replace('variant="compact"', `variant="${variant}"${fact && ` fact="${fact}"`}`)
          .replace(/style="display:block;font-size:medium;min-height:[^"]*"/, variant == 'stat' ? `style="${statReserve}"` : '$&'))).join('') + fragment.replace('<xiaomi-ev-card', '<xiaomi-ev-card id="server"') + script),
    }),
    '/hidden': page(`<div id="tab" style="display:none">${scriptSnippet}${iframeSnippet.replace('<iframe', '<iframe id="f"')}</div>`),
  })
})

after(async () => {
  await host?.stop()
  await deadApi?.stop()
  worker?.stop()
})

/** What each card shows: its article's lang and text, once every card has rendered. */
const shownCards = () =>
  [...document.querySelectorAll('xiaomi-ev-card')].map((el) => {
    const article = el.shadowRoot?.querySelector('article')
    return article && { id: el.id, lang: article.lang, text: article.textContent }
  })
const renderedCount = () => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article')).length

for (const name of enginesToRun()) {
  describe(name, () => {
    let engine

    before(async () => {
      engine = await startEngine(name)
    })
    after(() => engine?.close())

    // The publisher's page in each language: one body, run per engine and language.
    for (const lang of langs) {
      it(`builds a snippet on / in ${lang}: page and card in ${lang}, the preview follows the options, Copy copies`, async () => {
        const p = await engine.newPage({ width: 1100, height: 900 })
        await p.goto(`${worker.origin}/?hl=${lang}`)
        const preview = () => document.querySelector('#script-preview xiaomi-ev-card')?.shadowRoot?.querySelector('article')
        await p.waitFor(preview, [], { what: 'the live preview' })
        // The builder starts on the card of the page's language.
        assert.deepEqual(
          await p.evaluate(() => ({ page: document.documentElement.lang, card: document.querySelector('input[name=lang]:checked').value, build: document.querySelector('#build').textContent })),
          { page: lang, card: lang, build: ui[lang].home.build },
        )
        await p.evaluate(() => {
          const stat = document.querySelector('input[name=variant][value=stat]')
          stat.checked = true
          stat.dispatchEvent(new Event('change', { bubbles: true }))
        })
        const fact = await p.evaluate(() => document.querySelector('#fact').value)
        const model = await (await fetch(`${worker.origin}/v1/card?lang=${lang}&variant=stat&fact=${fact}`)).json()
        await p.waitFor(
          (value) => {
            const a = document.querySelector('#script-preview xiaomi-ev-card')?.shadowRoot?.querySelector('article.xc-stat')
            return a?.textContent.includes(value) && a
          },
          [model.figures[0].value],
          { what: `the stat card's ${model.figures[0].value} in the preview` },
        )
        const snippet = await p.evaluate(() => document.querySelector('#snip-script').value)
        assert.ok(snippet.includes(`<xiaomi-ev-card lang="${lang}" theme="auto" variant="stat" fact="${fact}"`), snippet)
        // What the button hands the clipboard (the Clipboard API, or the selection it falls back to copying).
        await p.evaluate(() => {
          window.__copied = undefined
          const write = navigator.clipboard?.writeText.bind(navigator.clipboard)
          if (write) navigator.clipboard.writeText = (text) => ((window.__copied = text), write(text))
          const exec = document.execCommand.bind(document)
          document.execCommand = (command, ...rest) => {
            const area = document.activeElement
            if (command == 'copy') window.__copied ??= area.value.slice(area.selectionStart, area.selectionEnd)
            return exec(command, ...rest)
          }
          document.querySelector('[data-copy=snip-script]').focus()
        })
        await p.press('Enter')
        await p.waitFor((copied) => document.querySelector('[data-status=snip-script]').textContent == copied, [ui[lang].home.copied], { what: `"${ui[lang].home.copied}"` })
        assert.equal(await p.evaluate(() => window.__copied), snippet)
        // A faint accent: the page warns in its own words, as the API would refuse it.
        await p.evaluate(() => {
          document.querySelector('input[name=theme][value=light]').checked = true
          document.querySelector('input[name=custom][value=accent]').checked = true
          const accent = document.querySelector('input[name=accent]')
          accent.value = '#777777'
          accent.dispatchEvent(new Event('input', { bubbles: true }))
        })
        const refusal = await (await fetch(`${worker.origin}/v1/card.html?lang=${lang}&variant=stat&fact=${fact}&theme=light&accent=%23777777`)).json()
        await p.waitFor((warning) => document.querySelector('#contrast').textContent == warning, [contrastWarning(refusal, lang)], { what: 'the contrast warning' })
        await p.close()
      })
    }

    it('starts, and says which version ran', (t) => {
      t.diagnostic(`${name} ${engine.version}`)
      console.log(`# engine: ${name} ${engine.version}`)
      assert.ok(engine.version)
    })

    it('renders the script embed in every variant and language, fires load on each card, and its text reads apart', async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/variants`)
      const n = cases().length
      await p.waitFor((n) => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article')).length == n && __events.length >= n, [n])
      const shown = await p.evaluate(shownCards)
      for (const { id, lang, variant } of cases()) {
        const m = models[id]
        const got = shown.find((c) => c.id == id)
        assert.equal(got.lang, m.lang, id)
        // Everything the model says is shown: headline, date line, source, and full's quote and advantages.
        for (const [what, text] of [['headline', m.headline], ['date', m.date.text], ['source', m.source.label], ['byline', m.quote?.byline],
          ['advantages', m.advantages?.title], ...(m.advantages?.items ?? []).map((a) => [a.id, a.text])]) {
          if (text !== undefined || !(what == 'byline' || what == 'advantages')) assert.ok(got.text.includes(text), `${id}: ${what}`)
        }
        if (variant == 'full') assert.ok(m.quote && m.advantages, `${id}: full has the quote and the advantages`)
        for (const f of m.figures) {
          assert.ok(got.text.includes(f.label) && got.text.includes(f.value), `${id}: ${f.id}`)
          // Copied or read without CSS, a value never runs into the evidence control.
          assert.ok(got.text.includes(`${f.value}${f.equivalent ? ` (${f.equivalent})` : ''} ${m.ui.evidence}`), `${id}: "${f.value}" then "${m.ui.evidence}"`)
        }
        assert.equal(variant, m.variant)
      }
      const events = await p.evaluate(() => __events)
      assert.deepEqual(
        events.map((e) => `${e.type} ${e.id} ${e.detail.lang} ${e.detail.variant} ${e.bubbles}`).sort(),
        cases().map(({ id }) => `load ${id} ${models[id].lang} ${models[id].variant} false`).sort(),
      )
      assert.deepEqual(await p.evaluate(() => __hostErrors), [])
      await p.close()
    })

    it('copies the iframe card as separate words: value, then the evidence control', async () => {
      const p = await engine.newPage({ width: 640, height: 900 })
      const m = models[`compact-${langs[0]}`]
      await p.goto(`${worker.origin}/card?lang=${m.lang}&variant=compact`)
      const copied = await p.evaluate(() => {
        getSelection().selectAllChildren(document.querySelector('article'))
        return getSelection().toString()
      })
      const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      for (const f of m.figures) assert.match(copied, new RegExp(`${literal(f.value)}[^\\n]*\\s+${literal(m.ui.evidence)}`), f.id)
      assert.doesNotMatch(copied, new RegExp(`\\S${m.ui.evidence}`))
      await p.close()
    })

    it('keeps its look under hostile host CSS with !important', async () => {
      const styles = async (path) => {
        const p = await engine.newPage({ width: 800, height: 900 })
        await p.goto(`${host.origin}${path}`)
        await p.waitFor(renderedCount)
        const result = await p.evaluate(() => {
          const el = document.querySelector('xiaomi-ev-card')
          const props = ['color', 'font-family', 'font-size', 'font-style', 'letter-spacing', 'text-transform', 'text-align',
            'line-height', 'margin-top', 'padding-top', 'background-color', 'display', 'border-top-width']
          const nodes = [...el.shadowRoot.querySelectorAll('article, h2, dt, dd, a, p, summary, li, blockquote')]
          return {
            styles: nodes.map((node) => `${node.tagName}: ${props.map((p) => getComputedStyle(node).getPropertyValue(p)).join(' | ')}`),
            height: el.shadowRoot.querySelector('article').getBoundingClientRect().height,
          }
        })
        await p.close()
        return result
      }
      const plain = await styles('/plain')
      const hostile = await styles('/hostile')
      assert.deepEqual(hostile.styles, plain.styles)
      assert.equal(hostile.height, plain.height)
    })

    it("shows the publisher's custom properties and ::part rules, and nothing else of the page", async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/themed`)
      await p.waitFor(renderedCount)
      const seen = await p.evaluate((theme) => {
        // Each value as this engine computes it, on an element of the page's own.
        const probe = document.body.appendChild(document.createElement('div'))
        const as = (prop, value) => (probe.style.setProperty(prop, value), getComputedStyle(probe).getPropertyValue(prop))
        const want = {
          accent: as('color', theme['--xc-accent']), text: as('color', theme['--xc-text']), muted: as('color', theme['--xc-muted']),
          background: as('background-color', theme['--xc-background']), border: as('border-top-color', theme['--xc-border']),
          radius: as('border-top-left-radius', theme['--xc-radius']), font: as('font-family', theme['--xc-font']),
        }
        const root = document.querySelector('xiaomi-ev-card').shadowRoot
        const css = (sel, prop) => getComputedStyle(root.querySelector(sel)).getPropertyValue(prop)
        const got = {
          accent: css('a', 'color'), text: css('article', 'color'), muted: css('.xc-date', 'color'),
          background: css('article', 'background-color'), border: css('article', 'border-top-color'),
          radius: css('article', 'border-top-left-radius'), font: css('article', 'font-family'),
        }
        return { want, got, headline: css('h2', 'text-transform'), value: css('.xc-v', 'color'), label: css('dt', 'text-transform') }
      }, THEME)
      assert.deepEqual(seen.got, seen.want)
      assert.equal(seen.headline, 'uppercase', '::part(headline)')
      assert.equal(seen.value, 'rgb(1, 2, 3)', '::part(value)')
      assert.equal(seen.label, 'none', 'a part rule reaches only its part')
      await p.close()
    })

    it("follows the host page's declared color-scheme under theme=auto, switching in the same frame without moving", async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/scheme-dark`)
      await p.waitFor(renderedCount)
      const seen = await p.evaluate(async (darkBg) => {
        const article = document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('article')
        const probe = document.body.appendChild(document.createElement('div'))
        probe.style.backgroundColor = darkBg
        const bg = () => getComputedStyle(article).backgroundColor
        const box = () => JSON.stringify(article.getBoundingClientRect())
        const before = { bg: bg(), box: box() }
        // The page's toggle: its own scheme first, then the card's attribute; each checked before the next frame paints.
        document.documentElement.style.colorScheme = 'light'
        const page = await new Promise((r) => requestAnimationFrame(() => r({ bg: bg(), box: box() })))
        document.querySelector('xiaomi-ev-card').setAttribute('theme', 'dark')
        const attribute = await new Promise((r) => requestAnimationFrame(() => r({ bg: bg(), box: box() })))
        return { dark: getComputedStyle(probe).backgroundColor, before, page, attribute, same: article.isConnected }
      }, darkBg)
      assert.equal(seen.before.bg, seen.dark, 'dark under a page that declares color-scheme: dark')
      assert.notEqual(seen.page.bg, seen.dark, 'light once the page declares light')
      assert.equal(seen.attribute.bg, seen.dark, "theme=dark set by the page's toggle")
      assert.equal(seen.page.box, seen.before.box)
      assert.equal(seen.attribute.box, seen.before.box)
      assert.ok(seen.same, 'recoloured, not drawn again')
      await p.close()
    })

    it('shows the server-side card (/v1/card.html) on a page where no script may run', async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/fragment`)
      const m = models['compact-en']
      const seen = await p.evaluate(() => {
        const el = document.querySelector('xiaomi-ev-card')
        const article = el.shadowRoot?.querySelector('article')
        return article && {
          defined: !!customElements.get('xiaomi-ev-card'),
          text: article.textContent,
          height: article.getBoundingClientRect().height,
          // all: initial would leave it inline: the card's own display (block, or compact's flex column) says its CSS applies.
          styled: getComputedStyle(article).display != 'inline' && getComputedStyle(article).borderTopLeftRadius != '0px',
          values: [...article.querySelectorAll('.xc-v')].map((v) => v.getBoundingClientRect().height > 0),
          fallback: el.querySelector(':scope > a').getBoundingClientRect().height,
        }
      })
      assert.ok(seen, 'a shadow root from the HTML alone')
      assert.equal(seen.defined, false, 'no script ran')
      assert.ok(seen.text.includes(m.headline))
      for (const f of m.figures) assert.ok(seen.text.includes(f.value), f.id)
      assert.ok(seen.styled && seen.values.every(Boolean) && seen.values.length == m.figures.length, 'styled and visible')
      assert.equal(seen.height, heights.compact)
      assert.equal(seen.fallback, 0, 'the fallback link is not shown beside it')
      await p.close()
    })

    it('hydrates the server-side cards when embed.js arrives later: the same nodes and text, no request; then follows attribute changes', async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/fragment-later`)
      await p.evaluate((src) => {
        const roots = [...document.querySelectorAll('xiaomi-ev-card')].map((el) => el.shadowRoot)
        // Every node of the server's shadow roots, in order, and their text, before any script of ours runs.
        window.__walk = () =>
          roots.flatMap((root) => {
            const walker = document.createTreeWalker(root)
            const nodes = []
            while (walker.nextNode()) nodes.push(walker.currentNode)
            return nodes
          })
        window.__nodes = __walk()
        window.__texts = roots.map((root) => root.textContent)
        window.__drawn = []
        // Any change but the theme's class (which may change, card.css): a node added, removed, retexted or re-attributed.
        const observer = new MutationObserver((records) => {
          for (const r of records) if (r.type != 'attributes' || r.attributeName != 'class') __drawn.push(`${r.type} ${r.target.nodeName} ${r.attributeName ?? ''}`)
        })
        for (const root of roots) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true })
        document.head.append(Object.assign(document.createElement('script'), { src }))
      }, `${worker.origin}/embed.js`)
      const n = cases().length
      await p.waitFor((n) => __events.length >= n, [n])
      const adopted = await p.evaluate(() => {
        const roots = [...document.querySelectorAll('xiaomi-ev-card')].map((el) => el.shadowRoot)
        const nodes = __walk()
        return {
          same: nodes.length == __nodes.length && nodes.every((node, i) => node === __nodes[i]),
          texts: roots.every((root, i) => root.textContent == __texts[i]),
          drawn: __drawn,
          fetches: __fetches,
          events: __events.map((e) => `${e.type} ${e.detail.lang} ${e.detail.variant}`).sort(),
        }
      })
      const loads = cases().map(({ id }) => `load ${models[id].lang} ${models[id].variant}`).sort()
      assert.deepEqual(adopted, { same: true, texts: true, drawn: [], fetches: [], events: loads })
      // Preact owns the hydrated card: an attribute change redraws it from the API, styled as before.
      const first = models[cases()[0].id]
      const other = Object.values(models).find((m) => m.lang != first.lang && m.variant == first.variant)
      await p.evaluate((lang) => document.querySelector('xiaomi-ev-card').setAttribute('lang', lang), other.lang)
      await p.waitFor((h) => document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('article')?.textContent.includes(h), [other.headline])
      const after = await p.evaluate(() => {
        const article = document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('article')
        return { lang: article.lang, radius: getComputedStyle(article).borderTopLeftRadius, articles: article.parentNode.querySelectorAll('article').length, errors: __hostErrors }
      })
      assert.deepEqual(after, { lang: other.lang, radius: '12px', articles: 1, errors: [] })
      await p.close()
    })

    it('takes a server-side card without its props over in place, with /v1/card\'s model', async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      await p.goto(`${host.origin}/fragment-bare`)
      await p.evaluate((src) => {
        const root = document.querySelector('xiaomi-ev-card').shadowRoot
        window.__article = root.querySelector('article')
        window.__text = root.textContent
        document.head.append(Object.assign(document.createElement('script'), { src }))
      }, `${worker.origin}/embed.js`)
      await p.waitFor(() => __events.length >= 1)
      const seen = await p.evaluate(() => {
        const root = document.querySelector('xiaomi-ev-card').shadowRoot
        return {
          data: root.querySelector('script'),
          same: root.querySelector('article') === __article && root.querySelectorAll('article').length == 1,
          text: root.textContent == __text,
          fetches: __fetches.map((u) => new URL(u).pathname),
          events: __events.map((e) => `${e.type} ${e.detail.lang} ${e.detail.variant}`),
        }
      })
      const m = models['compact-en']
      assert.deepEqual(seen, { data: null, same: true, text: true, fetches: ['/v1/card'], events: [`load ${m.lang} ${m.variant}`] })
      await p.close()
    })

    it('renders elements added later and re-renders on attribute change; included twice, one request and one card each', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/twice`)
      await p.waitFor(() => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article')).length == 2)
      const zh = models['compact-zh-CN']
      const seen = await p.evaluate(() => ({
        articles: [...document.querySelectorAll('xiaomi-ev-card')].map((el) => el.shadowRoot.querySelectorAll('article').length),
        texts: [...document.querySelectorAll('xiaomi-ev-card')].map((el) => el.shadowRoot.textContent),
        data: __fetches.length,
      }))
      assert.deepEqual(seen.articles, [1, 1])
      // Without lang of its own, a card speaks the page's language; both show one card, from one request.
      for (const text of seen.texts) assert.ok(text.includes(zh.headline) && text.includes(zh.figures[0].value))
      assert.equal(seen.data, 1)
      await p.evaluate((origin) => {
        const el = document.createElement('xiaomi-ev-card')
        el.id = 'later'
        el.setAttribute('lang', 'en')
        el.setAttribute('variant', 'stat')
        el.innerHTML = `<a href="${origin}/card">fallback</a>`
        document.body.append(el)
      }, worker.origin)
      await p.waitFor(() => document.querySelector('#later').shadowRoot?.querySelector('article'))
      const stat = await (await fetch(`${worker.origin}/v1/card?lang=en&variant=stat`)).json()
      assert.ok((await p.evaluate(() => document.querySelector('#later').shadowRoot.textContent)).includes(stat.figures[0].value))
      await p.evaluate(() => document.querySelector('#later').setAttribute('fact', 'cash-reserve'))
      const cash = await (await fetch(`${worker.origin}/v1/card?lang=en&variant=stat&fact=cash-reserve`)).json()
      assert.notEqual(cash.figures[0].value, stat.figures[0].value)
      await p.waitFor((v) => document.querySelector('#later').shadowRoot.textContent.includes(v), [cash.figures[0].value])
      const events = await p.evaluate(() => __events.filter((e) => e.id == 'later').map((e) => `${e.type} ${e.detail.variant}`))
      assert.deepEqual(events, ['load stat', 'load stat'])
      assert.deepEqual(await p.evaluate(() => __hostErrors), [])
      await p.close()
    })

    it('warns once about each invalid attribute and shows the default card', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/invalid`)
      await p.waitFor(renderedCount)
      const seen = await p.evaluate(() => ({ warnings: __warnings, text: document.querySelector('xiaomi-ev-card').shadowRoot.textContent, errors: __hostErrors }))
      assert.deepEqual(seen.warnings.filter((w) => w.startsWith('<xiaomi-ev-card>')), [
        `<xiaomi-ev-card>: theme must be one of ${themes.join(', ')}; using auto`,
        `<xiaomi-ev-card>: variant must be one of ${variants.join(', ')}; using compact`,
        `<xiaomi-ev-card>: lang must be one of ${langs.join(', ')} (or a tag of one); using the page language`,
      ])
      assert.ok(seen.text.includes(models['compact-en'].headline) && seen.text.includes(models['compact-en'].figures[0].value))
      assert.deepEqual(seen.errors, [])
      await p.close()
    })

    it('keeps the fallback link and fires error, with no error reaching the page, when the API is down', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/down`)
      await p.waitFor(() => __events.length >= 3)
      const seen = await p.evaluate(() => ({
        links: [...document.querySelectorAll('xiaomi-ev-card > a')].map((a) => a.getBoundingClientRect().height > 0 && a.textContent),
        articles: [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot.querySelector('article')).length,
        events: __events.map((e) => `${e.type} ${e.detail.lang} ${e.detail.variant} ${e.bubbles}`),
        errors: __hostErrors,
        fetches: __fetches.length,
      }))
      const link = 'Xiaomi launches its smart EV business'
      // Three cards, one request, no retry.
      assert.deepEqual(seen, { links: [link, link, link], articles: 0, events: Array(3).fill('error en compact false'), errors: [], fetches: 1 })
      await p.close()
    })

    // Every variant at the height its snippet is written with: full in each language (it grows when
    // narrower), compact and stat (one height at every width).
    const frames = () => [...langs.map((lang) => ['full', lang, '']), ['compact', langs[0], ''], ['stat', langs[0], '&fact=cash-reserve']]
    const snippetHeight = (variant, lang) => (variant == 'full' ? heights.full[lang][640] : heights[variant])
    it('resize.js sizes the iframe to its card in every variant, with nothing to scroll inside, follows a change of width, and fires xiaomi-ev-card:load', async () => {
      // One page for every frame: each navigation starts its own document and event record.
      const p = await engine.newPage({ width: 640, height: 900 })
      for (const [variant, lang, fact] of frames()) {
        const q = `lang=${lang}&variant=${variant}${fact}`
        // The card page's own height at each width, measured in this engine with its fonts.
        const needs = {}
        for (const width of [640, 320]) {
          await p.setViewport(width, 900)
          await p.goto(`${worker.origin}/card?${q}`)
          const page = await p.evaluate(() => ({
            bottom: Math.ceil(document.querySelector('main').getBoundingClientRect().bottom),
            // The whole document, which a frame of the card's height must hold without scrolling.
            height: Math.ceil(document.documentElement.getBoundingClientRect().height),
            wide: document.documentElement.scrollWidth > innerWidth,
          }))
          assert.ok(page.height <= page.bottom && !page.wide, `${q} at ${width}: nothing beyond the card (${JSON.stringify(page)})`)
          needs[width] = page.bottom
        }
        await p.setViewport(640, 900)
        await p.goto(`${host.origin}/frame?q=${encodeURIComponent(q)}&h=${snippetHeight(variant, lang)}`)
        await p.waitFor(() => __events.some((e) => e.type == 'xiaomi-ev-card:load'))
        const fits = (h) => p.waitFor((h) => Math.abs(document.querySelector('#f').getBoundingClientRect().height - h) <= 2, [h], { what: `an iframe ${h}px tall` })
        await fits(needs[640])
        await p.setViewport(320, 900)
        await fits(needs[320])
        if (variant == 'full') assert.ok(needs[320] > needs[640], `${lang}: full grows when narrower`)
        else assert.deepEqual([needs[640], needs[320]], [heights[variant], heights[variant]], `${q}: one height at every width`)
        const settled = (await p.size('#f')).height
        assert.ok(Math.abs(settled - needs[320]) <= 2, `${q} at 320: the iframe is ${settled}px tall after being ${needs[320]}px`)
        const loads = await p.evaluate(() => __events.filter((e) => e.type == 'xiaomi-ev-card:load').map((e) => `${e.on} ${e.detail.lang} ${e.detail.variant}`))
        assert.deepEqual(loads, [`iframe ${models[`${variant}-${lang}`].lang} ${variant}`])
      }
      await p.close()
    })

    it('resize.js sizes frames added later, and heeds no height from the page itself or from another frame', async () => {
      const p = await engine.newPage({ width: 640, height: 900 })
      const q = `lang=${langs[0]}&variant=full`
      await p.goto(`${worker.origin}/card?${q}`)
      const needs = await p.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
      await p.goto(`${host.origin}/late`)
      // Written at compact's height: only resize.js can make it the full card's.
      await p.evaluate((html) => (document.querySelector('#slot').innerHTML = html), frame(q, heights.compact))
      await p.waitFor((h) => Math.abs(document.querySelector('#f').getBoundingClientRect().height - h) <= 2, [needs], { what: `a late iframe ${needs}px tall` })
      // The page itself and a frame of its own claim a height, each then sends a marker: once both
      // markers have arrived, resize.js has seen the claims (messages from one sender keep their order).
      await p.evaluate(() => {
        window.__markers = 0
        addEventListener('message', (e) => e.data?.type == 'marker' && __markers++)
        postMessage({ type: 'xiaomi-ev-card:height', height: 50 }, '*')
        postMessage({ type: 'marker' }, '*')
        const other = document.createElement('iframe')
        other.srcdoc = `<script>parent.postMessage({ type: 'xiaomi-ev-card:height', height: 40 }, '*'); parent.postMessage({ type: 'marker' }, '*')</script>`
        document.body.append(other)
      })
      await p.waitFor(() => __markers == 2)
      assert.ok(Math.abs((await p.size('#f')).height - needs) <= 2, 'the claims were ignored')
      await p.close()
    })

    it('leaves <xiaomi-ev-card> alone, quietly, when another script defined it first', async () => {
      const p = await engine.newPage()
      // goto returns after the load event, which waits for our async script to have run.
      await p.goto(`${host.origin}/taken`)
      const seen = await p.evaluate(() => {
        const el = document.querySelector('xiaomi-ev-card')
        return { owner: el.dataset.owner, root: el.shadowRoot, ran: performance.getEntriesByType('resource').some((r) => r.name.includes('/embed.js')), errors: __hostErrors, events: __events.length }
      })
      assert.deepEqual(seen, { owner: 'other', root: null, ran: true, errors: [], events: 0 })
      await p.close()
    })

    it("keeps the fallback, with an error event and no error in the page, when the host page's CSP blocks our data origin", async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/csp`)
      await p.waitFor(() => __events.length > 0)
      const seen = await p.evaluate(() => ({
        link: document.querySelector('xiaomi-ev-card > a').getBoundingClientRect().height > 0,
        events: __events.map((e) => e.type),
        errors: __hostErrors,
      }))
      assert.deepEqual(seen, { link: true, events: ['error'], errors: [] })
      await p.close()
    })

    it('renders inside a sandboxed iframe (an opaque origin)', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/sandboxed`)
      await p.waitFor(() => window.__shown)
      const shown = await p.evaluate(() => window.__shown)
      assert.ok(shown.includes(models['compact-en'].headline) && shown.includes(models['compact-en'].figures[0].value))
      await p.close()
    })

    it('takes hostile attribute values without throwing into the page or injecting markup, each card ending in a card or the fallback', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/empty`)
      const value = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', 'zh-CN', 'en', 'stat', 'full', 'dark', 'connected-devices', '../../v1/facts', '%00', 'x'.repeat(5000), '__proto__', 'constructor'),
      )
      const samples = fc.sample(fc.record({ lang: value, theme: value, variant: value, fact: value }, { requiredKeys: [] }), { numRuns: 60, seed: 42 })
      await p.evaluate((list) => {
        const root = document.getElementById('root')
        for (const attrs of list) {
          const el = document.createElement('xiaomi-ev-card')
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
          el.innerHTML = '<a href="https://example.org/card">fallback</a>'
          root.append(el)
        }
      }, samples)
      // Each card tells its outcome once: load, or error and the fallback.
      await p.waitFor((n) => __events.length >= n, [samples.length], { timeout: 30_000 })
      const outcome = await p.evaluate(() => {
        const allowed = new Set(['ARTICLE', 'P', 'TIME', 'H2', 'H3', 'DL', 'DIV', 'DT', 'DD', 'SPAN', 'DETAILS', 'SUMMARY', 'BLOCKQUOTE', 'A', 'FIGURE', 'FIGCAPTION', 'OL', 'LI', 'SLOT', 'STYLE'])
        return [...document.querySelectorAll('#root xiaomi-ev-card')].map((el) => {
          const nodes = [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
          const foreign = nodes.filter((n) => !allowed.has(n.tagName) || [...n.attributes].some((a) => a.name.startsWith('on')))
          const ended = el.shadowRoot?.querySelector('article') ? 'card' : el.shadowRoot?.querySelector('slot') ? 'fallback' : 'nothing'
          const links = nodes.filter((n) => n.tagName === 'A').map((a) => new URL(a.href).protocol)
          return { foreign: foreign.map((n) => n.outerHTML.slice(0, 80)), ended, badLinks: links.filter((p) => p !== 'http:') }
        })
      })
      assert.equal(outcome.length, samples.length)
      for (const [i, o] of outcome.entries()) {
        assert.deepEqual(o.foreign, [], JSON.stringify(samples[i]).slice(0, 200))
        assert.notEqual(o.ended, 'nothing')
        assert.deepEqual(o.badLinks, [])
      }
      assert.ok(outcome.filter((o) => o.ended === 'card').length > outcome.length / 2, 'most hostile values still end in a card')
      assert.deepEqual(await p.evaluate(() => __hostErrors), [])
      await p.close()
    })

    it("opens an evidence link at its span on /source, marked, in the card's language, its text fragment no part of the id", async () => {
      const p = await engine.newPage({ width: 800, height: 900 })
      // A Chinese card: its reader lands on /source in the card's language, whatever the browser's.
      const m = models[`compact-${langs.at(-1)}`]
      await p.goto(`${worker.origin}/card?lang=${m.lang}&variant=compact`)
      const href = await p.evaluate(() => document.querySelector('.xc-pop a').href)
      assert.match(href, /#[a-z0-9-]+:~:text=/)
      await p.goto(href)
      // The fragment is invoked once the document is laid out, which a busy machine may put after load.
      await p.waitFor(() => document.querySelector('mark:target'))
      const target = await p.evaluate(() => {
        const mark = document.querySelector('mark:target')
        return mark && { id: mark.id, text: mark.textContent, background: getComputedStyle(mark).backgroundColor }
      })
      assert.deepEqual(target, { id: m.figures[0].id, text: m.figures[0].evidence, background: 'rgb(255, 227, 207)' })
      assert.equal(await p.evaluate(() => document.documentElement.lang), m.lang)
      await p.close()
    })

    it('keeps every card left to right and in its own language on a right-to-left page in another language', async () => {
      const p = await engine.newPage({ width: 640, height: 900 })
      await p.goto(`${host.origin}/rtl`)
      await p.waitFor((n) => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article .xc-v')).length == n, [langs.length + 1])
      const seen = await p.evaluate(() =>
        [...document.querySelectorAll('xiaomi-ev-card')].map((el) => {
          const a = el.shadowRoot.querySelector('article')
          const h = a.querySelector('.xc-h').getBoundingClientRect()
          const box = a.getBoundingClientRect()
          // The headline starts at the card's left edge (its padding), not its right.
          return { id: el.id, lang: a.lang, dir: getComputedStyle(a).direction, fromLeft: Math.round(h.left - box.left), ownLang: a.matches(`:lang(${a.lang})`) }
        }),
      )
      for (const lang of langs) {
        const got = seen.find((c) => c.id == `c-${lang}`)
        assert.deepEqual([got.lang, got.dir, got.ownLang], [models[`compact-${lang}`].lang, 'ltr', true], lang)
        assert.ok(got.fromLeft <= 17, `${lang}: the headline starts ${got.fromLeft}px from the card's left edge`)
      }
      const server = seen.find((c) => c.id == 'server')
      assert.deepEqual([server.lang, server.dir], ['en', 'ltr'])
      await p.close()
    })

    it("renders each embed under the strict CSP docs/embedding.md gives for it, Trusted Types enforced for the script", async () => {
      const p = await engine.newPage({ width: 360, height: 900 })
      const styledCard = () => {
        const a = document.querySelector('xiaomi-ev-card')?.shadowRoot?.querySelector('article')
        const v = a?.querySelector('.xc-v')
        return v && getComputedStyle(v).fontWeight == '700' && a.getBoundingClientRect().height
      }
      for (const embed of ['script', 'server']) {
        await p.goto(`${host.origin}/strict-${embed}`)
        await p.waitFor(styledCard, [], { what: `the ${embed} embed styled under its CSP` })
        assert.equal(await p.evaluate(styledCard), heights.compact, embed)
      }
      // The frame's card at this width, in this engine: resize.js must size the frame to it.
      await p.goto(`${worker.origin}/card?lang=en&variant=full`)
      const needs = await p.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
      await p.goto(`${host.origin}/strict-iframe`)
      assert.notEqual(Number(await p.evaluate(() => document.querySelector('iframe').getAttribute('height'))), needs, 'the snippet is written for another width')
      await p.waitFor((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, [needs], { what: `the frame resized to ${needs}px under its CSP` })
      await p.close()
    })

    it('draws a card in a hidden tab at its right size once the tab is shown: the script embed, and the iframe with resize.js', async () => {
      const p = await engine.newPage({ width: 360, height: 900 })
      await p.goto(`${worker.origin}/card?lang=en&variant=full`)
      const needs = await p.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
      await p.goto(`${host.origin}/hidden`)
      // Drawn while hidden: the data came and the card is in its shadow root, but has no box.
      await p.waitFor(() => document.querySelector('xiaomi-ev-card').shadowRoot?.querySelector('article'))
      await p.evaluate(() => (document.querySelector('#tab').style.display = 'block'))
      await p.waitFor((h) => Math.abs(document.querySelector('#f').getBoundingClientRect().height - h) <= 2, [needs], { what: `the shown frame at ${needs}px` })
      const card = await p.evaluate(() => {
        const a = document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('article')
        return { height: a.getBoundingClientRect().height, width: a.getBoundingClientRect().width, host: document.querySelector('xiaomi-ev-card').getBoundingClientRect().width }
      })
      assert.deepEqual(card, { height: heights.compact, width: card.host, host: card.host })
      assert.ok(card.host > 300, `the card fills its column (${card.host}px)`)
      await p.close()
    })

    it("keeps all of /card's content under WCAG 1.4.12's text-spacing overrides, at 320 and 640 px", async () => {
      // The overrides as a text-spacing bookmarklet applies them: !important on each element's own style
      // (through the CSSOM, which /card's CSP leaves alone where it would block a <style>).
      const SPACING = [['*', 'line-height', '1.5'], ['*', 'letter-spacing', '.12em'], ['*', 'word-spacing', '.16em'], ['p', 'margin-bottom', '2em']]
      const p = await engine.newPage({ width: 640, height: 900 })
      for (const width of [320, 640]) {
        await p.setViewport(width, 900)
        for (const { lang, variant } of cases().filter((c) => c.variant != 'full')) {
          await p.goto(`${worker.origin}/card?lang=${lang}&variant=${variant}`)
          const problems = await p.evaluate((spacing) => {
            for (const [selector, property, value] of spacing) for (const e of document.querySelectorAll(selector)) e.style.setProperty(property, value, 'important')
            const a = document.querySelector('article')
            if (getComputedStyle(a.querySelector('dt')).letterSpacing == 'normal') return ['the overrides did not apply']
            const box = a.getBoundingClientRect()
            const out = []
            for (const e of a.querySelectorAll('dt, dd, .xc-date, .xc-src, .xc-h')) {
              const r = e.getBoundingClientRect()
              // The headline may be clamped to its two lines, never cut inside one.
              const lines = e.clientHeight / parseFloat(getComputedStyle(e).lineHeight)
              const cut = e.matches('.xc-h') ? Math.abs(lines - Math.round(lines)) > 0.05 : e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1
              if (cut) out.push(`${e.className || e.localName} is cut`)
              if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) out.push(`${e.className || e.localName} leaves the card`)
            }
            const src = a.querySelector('.xc-src').getBoundingClientRect()
            for (const f of a.querySelectorAll('.xc-fig')) if (f.getBoundingClientRect().bottom > src.top + 0.5) out.push('a figure runs into the source line')
            return out
          }, SPACING)
          assert.deepEqual(problems, [], `${lang} ${variant} at ${width}px`)
        }
      }
      await p.close()
    })

    it('opens the evidence with the keyboard: Tab to it, Enter', async () => {
      const p = await engine.newPage()
      await p.goto(`${host.origin}/one`)
      await p.waitFor(renderedCount)
      const focused = () => document.querySelector('xiaomi-ev-card').shadowRoot.activeElement?.localName
      for (let i = 0; i < 4 && (await p.evaluate(focused)) != 'summary'; i++) await p.press('Tab')
      assert.equal(await p.evaluate(focused), 'summary', 'Tab reaches the first evidence control')
      await p.press('Enter')
      await p.waitFor(() => document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('details').open)
      const pop = await p.evaluate(() => {
        const box = document.querySelector('xiaomi-ev-card').shadowRoot.querySelector('.xc-pop')
        return { height: box.getBoundingClientRect().height, text: box.textContent }
      })
      const m = models['compact-en']
      assert.ok(pop.height > 0, 'the evidence is visible')
      assert.ok(pop.text.includes(m.figures[0].evidence), 'the evidence quotes the source')
      await p.close()
    })
  })
}

// The reader's default text size, where the driver can set it (engines.mjs FONT_SIZE_ENGINES): the
// same pages at the default 16 px and at 24 px (Chromium's "very large"), in one engine of each.
for (const name of enginesToRun().filter((n) => FONT_SIZE_ENGINES.includes(n))) {
  describe(`${name} at a 24 px default text size`, () => {
    let normal, large
    before(async () => {
      ;[normal, large] = [await startEngine(name), await startEngine(name, { fontSize: 24 })]
    })
    after(async () => {
      await normal?.close()
      await large?.close()
    })

    const round2 = (xs) => xs.map((x) => Math.round(x * 100) / 100)
    /** The card's text sizes in each embed, and the page's medium, in a page of `engine`. */
    const sizes = async (engine) => {
      const p = await engine.newPage({ width: 640, height: 900 })
      const px = () => {
        const of = (a) => a && [a, a.querySelector('dt'), a.querySelector('.xc-v'), a.querySelector('.xc-date')].map((e) => parseFloat(getComputedStyle(e).fontSize))
        const probe = document.body.appendChild(document.createElement('p'))
        probe.style.fontSize = 'medium'
        const cards = [...document.querySelectorAll('xiaomi-ev-card')].map((el) => of(el.shadowRoot?.querySelector('article')))
        return { medium: parseFloat(getComputedStyle(probe).fontSize), cards, page: of(document.querySelector('main > article')) }
      }
      await p.goto(`${host.origin}/big`)
      await p.waitFor(renderedCount)
      await p.waitFor((n) => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article .xc-v')).length == n, [langs.length * 3 + 1])
      const script = await p.evaluate(px)
      await p.goto(`${worker.origin}/card?lang=en&variant=compact`)
      const frame = await p.evaluate(px)
      await p.close()
      return { medium: script.medium, script: script.cards[0], server: script.cards.at(-1), frame: frame.page }
    }

    it('sets the text 1.5 times larger in the script embed, the server-side card and /card, on a page whose html is 62.5%', async () => {
      const [at16, at24] = [await sizes(normal), await sizes(large)]
      assert.deepEqual([at16.medium, at24.medium], [16, 24], 'the engine took the setting')
      for (const embed of ['script', 'server', 'frame']) {
        // (to 0.01 px: the em values are rounded up in their fifth digit)
        const round = (xs) => xs.map((x) => Math.round(x * 100) / 100)
        assert.deepEqual(round(at24[embed]), round(at16[embed].map((s) => s * 1.5)), `${embed}: ${at16[embed]} at 16 px, ${at24[embed]} at 24 px`)
      }
      assert.deepEqual(round2(at16.script), round2(at16.frame), 'the 62.5% host does not shrink the script embed')
    })

    it('shows every figure, label and value whole at every width from 240 to 640 px, the clamped headline whole in the tree', async () => {
      const p = await large.newPage({ width: 640, height: 900 })
      for (const width of [240, 360, 480, 640]) {
        await p.setViewport(width, 900)
        await p.goto(`${host.origin}/big`)
        await p.waitFor((n) => [...document.querySelectorAll('xiaomi-ev-card')].filter((el) => el.shadowRoot?.querySelector('article .xc-v')).length == n, [langs.length * 3 + 1])
        const problems = await p.evaluate(() =>
          [...document.querySelectorAll('xiaomi-ev-card')].flatMap((el, i) => {
            const a = el.shadowRoot.querySelector('article')
            const box = a.getBoundingClientRect()
            const out = []
            if (a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1) out.push(`card ${i} overflows`)
            for (const e of a.querySelectorAll('dt, dd, .xc-v, .xc-eq, .xc-src, .xc-date')) {
              const r = e.getBoundingClientRect()
              if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display != 'inline') out.push(`card ${i} ${e.className || e.localName} is cut`)
              if (r.left < box.left || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) out.push(`card ${i} ${e.className || e.localName} leaves the card`)
            }
            // Nothing lies over the source line (compact and stat put it at the bottom).
            const src = a.querySelector('.xc-src').getBoundingClientRect()
            for (const f of a.querySelectorAll('.xc-fig')) if (f.getBoundingClientRect().bottom > src.top + 0.5) out.push(`card ${i}: a figure runs into the source line`)
            const h = a.querySelector('.xc-h')
            if (h.closest('[aria-hidden]') || h.hasAttribute('aria-label')) out.push(`card ${i}: the headline is not its own text`)
            return out
          }),
        )
        assert.deepEqual(problems, [], `${width}px`)
        const headlines = await p.evaluate(() => [...document.querySelectorAll('xiaomi-ev-card')].slice(0, -1).map((el) => el.shadowRoot.querySelector('.xc-h').textContent))
        assert.deepEqual(headlines, langs.flatMap((lang) => Array(3).fill(models[`compact-${lang}`].headline)))
      }
      await p.close()
    })
  })
}
