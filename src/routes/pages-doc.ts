import * as v from 'valibot'
import { notModified, problem, type HeaderName, type ResponseDoc, type RouteDoc } from '../lib/route-doc'
import { cardImageQuery, cardPageQuery } from '../card/query'

const html = (description: string, headers: HeaderName[]): ResponseDoc => ({ description, content: { 'text/html': { schema: v.string() } }, headers })
const script = (description: string): ResponseDoc => ({ description, content: { 'text/javascript': { schema: v.string() } }, headers: ['ETag', 'ScriptCacheControl'] })
const page = (doc: Omit<RouteDoc, 'method'>): RouteDoc => ({ method: 'get', ...doc })

const CARD_HEADERS: HeaderName[] = ['ETag', 'CacheControl', 'ContentLanguage', 'Vary']

/** The HTML pages, images and scripts, so /openapi.json shows every route. */
export const pageDocs: RouteDoc[] = [
  page({
    path: '/card',
    operationId: 'getCardPage',
    summary: 'The card as a page, for iframes (no JavaScript needed)',
    description:
      'The card rendered on the server, complete without JavaScript, for the iframe embed: it may be framed by any site. ' +
      'Parameters it does not know (a CMS\'s or Pym.js\'s own) are ignored; a bad or repeated known one is a small 400 page.',
    tag: 'pages',
    request: { query: cardPageQuery },
    responses: {
      200: html('The card', [...CARD_HEADERS, 'OEmbedLink']),
      304: notModified('ContentLanguage', 'Vary'),
      400: html('A small page naming the bad parameters and their allowed values, or a colour that fails WCAG AA contrast', ['ProblemCacheControl']),
    },
  }),
  ...(
    [
      ['/card.png', 'getCardImage', 'The card as PNG at 2× device pixels, for <img> in newsletters and print'],
      ['/share.png', 'getShareImage', "The card's 1200×630 share image, for link previews"],
    ] as const
  ).map(([path, operationId, what]) =>
    page({
      path,
      operationId,
      summary: what,
      description:
        `${what}. Takes /card's parameters with /card's rules (theme=auto draws light) and redirects to the file drawn at build time: ` +
        'the address stays, the file behind it is immutable. The redirect is cached like the API\'s answers.',
      tag: 'images',
      request: { query: cardImageQuery },
      responses: {
        302: { description: 'Found: the image file is at Location', headers: ['ImageLocation', ...CARD_HEADERS] },
        304: notModified('ContentLanguage', 'Vary'),
        400: problem('A parameter is not one of the allowed values, or is given twice, or is a style (images come in light and dark only)'),
      },
    }),
  ),
  page({
    path: '/source',
    operationId: 'getSourcePage',
    summary: 'The source document as a page',
    description: 'The press release byte for byte, every evidence span marked: /source#<fact-id> lands on the span of that fact and highlights it.',
    tag: 'pages',
    responses: { 200: html('The source document', ['ETag', 'CacheControl', 'SourceLanguage']), 304: notModified('SourceLanguage') },
  }),
  page({
    path: '/',
    operationId: 'getHome',
    summary: "The publisher's page: live preview and snippet builder",
    description: 'Previews the card in each language, theme and variant and writes the script, iframe and newsletter snippets for it; works without JavaScript.',
    tag: 'pages',
    responses: { 200: html('The page', ['ETag', 'CacheControl']), 304: notModified() },
  }),
  page({
    path: '/embed.js',
    operationId: 'getEmbedScript',
    summary: 'The script embed: defines <xiaomi-ev-card>',
    description: 'Defines the <xiaomi-ev-card> element, which fetches GET /v1/card from this origin and renders it in a shadow root. /embed.<hash>.js is the same bytes, immutable, for Subresource Integrity.',
    tag: 'embed',
    responses: { 200: script('The script; /embed.<hash>.js is immutable'), 304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] } },
  }),
  page({
    path: '/resize.js',
    operationId: 'getResizeScript',
    summary: 'Optional parent script that sizes /card iframes to their content',
    description: 'For the iframe embed: sizes each of our /card iframes to its card from height messages it accepts only from our origin and from that very frame, and fires xiaomi-ev-card:load on it.',
    tag: 'embed',
    responses: { 200: script('The script'), 304: { ...notModified(), headers: ['ETag', 'ScriptCacheControl'] } },
  }),
]
