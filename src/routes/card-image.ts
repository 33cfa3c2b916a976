import { Hono } from 'hono'
import { imageEtag, imageFile, type Shape } from '../card/catalogue'
import { cacheHeaders } from '../lib/cache-policy'
import { holdsEtag } from '../lib/cache'
import { invalidParamsProblem, languageHeaders, resolveLang } from '../lib/params'
import { parseCardPageQuery } from '../card/query'
import { STYLE_PARAMS } from '../../widget/card-style'

export const IMAGE_STYLE_HELP = 'images are drawn at build time in the light and dark themes only; a custom style is for /card, embed.js and /v1/card.html'

// /card.png and /share.png: stable addresses for the card's images, with /card's parameters and
// /card's rules (unknown parameters ignored, each known one at most once). The images are
// static files drawn at build time (scripts/images.mjs); these routes only say which one, with
// a redirect the client may cache as long as the API's answers, to a file cached for a year.
function imageRoute(shape: Shape) {
  return async (c: import('hono').Context) => {
    const parsed = parseCardPageQuery(new URL(c.req.url).searchParams)
    if (!parsed.success) return invalidParamsProblem(c, parsed.problems)
    const q = parsed.query
    const styled = STYLE_PARAMS.filter((name) => q[name] !== undefined)
    if (styled.length) return invalidParamsProblem(c, styled.map((name) => ({ name, reason: IMAGE_STYLE_HELP })))
    const chosen = resolveLang(c, q.lang)
    const file = imageFile(shape, chosen.lang, q.variant, q.fact, q.theme)
    const etag = imageEtag(file)
    const headers = { ETag: etag, ...cacheHeaders, ...languageHeaders(chosen) }
    if (holdsEtag(c, etag)) return new Response(null, { status: 304, headers })
    return new Response(null, { status: 302, headers: { Location: new URL(file.path, c.req.url).href, ...headers } })
  }
}

export const cardImage = new Hono().get('/card.png', imageRoute('card')).get('/share.png', imageRoute('share'))
