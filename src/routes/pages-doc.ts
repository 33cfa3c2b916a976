import { z, type OpenAPIHono } from '@hono/zod-openapi'
import { notModified, problem } from '../lib/params'
import { cardPageQuery } from './card-page'

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } })
const script = (description: string) => ({ description, content: { 'text/javascript': { schema: z.string() } } })

/** The HTML pages and scripts are plain Hono routes; list them so /openapi.json shows every route. */
export function documentPages(app: OpenAPIHono<any>) {
  const get = (path: string, summary: string, responses: Record<string, unknown>, request?: object) =>
    app.openAPIRegistry.registerPath({ method: 'get', path, summary, tags: ['pages'], ...(request && { request }), responses: responses as never })
  get('/card', 'The card as a page, for iframes (no JavaScript needed)', {
    200: html('The card'),
    304: notModified,
    400: html('A small page naming the bad parameters and their allowed values'),
  }, { query: cardPageQuery })
  for (const [path, what] of [['/card.png', 'The card as PNG at 2× device pixels, for <img> in newsletters and print'], ['/share.png', "The card's 1200×630 share image, for link previews"]]) {
    get(path, `${what}: redirects to the immutable file drawn at build time`, {
      302: { description: 'Location: /img/<shape>-<hash>.png (image/png, cached for a year)' },
      304: notModified,
      400: problem('A parameter is not one of the allowed values, or is given twice'),
    }, { query: cardPageQuery })
  }
  get('/source', 'The source document, each evidence span marked as /source#<fact-id>', { 200: html('The source document') })
  get('/', "The publisher's page: live preview and snippet builder", { 200: html('The page') })
  get('/embed.js', 'The script embed: defines <xiaomi-ev-card>', { 200: script('Short cache; /embed.<hash>.js is immutable') })
  get('/resize.js', 'Optional parent script that sizes /card iframes to their content', { 200: script('The script') })
}
