import { Hono } from 'hono'
import { imageEtag, imageFile, type Shape } from '../card/images'
import { CACHE_CONTROL } from '../lib/cached'
import { languageHeaders, resolveLang } from '../lib/params'
import { problemResponse } from '../lib/problem'
import { cardPageQuery } from './card-page'

// /card.png and /share.png: stable addresses for the card's images, with /card's parameters and
// /card's rules (unknown parameters ignored, each known one at most once). The images are
// static files drawn at build time (scripts/images.mjs); these routes only say which one, with
// a redirect the client may cache as long as the API's answers, to a file cached for a year.
const PARAMS = ['lang', 'variant', 'fact', 'theme'] as const

function imageRoute(shape: Shape) {
  return async (c: import('hono').Context) => {
    const params = new URL(c.req.url).searchParams
    const known = PARAMS.filter((k) => params.has(k))
    const parsed = cardPageQuery.safeParse(Object.fromEntries(known.map((k) => [k, params.get(k)])))
    const invalidParams = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? 'query'), reason: i.message }))
    for (const k of known) if (params.getAll(k).length > 1) invalidParams.push({ name: k, reason: `${k} may be given once` })
    if (!parsed.success || invalidParams.length) {
      return problemResponse(c, {
        status: 400,
        title: 'Bad Request',
        detail: invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; '),
        invalidParams,
      })
    }
    const q = parsed.data
    const lang = resolveLang(c, q.lang)
    const file = imageFile(shape, lang, q.variant, q.fact, q.theme)
    const etag = imageEtag(file)
    const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, ...languageHeaders(lang) }
    const inm = c.req.header('If-None-Match')
    if (inm && inm.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      return new Response(null, { status: 304, headers })
    }
    return new Response(null, { status: 302, headers: { Location: new URL(file.path, c.req.url).href, ...headers } })
  }
}

export const cardImage = new Hono().get('/card.png', imageRoute('card')).get('/share.png', imageRoute('share'))
