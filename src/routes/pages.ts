import { conditional } from '../lib/cache-policy'
import { family } from '../lib/family'
import { publicCors } from '../lib/headers'
import { cardPage, cardPageDoc } from './card-page'
import { home, homeDoc } from './home'
import { sourcePage, sourcePageDoc } from './source-page'

/** The HTML pages: the card for iframes, the source document, the publisher's page. Each sets up its own security (pageSecurity: its CSP). */
export const pages = family({ use: [publicCors, conditional] }, cardPage, sourcePage, home)

/** What /openapi.json says of them (src/openapi.ts, at build time; the worker bundle drops it). */
export const pageDocs = () => [cardPageDoc(), sourcePageDoc(), homeDoc()]
