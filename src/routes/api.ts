import { conditional } from '../lib/cache-policy'
import { family } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { card, cardDoc } from './card'
import { cardFragment, cardFragmentDoc } from './card-fragment'
import { facts, listDoc, oneDoc } from './facts'
import { oembed, oembedDoc } from './oembed'
import { openApi, openApiDoc } from './openapi'
import { sourceApi, sourceDoc } from './source'

/** The JSON API, the server-side card and oEmbed, all described in /openapi.json (src/openapi.ts). */
export const api = family(
  { paths: ['/v1/*', '/openapi.json', '/oembed'], use: [apiSecurity, publicCors, conditional] },
  facts,
  card,
  cardFragment,
  sourceApi,
  oembed,
  openApi,
)

/** What /openapi.json says of them (src/openapi.ts, at build time; the worker bundle drops it). */
export const apiDocs = () => [listDoc(), oneDoc(), cardDoc(), cardFragmentDoc(), sourceDoc(), oembedDoc(), openApiDoc()]
