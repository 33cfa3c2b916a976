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

/** 'sha256-…' for a CSP source list: of a stylesheet with the caller's style in it (the constant
 *  ones are hashed at build time, dist/pages.json). */
export async function cspHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`
}
