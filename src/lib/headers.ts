import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'

// Public, read-only data: any origin may read it, nobody may send credentials.
export const publicCors = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 })

// secureHeaders() defaults suit a same-origin app; every choice here is made for an embed.
// JSON is read cross-origin (CORP cross-origin) and never framed (DENY). The defaults that only
// govern documents (DNS prefetch, IE's download and XSS filters, Flash's cross-domain policy,
// origin-keyed agent clusters) do nothing for JSON, and each header costs every response:
// the HTML pages keep them (src/lib/pages.ts).
export const apiSecurity = secureHeaders({
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginOpenerPolicy: false,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xXssProtection: false,
  xPermittedCrossDomainPolicies: false,
  originAgentCluster: false,
})
