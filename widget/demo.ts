// The publisher's page: keeps the preview and the snippets in step with the options, and
// makes the copy buttons work. Without it the form still works by reloading the page.
import { snippets, type SnippetOptions } from './snippets'
import { STYLE_PARAMS, contrastProblems, malformed, type CardStyle, type SchemeColors } from './card-style'

const config = JSON.parse(document.getElementById('demo-config')!.textContent!) as SnippetOptions & {
  schemes: { light: SchemeColors; dark: SchemeColors }
  /** The copy buttons' "Copied", in the page's language. */
  copied: string
}
const form = document.getElementById('options') as HTMLFormElement

function update() {
  const data = new FormData(form)
  const options: SnippetOptions = {
    ...config,
    lang: data.get('lang') as SnippetOptions['lang'],
    theme: data.get('theme') as SnippetOptions['theme'],
    variant: data.get('variant') as SnippetOptions['variant'],
    fact: data.get('fact') as string,
    style: look(data),
  }
  // The API's own rule: what it would refuse with a 400, said here before anyone pastes it.
  document.getElementById('contrast')!.textContent = contrastProblems(options.style!, options.theme, config.schemes)
    .map((p) => `${p.name}: ${p.reason}. `)
    .join('')
  const { paste, preview, png } = snippets(options)
  for (const area of document.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) {
    area.value = paste[area.dataset.snippet as keyof typeof paste]
  }
  document.getElementById('script-preview')!.innerHTML = preview.script
  document.getElementById('iframe-preview')!.innerHTML = preview.iframe
  document.getElementById('image-preview')!.innerHTML = preview.image
  applyStyles()
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-png]')) a.href = png[a.dataset.png as keyof typeof png]
  history.replaceState(null, '', `?${new URLSearchParams(data as unknown as Record<string, string>)}`)
}

/** The look as the form gives it: well-formed values only, the accent only when ticked. */
function look(data: FormData): CardStyle {
  const style: CardStyle = {}
  for (const name of STYLE_PARAMS) {
    const value = data.get(name) as string | null
    if (value && !malformed(name, value) && (name != 'accent' || data.getAll('custom').includes('accent'))) style[name] = value
  }
  return style
}

// This page's CSP allows only the snippets' fixed style attributes (by hash); a preview with the
// publisher's look carries others, so the same declarations go in through CSSOM, which CSP allows.
function applyStyles() {
  for (const el of document.querySelectorAll<HTMLElement>('.preview [style]')) el.style.cssText = el.getAttribute('style')!
}
applyStyles()

form.addEventListener('change', update)
form.addEventListener('input', update)
form.addEventListener('submit', (e) => {
  e.preventDefault()
  update()
})
;(document.getElementById('apply') as HTMLElement).hidden = true

document.addEventListener('click', async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-copy]')
  if (!button) return
  const area = document.getElementById(button.dataset.copy!) as HTMLTextAreaElement
  const status = document.querySelector(`[data-status="${button.dataset.copy}"]`)!
  try {
    await navigator.clipboard.writeText(area.value)
  } catch {
    // Clipboard API refused (insecure context, permissions): the old way still works.
    area.select()
    document.execCommand('copy')
  }
  status.textContent = config.copied
  setTimeout(() => (status.textContent = ''), 2000)
})
