import { etags } from '../lib/cache-policy'
import { routeFamily } from '../lib/family'
import { publicCors } from '../lib/headers'
import { cardPage } from './card-page'
import { home } from './home'
import { sourcePage } from './source-page'

/** The HTML pages: the card for iframes, the source document, the publisher's page. Each sets up its own security (pageSecurity: its CSP). */
export const pages = routeFamily({ use: [publicCors, etags] }, cardPage, sourcePage, home)
