import { conditional } from '../lib/cache-policy'
import { family } from '../lib/family'
import { publicCors } from '../lib/headers'
import { pageSecurity } from '../lib/pages'
import { cardPage } from './card-page'
import { home } from './home'
import { sourcePage } from './source-page'

/** The HTML pages: the card for iframes, the source document, the publisher's page. Each sets its own CSP. */
export const pages = family({ use: [pageSecurity, publicCors, conditional] }, cardPage, sourcePage, home)
