import { etags } from '../lib/cache-policy'
import { routeFamily } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { card } from './card'
import { cardFragment } from './card-fragment'
import { facts } from './facts'
import { oembed } from './oembed'
import { openApi } from './openapi'
import { sourceApi } from './source'

/** The JSON API, the server-side card and oEmbed, all described in /openapi.json (src/openapi.ts). */
export const api = routeFamily(
  { paths: ['/v1/*', '/openapi.json', '/oembed'], use: [apiSecurity, publicCors, etags] },
  facts,
  card,
  cardFragment,
  sourceApi,
  oembed,
  openApi,
)
