import { etags } from '../lib/cache-policy'
import { routeFamily } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { cardImage } from './card-image'
import { iconFiles } from './icons'
import { cardSheet, scripts } from './scripts'

/** What other sites load from us: the widget scripts, the icons, and the card's PNG addresses
 *  (redirects to /img/*, which asset routing serves without the worker: wrangler.toml [assets]). */
export const assets = routeFamily({ use: [apiSecurity, publicCors, etags] }, scripts, cardSheet, iconFiles, cardImage)
