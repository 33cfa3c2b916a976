import * as v from 'valibot'
import { notModified, problem, type ResponseDoc, type RouteDoc } from '../lib/route-doc'
import { cardImageQuery, cardPageQuery } from './card-page'

const html = (description: string): ResponseDoc => ({ description, content: { 'text/html': { schema: v.string() } } })
const script = (description: string): ResponseDoc => ({ description, content: { 'text/javascript': { schema: v.string() } } })
const page = (path: string, summary: string, responses: RouteDoc['responses'], request?: RouteDoc['request']): RouteDoc => ({
  method: 'get', path, summary, tags: ['pages'], ...(request && { request }), responses,
})

/** The HTML pages and scripts, so /openapi.json shows every route. */
export const pageDocs: RouteDoc[] = [
  page('/card', 'The card as a page, for iframes (no JavaScript needed)', {
    200: html('The card'),
    304: notModified,
    400: html('A small page naming the bad parameters and their allowed values, or a colour that fails WCAG AA contrast'),
  }, { query: cardPageQuery }),
  ...(
    [
      ['/card.png', 'The card as PNG at 2× device pixels, for <img> in newsletters and print'],
      ['/share.png', "The card's 1200×630 share image, for link previews"],
    ] as const
  ).map(([path, what]) =>
    page(path, `${what}: redirects to the immutable file drawn at build time`, {
      302: { description: 'Location: /img/<shape>-<hash>.png (image/png, cached for a year)' },
      304: notModified,
      400: problem('A parameter is not one of the allowed values, or is given twice, or is a style (images come in light and dark only)'),
    }, { query: cardImageQuery }),
  ),
  page('/source', 'The source document, each evidence span marked as /source#<fact-id>', { 200: html('The source document') }),
  page('/', "The publisher's page: live preview and snippet builder", { 200: html('The page') }),
  page('/embed.js', 'The script embed: defines <xiaomi-ev-card>', { 200: script('Short cache; /embed.<hash>.js is immutable') }),
  page('/resize.js', 'Optional parent script that sizes /card iframes to their content', { 200: script('The script') }),
]
