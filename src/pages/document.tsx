import type { ComponentChildren } from 'preact'
import { render } from 'preact-render-to-string'

interface DocumentProps {
  lang: string
  title: string
  /** Inline CSS; the page's CSP allows exactly this text by hash. */
  css: string
  head?: ComponentChildren
  /** Same-origin scripts; each only enhances a page that works without it. */
  scripts?: string[]
  children: ComponentChildren
}

export function Document({ lang, title, css, head, scripts = [], children }: DocumentProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {head}
        {/* Preact escapes text children, which would break CSS such as "a > b". */}
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        {children}
        {scripts.map((src) => (
          <script src={src} async key={src} />
        ))}
      </body>
    </html>
  )
}

export const renderDocument = (page: preact.VNode) => `<!doctype html>${render(page)}`

/** JSON inside <script>: "<" escaped so no value can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

const hashes = new Map<string, Promise<string>>()
/** 'sha256-…' for a CSP source list, computed once per distinct text. */
export function cspHash(text: string): Promise<string> {
  let hash = hashes.get(text)
  if (!hash) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((buf) => {
      let binary = ''
      for (const byte of new Uint8Array(buf)) binary += String.fromCharCode(byte)
      return `'sha256-${btoa(binary)}'`
    })
    hashes.set(text, hash)
  }
  return hash
}

/** A page's CSP: nothing but its own hashed styles and same-origin scripts. */
export const pageCsp = (styleHash: string, extra: Record<string, string> = {}) =>
  Object.entries({
    'default-src': "'none'",
    'style-src': styleHash,
    'script-src': "'self'",
    'img-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
    ...extra,
  })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')
