import { Hono } from 'hono'
import { etags } from '../lib/cache-policy'
import { routeFamily } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { SIGNED_PATHS, signatures } from '../lib/signature'
import { card } from './card'
import { cardFragment } from './card-fragment'
import { facts } from './facts'
import { oembed } from './oembed'
import { DIRECTORY_PATH, SIGNING, signingKeyDirectory } from './signing-keys'
import { sourceApi } from './source'

/** The JSON API, the server-side card and oEmbed, all described in /openapi.json (src/openapi.ts,
 *  a static asset); unsigned (bench/signing.mjs measures the signatures against it). */
export const apiRoutes = routeFamily(
  { paths: ['/v1/*', '/oembed', DIRECTORY_PATH], use: [apiSecurity, publicCors, etags] },
  facts,
  card,
  cardFragment,
  sourceApi,
  oembed,
  signingKeyDirectory,
)

// The answers a reader may verify are signed outside everything else (docs/provenance.md), so the
// signature covers the status and headers as sent: a 304 made inside is left unsigned.
export const api = new Hono()
const signed = signatures(SIGNING)
for (const path of SIGNED_PATHS) api.use(path, signed)
api.route('/', apiRoutes)
