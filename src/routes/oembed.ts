import * as v from 'valibot'
import { Hono } from 'hono'
import { cardHeight } from '../../widget/card-model'
import { IFRAME_STYLE, cardUrl } from '../../widget/snippets'
import { buildCard } from '../card/model'
import { imageFile } from '../card/images'
import { memoized, respondCached } from '../lib/cached'
import { matchLang } from '../lib/lang'
import { strictQuery, valid } from '../lib/params'
import { notModified, problem, type RouteDoc } from '../lib/route-doc'
import { problemResponse } from '../lib/problem'
import { cardPageQuery } from './card-page'
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
  html: v.pipe(v.string(), v.description('A bare <iframe>, which CMS sanitizers keep.')),
  width: v.pipe(v.number(), v.integer()),
  height: v.pipe(v.number(), v.integer()),
  thumbnail_url: v.pipe(v.string(), v.description("The card's 1200×630 share image (PNG, immutable).")),
  thumbnail_width: v.pipe(v.number(), v.integer()),
  thumbnail_height: v.pipe(v.number(), v.integer()),
})

const URL_HELP = 'url is required: the address of a card page, such as https://HOST/card?lang=en'
const oembedQuery = strictQuery({
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
})

export const oembedDoc: RouteDoc = {
  method: 'get',
  path: '/oembed',
  summary: 'oEmbed 1.0 for card pages (/card?…)',
  request: { query: oembedQuery },
  responses: {
    200: {
      description: 'The embed',
      content: { 'application/json': { schema: OEmbed }, 'text/xml': { schema: v.string() } },
    },
    304: notModified,
    400: problem('A parameter is malformed'),
    404: problem('url is not one of our card pages'),
    501: problem('The requested format is not supported'),
  },
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)

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
  const params = Object.fromEntries(target.searchParams)
  const card = v.safeParse(cardPageQuery, params)
  if (!card.success || [...target.searchParams.keys()].length !== Object.keys(params).length) return notOurs()

  const { variant, fact, theme } = card.output
  const lang = matchLang(card.output.lang ?? 'en')!
  const width = Math.min(q.maxwidth ?? MAX_WIDTH, MAX_WIDTH)
  const height = Math.min(q.maxheight ?? cardHeight(variant, lang), cardHeight(variant, lang))
  // The publisher's style rides along to the iframe's /card (the thumbnail keeps its build-time theme).
  const style = pickStyle(card.output)
  const key = `oembed|${origin}|${lang}|${variant}|${fact ?? ''}|${theme}|${styleDeclarations(style)}|${width}|${height}|${format}`
  const entry = memoized(key, () => {
    const model = buildCard(lang, variant, fact)
    const src = cardUrl({ origin, lang, variant, fact, theme, style })
    const title = model.headline
    const html = `<iframe src="${escapeXml(src)}" title="${escapeXml(model.ui.label)}" width="${width}" height="${height}" loading="lazy" style="${IFRAME_STYLE}"></iframe>`
    const thumbnail = imageFile('share', lang, variant, fact, theme)
    const body = {
      version: '1.0', type: 'rich', title, provider_name: 'xiaomi-ev-card', provider_url: origin, cache_age: CACHE_AGE, html, width, height,
      thumbnail_url: origin + thumbnail.path, thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height,
    } as const
    if (format === 'json') return JSON.stringify(body)
    const fields = Object.entries(body).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join('')}</oembed>`
  })
  // The body is built and cached as text; its JSON type is the OEmbed schema above.
  return respondCached(c, entry, format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
})
