// WordPress embeds a card the way a publisher's site does: Debian's wordpress 6.1, unmodified, on a
// throwaway MariaDB; a post holding each card's URL on its own line goes through WordPress's own
// oEmbed discovery, fetch and sanitizer (the_content); its page, with wp-embed.js, in Chromium.
// Only WordPress's documented filters let it reach the card service on loopback (wordpress.php).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { freePort, launch, startHost, startWorker, stopAll } from '../browser/harness.mjs'
import { startMariaDb } from './mariadb.mjs'

const run = promisify(execFile)
const WORDPRESS = '/usr/share/wordpress'
const PHP = new URL('./wordpress.php', import.meta.url).pathname
// WordPress's wp-embed.js keeps every height within these.
const [MIN, MAX] = [200, 1000]
const CARDS = ['en', 'zh-CN'].flatMap((lang) => ['compact', 'full', 'stat'].map((variant) => ({ lang, variant })))
const COLUMNS = [640, 360]

let worker, host, browser, db, env
const pages = {}

before(async () => {
  db = await startMariaDb()
  worker = await startWorker()
  // WordPress lives on `localhost`, the cards on 127.0.0.1: another host, as on the web, so
  // WordPress's own rule against local addresses applies until its filter allows it.
  const port = await freePort()
  const home = `http://localhost:${port}`
  env = { ...process.env, WP_DB_SOCKET: db.socket, WP_HOME: home, CARD_PORT: new URL(worker.origin).port }
  await run('php', [PHP, 'install'], { env })
  for (const column of COLUMNS) {
    const urls = CARDS.map(({ lang, variant }) => `${worker.origin}/card?lang=${lang}&variant=${variant}`)
    const { stdout } = await run('php', [PHP, 'render'], { env: { ...env, WP_COLUMN: String(column), CARD_URLS: JSON.stringify(urls) }, maxBuffer: 1 << 24 })
    pages[`/post-${column}`] = stdout
  }
  // WordPress's own script files, as its web server would serve them.
  const wpIncludes = async (url) => ({
    body: await readFile(WORDPRESS + url.pathname),
    headers: { 'Content-Type': 'text/javascript' },
  })
  host = await startHost({ ...pages, '/wp-includes/js/wp-embed.min.js': wpIncludes }, { port })
  host.origin = home
  browser = await launch()
})

after(async () => {
  await stopAll({ browser, host, worker })
  await db?.stop()
})

/** Every embed on the page once wp-embed.js has settled: the iframe's height against what its card needs. */
async function embeds(page) {
  const frames = await page.$$('iframe.wp-embedded-content')
  const out = []
  for (const handle of frames) {
    const frame = await handle.contentFrame()
    await frame.waitForSelector('article')
    const src = await handle.getAttribute('src')
    // Settled: WordPress shows the frame (drops the clipping style) at the height the card asked for
    // (clientHeight: the frame's inside, without the browser's default iframe border).
    await page.waitForFunction(
      (f) => !f.hasAttribute('style') && f.clientHeight == Number(f.height) && f.clientHeight > 0,
      handle,
      { timeout: 15_000 },
    )
    const content = await frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom))
    const box = await handle.evaluate((f) => ({ width: f.clientWidth, height: f.clientHeight }))
    const quote = await page.evaluate((f) => {
      const q = document.querySelector(`blockquote[data-secret="${f.dataset.secret}"]`)
      return q && getComputedStyle(q).display
    }, handle)
    out.push({ src, content, height: box.height, width: box.width, quote, sandbox: await handle.getAttribute('sandbox') })
  }
  return out
}

describe('WordPress 6.1 (Debian) embeds the card from its URL', () => {
  for (const column of COLUMNS) {
    it(`shows every card, sized to its content, in a ${column} px column`, async () => {
      const page = await browser.newPage({ viewport: { width: column + 16, height: 900 } })
      await page.goto(`${host.origin}/post-${column}`)
      const found = await embeds(page)
      assert.equal(found.length, CARDS.length, 'one embed per card URL: discovery, oEmbed and the sanitizer all let it through')
      for (const [i, e] of found.entries()) {
        const { lang, variant } = CARDS[i]
        const what = `${lang} ${variant} at ${column}`
        assert.match(e.src, new RegExp(`lang=${lang}&variant=${variant}#\\?secret=[A-Za-z0-9]{10}$`), what)
        assert.equal(e.sandbox, 'allow-scripts', `${what}: WordPress's sanitizer ran`)
        assert.equal(e.quote, 'none', `${what}: wp-embed.js swapped the blockquote for the card`)
        assert.ok(e.width <= column, `${what}: ${e.width} px wide`)
        assert.ok(e.content >= MIN && e.content <= MAX, `${what}: the card (${e.content} px) fits WordPress's ${MIN}–${MAX} px`)
        assert.ok(Math.abs(e.height - e.content) <= 10, `${what}: frame ${e.height} px, card ${e.content} px`)
      }
      await page.close()
    })
  }

  it("the blockquote WordPress keeps carries the card's headline, date and key figures, with its link", async () => {
    const html = pages['/post-640']
    const quotes = [...html.matchAll(/<blockquote class="wp-embedded-content"[^>]*>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1])
    assert.equal(quotes.length, CARDS.length)
    for (const [i, quote] of quotes.entries()) {
      const { lang, variant } = CARDS[i]
      const card = await (await fetch(`${worker.origin}/v1/card?lang=${lang}&variant=${variant}`)).json()
      const text = quote.replace(/<[^>]+>/g, '')
      for (const s of [card.headline, card.date.text, ...card.figures.map((f) => f.value)]) assert.ok(text.includes(s), `${lang} ${variant}: ${s}`)
      assert.match(quote, new RegExp(`<a href="${worker.origin}/card\\?lang=${lang}&amp;variant=${variant}">`))
    }
  })

  it("a source link in WordPress's sandbox (allow-scripts only) reaches the reader through wp-embed.js", async () => {
    const page = await browser.newPage({ viewport: { width: 656, height: 900 } })
    await page.goto(`${host.origin}/post-640`)
    await embeds(page)
    const frame = await (await page.$('iframe.wp-embedded-content')).contentFrame()
    const href = await frame.$eval('.xc-src a', (a) => a.href)
    await Promise.all([page.waitForURL(href, { timeout: 15_000 }), frame.click('.xc-src a')])
    assert.equal(page.url(), href)
    await page.close()
  })
})
