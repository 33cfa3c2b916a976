// pa11y, as accessibility reviewers run it (WCAG2AA, its HTML_CodeSniffer and axe runners), in
// Debian's Chromium, on our own pages in every language: 0 errors. pa11y counts axe's "needs
// review" results as errors, so each is fixed at its cause, not ignored.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import pa11y from 'pa11y'
import puppeteer from 'puppeteer-core'
import { CHROMIUM_ARGS, startWorker } from '../browser/harness.mjs'

let worker, langs, variants, browser
before(async () => {
  worker = await startWorker()
  // One Chromium for every page (pa11y opens a page of its own in it each run), not a launch a run.
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  // The languages and variants the API serves, as its document names them.
  const card = (await (await fetch(`${worker.origin}/openapi.json`)).json()).components.schemas.Card.properties
  langs = card.lang.enum
  variants = card.variant.enum
})
after(async () => {
  await browser?.close()
  worker?.stop()
})

// The framed card on / is tested as /card itself: axe in pa11y cannot run inside a frame whose CSP
// forbids inline script (frame-tested asks a reviewer to look; /card is that look, below).
const IGNORE = (path) => (path.startsWith('/?') ? ['frame-tested'] : [])

describe('pa11y (WCAG2AA, htmlcs and axe)', () => {
  // Every language and every variant of /card, each at least once (the i-th language in the i-th
  // variant, round): a variant's markup is the same in every language, and a language's text
  // and lang attributes the same in every variant. pages.test.mjs runs axe on every language's
  // cards in both schemes; the whole grid here cost 14 pa11y runs, about 25 s of the suite.
  // / in each language (hl), its builder on that language's card.
  const pages = () => [...langs.map((l) => `/?hl=${l}`), '/source', ...Array.from({ length: Math.max(langs.length, variants.length) }, (_, i) => `/card?lang=${langs[i % langs.length]}&variant=${variants[i % variants.length]}`)]
  it('finds no error on / in every language, /source, and /card in every language and in every variant', { timeout: 600_000 }, async () => {
    const found = []
    for (const path of pages()) {
      // Both runners on one load of the page; each issue says which runner found it.
      const result = await pa11y(worker.origin + path, {
        standard: 'WCAG2AA',
        runners: ['htmlcs', 'axe'],
        timeout: 120_000,
        ignore: IGNORE(path),
        browser,
      })
      for (const issue of result.issues.filter((i) => i.type == 'error')) found.push(`${path} [${issue.runner}] ${issue.code}: ${issue.selector}`)
    }
    assert.deepEqual(found, [])
  })
})
