// The publisher's page: keeps the preview and the snippets in step with the options, and
// makes the copy buttons work. Without it the form still works by reloading the page.
import { snippets, type SnippetOptions } from './snippets'

const config = JSON.parse(document.getElementById('demo-config')!.textContent!) as SnippetOptions
const form = document.getElementById('options') as HTMLFormElement

function update() {
  const data = new FormData(form)
  const options: SnippetOptions = {
    ...config,
    lang: data.get('lang') as SnippetOptions['lang'],
    theme: data.get('theme') as SnippetOptions['theme'],
    variant: data.get('variant') as SnippetOptions['variant'],
    fact: data.get('fact') as string,
  }
  const { paste, preview, png } = snippets(options)
  for (const area of document.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) {
    area.value = paste[area.dataset.snippet as keyof typeof paste]
  }
  document.getElementById('script-preview')!.innerHTML = preview.script
  document.getElementById('iframe-preview')!.innerHTML = preview.iframe
  document.getElementById('image-preview')!.innerHTML = preview.image
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-png]')) a.href = png[a.dataset.png as keyof typeof png]
  history.replaceState(null, '', `?${new URLSearchParams(data as unknown as Record<string, string>)}`)
}

form.addEventListener('change', update)
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
  status.textContent = 'Copied'
  setTimeout(() => (status.textContent = ''), 2000)
})
