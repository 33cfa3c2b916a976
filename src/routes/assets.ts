import { conditional } from '../lib/cache-policy'
import { family } from '../lib/family'
import { apiSecurity, publicCors } from '../lib/headers'
import { cardImage } from './card-image'
import { iconFiles } from './icons'
import { cardSheet, scripts } from './scripts'

/** What other sites load from us: the widget scripts, the icons, and the card's PNG addresses
 *  (redirects to /img/*, which asset routing serves without the worker: wrangler.toml [assets]). */
export const assets = family({ use: [apiSecurity, publicCors, conditional] }, scripts, cardSheet, iconFiles, cardImage)
