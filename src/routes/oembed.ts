import { createRoute, z } from '@hono/zod-openapi'
import { cardHeight } from '../../widget/card-model'
import { IFRAME_STYLE, cardUrl } from '../../widget/snippets'
import { buildCard } from '../card/model'
import { imageFile } from '../card/images'
import { memoized, respondCached } from '../lib/cached'
import { matchLang } from '../lib/lang'
import { apiRouter, notModified, problem, strictQuery } from '../lib/params'
import { problemResponse } from '../lib/problem'
import { cardPageQuery } from './card-page'

const MAX_WIDTH = 640 // the card's own max-width
const CACHE_AGE = 86400

const dimension = (name: string) =>
  z
    .string({ error: `${name} must be a whole number of pixels from 1 to 10000` })
    .regex(/^\d{1,5}$/, { error: `${name} must be a whole number of pixels from 1 to 10000` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10000, { error: `${name} must be a whole number of pixels from 1 to 10000` })
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'integer' })

const OEmbed = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.number().int(),
    html: z.string().openapi({ description: 'A bare <iframe>, which CMS sanitizers keep.' }),
    width: z.number().int(),
    height: z.number().int(),
    thumbnail_url: z.string().openapi({ description: "The card's 1200×630 share image (PNG, immutable)." }),
    thumbnail_width: z.number().int(),
    thumbnail_height: z.number().int(),
  })
  .openapi('OEmbed')

const route = createRoute({
  method: 'get',
  path: '/oembed',
  summary: 'oEmbed 1.0 for card pages (/card?…)',
  request: {
    query: strictQuery({
      url: z
        .string({ error: 'url is required: the address of a card page, such as https://HOST/card?lang=en' })
        .max(2000, { error: 'url must be at most 2000 characters' })
        .openapi({ param: { name: 'url', in: 'query', required: true } }),
      format: z
        .string({ error: 'format must be json or xml' })
        .max(20, { error: 'format must be json or xml' })
        .optional()
        .openapi({ param: { name: 'format', in: 'query' }, description: 'json (default) or xml; anything else is 501 as oEmbed specifies.' }),
      maxwidth: dimension('maxwidth'),
      maxheight: dimension('maxheight'),
    }),
  },
  responses: {
    200: {
      description: 'The embed',
      content: { 'application/json': { schema: OEmbed }, 'text/xml': { schema: z.string() } },
    },
    304: notModified,
    400: problem('A parameter is malformed'),
    404: problem('url is not one of our card pages'),
    501: problem('The requested format is not supported'),
  },
})

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)

export const oembed = apiRouter().openapi(route, (c) => {
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
  const card = cardPageQuery.safeParse(params)
  if (!card.success || [...target.searchParams.keys()].length !== Object.keys(params).length) return notOurs()

  const { variant, fact, theme } = card.data
  const lang = matchLang(card.data.lang ?? 'en')!
  const width = Math.min(q.maxwidth ?? MAX_WIDTH, MAX_WIDTH)
  const height = Math.min(q.maxheight ?? cardHeight(variant, lang), cardHeight(variant, lang))
  const key = `oembed|${origin}|${lang}|${variant}|${fact ?? ''}|${theme}|${width}|${height}|${format}`
  const entry = memoized(key, () => {
    const model = buildCard(lang, variant, fact)
    const src = cardUrl({ origin, lang, variant, fact, theme })
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
  return respondCached(c, entry, format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8') as never
})
