import type { Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { respond } from './cache'

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>
type Csp = NonNullable<SecureHeadersOptions['contentSecurityPolicy']>

// A page loads nothing but its own hashed stylesheet and same-origin scripts and images, and is
// framed by nobody, unless it says otherwise (`csp`).
const PAGE_CSP: Csp = {
  defaultSrc: ["'none'"],
  styleSrc: [],
  scriptSrc: ["'self'"],
  imgSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** A page's security headers, set up once per page. It uses no powerful feature at all, and says
 *  so, so a compromised page could not either. Framing is decided by CSP frame-ancestors. */
export const pageSecurity = (csp: Csp, options: Partial<SecureHeadersOptions> = {}) =>
  secureHeaders({
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false, // transportSecurity (src/lib/headers.ts), on every response
    permissionsPolicy: {
      camera: [], microphone: [], geolocation: [], payment: [], usb: [], serial: [],
      accelerometer: [], gyroscope: [], magnetometer: [], fullscreen: [], autoplay: [], displayCapture: [],
      browsingTopics: [], clipboardRead: [], clipboardWrite: ['self'],
    },
    contentSecurityPolicy: { ...PAGE_CSP, ...csp },
    ...options,
  })

// One spelling for every page, 200 or 400 (c.html() would write charset=UTF-8).
export const HTML_TYPE = 'text/html; charset=utf-8'

/** An HTML page built once per key, with its ETag. */
export const respondHtml = (c: Context, key: string, build: () => string, headers: Record<string, string> = {}) =>
  respond(c, key, build, HTML_TYPE, headers)
