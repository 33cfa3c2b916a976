import type { Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { respond } from './cache'

// HTML pages use no powerful feature at all: say so, so a compromised page could not either.
export const pageSecurity = secureHeaders({
  xFrameOptions: false, // framing is decided per page by CSP frame-ancestors
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginOpenerPolicy: false,
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false, // transportSecurity (src/lib/headers.ts), on every response
  permissionsPolicy: {
    camera: [], microphone: [], geolocation: [], payment: [], usb: [], serial: [],
    accelerometer: [], gyroscope: [], magnetometer: [], fullscreen: [], autoplay: [], displayCapture: [],
    browsingTopics: [], clipboardRead: [], clipboardWrite: ['self'],
  },
})

// One spelling for every page, 200 or 400 (c.html() would write charset=UTF-8).
export const HTML_TYPE = 'text/html; charset=utf-8'

/** An HTML page built once per key, with its CSP and ETag. */
export const respondHtml = (c: Context, key: string, build: () => string, headers: Record<string, string>) =>
  respond(c, key, build, HTML_TYPE, headers)
