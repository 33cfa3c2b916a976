import * as v from 'valibot'
import { Hono } from 'hono'
import { render } from 'preact-render-to-string'
// Minified from widget/card.css by scripts/build.mjs, byte for byte what embed.js carries.
import cardCss from '../../dist/card.css'
import sheets from '../../dist/pages.json'
import { Card } from '../../widget/Card'
import { styleDeclarations } from '../../widget/card-style'
import { cardUrl, escape, reserveStyle } from '../../widget/snippets'
import { resolveCard } from '../card/catalogue'
import { cardFragmentQuery } from '../card/query'
import { pickStyle } from '../card/style'
import { languageHeaders, valid } from '../lib/params'
import { respondHtml } from '../lib/pages'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'

export const cardFragmentDoc = (): RouteDoc => ({
  method: 'get',
  path: '/v1/card.html',
  operationId: 'getCardFragment',
  summary: 'The finished card as an HTML fragment, for a server to put in its page',
  description:
    '<xiaomi-ev-card> holding a declarative shadow root (the card and its CSS, shown with no script) and, for browsers without one, ' +
    'a link to /card. embed.js on the same page takes it over as it is. stylesheet=link puts a <link> to the immutable card stylesheet ' +
    'in place of the inline <style>, for a host page whose CSP allows no inline style element. ' +
    'Takes /v1/card\'s parameters, plus /card\'s theme and style.',
  tag: 'card',
  request: { query: cardFragmentQuery },
  responses: {
    200: { description: 'The fragment', content: { 'text/html': { schema: v.string() } }, headers: ['ETag', 'CacheControl', 'ContentLanguage', 'Vary'] },
    304: notModified('ContentLanguage', 'Vary'),
    400: problem('A parameter is not one of the allowed values, or is unknown, or a colour fails WCAG AA contrast'),
  },
})

export const cardFragment = new Hono().get('/v1/card.html', valid('query', cardFragmentQuery), (c) => {
  const q = c.req.valid('query')
  const chosen = resolveCard(c, q)
  const { lang, fact } = chosen
  const origin = new URL(c.req.url).origin
  // On the element, not in the shadow root's sheet: it stays when embed.js later redraws the card,
  // and the host page's own rules on the element still win over it. Then the card's box, as the
  // script snippet reserves it: laid out as a block of its height however the HTML arrives.
  const look = styleDeclarations(pickStyle(q))
  const style = [look, reserveStyle(q.variant)].filter(Boolean).join(';')
  return respondHtml(
    c,
    `card-fragment|${origin}|${lang}|${q.variant}|${fact ?? ''}|${q.theme}|${style}|${q.stylesheet}`,
    () => {
      const { model } = chosen.card
      // The attributes the card was drawn from, lang resolved: embed.js reads the same card from them.
      const attrs = [`lang="${lang}"`, `variant="${q.variant}"`, `theme="${q.theme}"`]
      if (q.fact) attrs.push(`fact="${escape(q.fact)}"`)
      attrs.push(`style="${escape(style)}"`)
      const props = { model, theme: q.theme, origin }
      const card = render(<Card {...props} />)
      // The props beside the card, for embed.js to hydrate it with (widget/embed.tsx): a data
      // block, never run, its '<' escaped so no text in it can close the script.
      const data = `<script type="application/json">${JSON.stringify(props).replace(/</g, '\\u003c')}</script>`
      const link = `<a href="${escape(cardUrl({ origin, lang, variant: q.variant, fact, theme: q.theme }))}">${escape(model.headline)}</a>`
      // link: for a host whose CSP allows no inline <style> (docs/theming.md says why not a nonce).
      const sheet = q.stylesheet == 'link' ? `<link rel="stylesheet" href="${origin}${sheets.cardSheet.path}">` : `<style>${cardCss}</style>`
      return `<xiaomi-ev-card ${attrs.join(' ')}><template shadowrootmode="open">${sheet}${card}${data}</template>${link}</xiaomi-ev-card>`
    },
    // Opened on its own, it is a document of ours: nothing in it may run or load.
    { ...languageHeaders(chosen), 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  )
})
