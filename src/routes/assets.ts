import { etags } from '../lib/cache-policy'
import { routeFamily } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { cardImage } from './card-image'

/** The card's PNG addresses: redirects to /img/*, which asset routing serves without the worker
 *  (wrangler.toml [assets]), like the widget scripts, the stylesheet and the icons. */
export const assets = routeFamily({ use: [apiSecurity, publicCors, etags] }, cardImage)
