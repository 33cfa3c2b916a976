// pa11y, as accessibility reviewers run it (WCAG2AA, its HTML_CodeSniffer and axe runners), in
// Debian's Chromium, on our own pages in every language: 0 errors. pa11y counts axe's "needs
// review" results as errors, so each is fixed at its cause, not ignored.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import pa11y from 'pa11y'
import puppeteer from 'puppeteer-core'
import { CHROMIUM_ARGS, startWorker } from '../browser/harness.mjs'

let worker, langs, browser
before(async () => {
  worker = await startWorker()
  // One Chromium for every page (pa11y opens a page of its own in it each run), not a launch a run.
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  // The languages the API serves, as its document names them.
  langs = (await (await fetch(`${worker.origin}/openapi.json`)).json()).components.schemas.Card.properties.lang.enum
})
after(async () => {
  await browser?.close()
  worker?.stop()
})

// The framed card on / is tested as /card itself: axe in pa11y cannot run inside a frame whose CSP
// forbids inline script (frame-tested asks a reviewer to look; /card is that look, below).
const IGNORE = { '/': ['frame-tested'] }

describe('pa11y (WCAG2AA, htmlcs and axe)', () => {
  const pages = () => ['/', '/source', ...langs.flatMap((lang) => ['compact', 'full', 'stat'].map((variant) => `/card?lang=${lang}&variant=${variant}`))]
  it('finds no error on /, /source and /card in every language and variant', { timeout: 600_000 }, async () => {
    const found = []
    for (const path of pages()) {
      // Both runners on one load of the page; each issue says which runner found it.
      const result = await pa11y(worker.origin + path, {
        standard: 'WCAG2AA',
        runners: ['htmlcs', 'axe'],
        timeout: 120_000,
        ignore: IGNORE[path] ?? [],
        browser,
      })
      for (const issue of result.issues.filter((i) => i.type == 'error')) found.push(`${path} [${issue.runner}] ${issue.code}: ${issue.selector}`)
    }
    assert.deepEqual(found, [])
  })
})
