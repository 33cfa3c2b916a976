import { cors } from 'hono/cors'
import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'

// Cloudflare serves the worker over HTTPS only: two years, every subdomain, and ready for the
// browsers' preload lists, on every response (scripts, images, 404s and 5xx too).
export const HSTS = 'max-age=63072000; includeSubDomains; preload'
export const transportSecurity = createMiddleware(async (c, next) => {
  await next()
  c.res.headers.set('Strict-Transport-Security', HSTS)
})

// JSON and problem documents load nothing and are never framed: the usual API policy, so a
// response rendered as a page by mistake can run nothing.
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"

// Public, read-only data: any origin may read it, nobody may send credentials. A page's script
// sees only CORS-safelisted headers unless told: the ETag (for its own conditional requests), and the
// Content-Digest, Signature-Input and Signature a script on another origin verifies an answer by
// (docs/provenance.md), are what a caller acts on.
export const publicCors = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  exposeHeaders: ['ETag', 'Content-Digest', 'Signature-Input', 'Signature'],
  maxAge: 86400,
})

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
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: false, // transportSecurity, on every response
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xXssProtection: false,
  xPermittedCrossDomainPolicies: false,
  originAgentCluster: false,
})
