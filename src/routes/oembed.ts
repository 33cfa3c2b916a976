import * as v from 'valibot'
import { Hono } from 'hono'
import { IFRAME_STYLE, cardUrl } from '../../widget/snippets'
import { DEFAULT_LANG, type CardModel } from '../../widget/card-model'
import { cardOf, heightAt, imageFile } from '../card/catalogue'
import { factSet } from '../data'
import { respond } from '../lib/cache'
import { valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'
import { problemResponse } from '../lib/problem'
import { parseCardPageQuery } from '../card/query'
import { pickStyle } from '../card/style'
import { styleDeclarations } from '../../widget/card-style'

const MAX_WIDTH = 640 // the card's own max-width
const CACHE_AGE = 86400

const dimension = (name: string) => {
  const help = `${name} must be a whole number of pixels from 1 to 10000`
  return v.optional(
    v.pipe(v.string(help), v.regex(/^\d{1,5}$/, help), v.transform(Number), v.check((n) => n >= 1 && n <= 10000, help)),
  )
}

export const OEmbed = v.object({
  version: v.literal('1.0'),
  type: v.literal('rich'),
  title: v.string(),
  provider_name: v.string(),
  provider_url: v.string(),
  cache_age: v.pipe(v.number(), v.integer()),
  html: v.pipe(
    v.string(),
    v.description(
      "A <blockquote> with the card's headline, date and key figures as text and a link, then the <iframe>: " +
        "what WordPress's sanitizer keeps, and what makes it load its resizer (wp-embed.js).",
    ),
  ),
  width: v.pipe(v.number(), v.integer()),
  height: v.pipe(v.number(), v.integer()),
  author_name: v.pipe(v.string(), v.description('Who made the statements the card gives: the publisher of its source.')),
  author_url: v.pipe(v.string(), v.description('That source, on this site (/source).')),
  thumbnail_url: v.pipe(v.string(), v.description("The card's 1200×630 share image (PNG, immutable).")),
  thumbnail_width: v.pipe(v.number(), v.integer()),
  thumbnail_height: v.pipe(v.number(), v.integer()),
})

const URL_HELP = 'url is required: the address of a card page, such as https://HOST/card?lang=en'
// Not strict: consumers add their own parameters (WordPress `dnt`, Embedly `key`, `discover`),
// and refusing them refused the embed. The ones we know are checked as strictly as before.
const oembedParams = {
  url: v.pipe(v.string(URL_HELP), v.maxLength(2000, 'url must be at most 2000 characters')),
  format: v.optional(
    v.pipe(
      v.string('format must be json or xml'),
      v.maxLength(20, 'format must be json or xml'),
      v.description('json (default) or xml; anything else is 501 as oEmbed specifies.'),
    ),
  ),
  maxwidth: dimension('maxwidth'),
  maxheight: dimension('maxheight'),
}
// A missing parameter gets its own schema's message (url's says what is required).
const oembedQuery = v.object(oembedParams, (issue) =>
  String((oembedParams[String(issue.path?.[0]?.key) as keyof typeof oembedParams] as { message?: unknown })?.message ?? URL_HELP),
)

// A function, so the worker bundle drops it: a call at module level (problem(), notModified()) would keep it.
export const oembedDoc = (): RouteDoc => ({
  method: 'get',
  path: '/oembed',
  operationId: 'getOEmbed',
  summary: 'oEmbed 1.0 for card pages (/card?…)',
  description:
    'The oEmbed answer for one of our /card pages, as WordPress, Ghost and other consumers ask for it: the card\'s facts as text in a ' +
    '<blockquote>, then an <iframe> as tall as the card is at that width (within maxwidth and maxheight), and the share image as thumbnail. ' +
    'Parameters a consumer adds of its own (dnt, discover) are ignored. Every /card page advertises it with discovery links.',
  tag: 'embed',
  request: { query: oembedQuery },
  responses: {
    200: {
      description: 'The embed, as JSON (format=json, the default) or XML (format=xml)',
      content: { 'application/json': { schema: OEmbed }, 'text/xml': { schema: v.string() } },
      headers: ['ETag', 'CacheControl'],
    },
    304: notModified(),
    400: problem('A known parameter is malformed or repeated, or url is missing'),
    404: problem('url is not one of our card pages'),
    501: problem('The requested format is not supported, as oEmbed specifies', ['ErrorCacheControl']),
  },
})

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)

/** What a reader sees where the frame is not shown (WordPress until wp-embed.js reveals it, feeds,
 *  email): the card's facts as text. Only text and one <a href>: all WordPress's sanitizer keeps. */
function blockquote(model: CardModel, facts: string, href: string) {
  return `<blockquote><a href="${escapeXml(href)}">${escapeXml(model.headline)}</a> ${escapeXml(facts)}</blockquote>`
}

export const oembed = new Hono().get('/oembed', valid('query', oembedQuery), (c) => {
  const q = c.req.valid('query')
  const format = q.format ?? 'json'
  if (format !== 'json' && format !== 'xml') {
    return problemResponse(c, { status: 501, title: 'Not Implemented', detail: 'format must be json or xml' })
  }
  const origin = new URL(c.req.url).origin
  const notOurs = () =>
    problemResponse(c, {
      status: 404,
      title: 'Not Found',
      detail: `url must be a card page of this site: ${origin}/card with optional lang, variant, fact and theme`,
    })
  let target: URL
  try {
    target = new URL(q.url)
  } catch {
    return notOurs()
  }
  if (target.origin !== origin || target.pathname !== '/card' || target.username || target.password) return notOurs()
  // The card's own rules: a URL that /card would refuse is not one of our cards.
  const card = parseCardPageQuery(target.searchParams)
  if (!card.success) return notOurs()

  // A card URL names its language, or is the default language's: a URL means one card for everyone.
  const { variant, fact, theme, lang = DEFAULT_LANG } = card.query
  const entry = cardOf(lang, variant, fact)
  const width = Math.min(q.maxwidth ?? MAX_WIDTH, MAX_WIDTH)
  const needed = heightAt(entry, width)
  const height = Math.min(q.maxheight ?? needed, needed)
  // The publisher's style rides along to the iframe's /card (the thumbnail keeps its build-time theme).
  const style = pickStyle(card.query)
  const key = `oembed|${origin}|${lang}|${variant}|${fact ?? ''}|${theme}|${styleDeclarations(style)}|${width}|${height}|${format}`
  const build = () => {
    const { model } = entry
    const src = cardUrl({ origin, lang, variant, fact, theme, style })
    const title = model.headline
    const html = `${blockquote(model, entry.facts, src)}<iframe src="${escapeXml(src)}" title="${escapeXml(model.ui.label)}" width="${width}" height="${height}" style="${IFRAME_STYLE}"></iframe>`
    const thumbnail = imageFile(entry, 'share', theme)
    const body = {
      version: '1.0', type: 'rich', title, provider_name: 'xiaomi-ev-card', provider_url: origin, cache_age: CACHE_AGE, html, width, height,
      author_name: factSet.source.publisher, author_url: `${origin}/source`,
      thumbnail_url: origin + thumbnail.path, thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height,
    } as const
    if (format === 'json') return JSON.stringify(body)
    const fields = Object.entries(body).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join('')}</oembed>`
  }
  // The body is built and cached as text; its JSON type is the OEmbed schema above.
  return respond(c, key, build, format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
})
