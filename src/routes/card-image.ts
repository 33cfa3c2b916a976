import { Hono } from 'hono'
import { imageEtag, imageFile, resolveCard, type Shape } from '../card/catalogue'
import { cacheHeaders } from '../lib/cache-policy'
import { holdsEtag } from '../lib/cache'
import { invalidParamsProblem, languageHeaders } from '../lib/params'
import { STYLE_PARAMS } from '../../widget/card-style'
import { CARD_HEADERS, notModified, problem, type RouteDoc } from '../lib/route-doc'
import { cardImageQuery, parseCardPageQuery } from '../card/query'

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
    const chosen = resolveCard(c, q)
    const file = imageFile(chosen.card, shape, q.theme)
    const etag = imageEtag(file)
    const headers = { ETag: etag, ...cacheHeaders, ...languageHeaders(chosen) }
    if (holdsEtag(c, etag)) return new Response(null, { status: 304, headers })
    return new Response(null, { status: 302, headers: { Location: new URL(file.path, c.req.url).href, ...headers } })
  }
}

export const cardImage = new Hono().get('/card.png', imageRoute('card')).get('/share.png', imageRoute('share'))

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const imageDocs = (): RouteDoc[] =>
  (
    [
      ['/card.png', 'getCardImage', 'The card as PNG at 2× device pixels, for <img> in newsletters and print'],
      ['/share.png', 'getShareImage', "The card's 1200×630 share image, for link previews"],
    ] as const
  ).map(([path, operationId, what]) => ({
    method: 'get',
    path,
    operationId,
    summary: what,
    description:
      `${what}. Takes /card's parameters with /card's rules (theme=auto draws light) and redirects to the file drawn at build time: ` +
      "the address stays, the file behind it is immutable. The redirect is cached like the API's answers.",
    tag: 'images',
    request: { query: cardImageQuery },
    responses: {
      302: { description: 'Found: the image file is at Location', headers: ['ImageLocation', ...CARD_HEADERS] },
      304: notModified('ContentLanguage', 'Vary'),
      400: problem('A parameter is not one of the allowed values, or is given twice, or is a style (images come in light and dark only)'),
    },
  }))
