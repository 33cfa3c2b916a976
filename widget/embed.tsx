import { hydrate, render, type ComponentChild } from 'preact'
import { Card } from './Card'
import css from './card.css'
import { DEFAULT_VARIANT, FACT_ID, THEMES, VARIANTS, cardDataPath, picksFact, type CardModel, type Theme } from './card-model'
import { firstLang, matchLang } from './lang'

const TAG = 'xiaomi-ev-card'

// The data lives where this script came from, whatever page includes it.
const script = document.currentScript as HTMLScriptElement | null
const ORIGIN = new URL(script ? script.src : location.href).origin
// A request that never ends must not leave the reader waiting on a spinner forever: 8 s, or the
// milliseconds the script tag's data-timeout gives (docs/embedding.md).
const TIMEOUT_MS = +(script?.dataset.timeout as string) || 8000

// One request per distinct card however many elements show it. A failure is forgotten so a
// later change can try again, but nothing retries on its own: no request storm when we are down.
const requests = new Map<string, Promise<CardModel>>()
function fetchCard(query: string): Promise<CardModel> {
  let request = requests.get(query)
  if (!request) {
    // The snippet preloads this URL (<link rel=preload as=fetch crossorigin>), so the data is on
    // its way while this script still loads. Reusing that response takes the same URL and the
    // same credentials mode as the preload's: the default, which sends no cookies cross-origin.
    request = fetch(`${ORIGIN}${cardDataPath(new URLSearchParams(query))}`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
      (r) => (r.ok ? r.json() : Promise.reject(r.status)),
    )
    request.catch(() => requests.delete(query))
    requests.set(query, request)
  }
  return request
}

// One parsed stylesheet shared by every card on the page. Constructed sheets are also outside
// the host page's CSP style-src, so a strict CSP needs no exception for us.
let sheet: CSSStyleSheet | undefined
try {
  sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
} catch {
  sheet = undefined
}

const warn = (message: string) => console.warn(`<${TAG}>: ${message}`)
// Said whether the id is malformed (caught here) or unknown (the API's 400): one string, fewer bytes.
const BAD_FACT = 'fact must be a figure id such as initial-investment; using the default figure'

function attribute<T extends string>(el: Element, name: string, allowed: readonly T[], fallback: T): T {
  const value = el.getAttribute(name) as T | null
  if (value === null || allowed.includes(value)) return value ?? fallback
  warn(`${name} must be one of ${allowed.join(', ')}; using ${fallback}`)
  return fallback
}

class XiaomiEvCard extends HTMLElement {
  static observedAttributes = ['lang', 'theme', 'variant', 'fact']
  private queued = false
  private generation = 0
  /** The card on show, once it shows: a change of theme alone redraws it from the same model. */
  private shown?: { query: string; model: CardModel }

  connectedCallback() {
    this.schedule()
  }
  attributeChangedCallback() {
    this.schedule()
  }

  // Attributes arrive one callback each; render once for the whole batch.
  private schedule() {
    if (this.queued) return
    this.queued = true
    queueMicrotask(() => {
      this.queued = false
      if (this.isConnected) this.update().catch(warnFailure)
    })
  }

  private async update() {
    let theme: string = attribute(this, 'theme', THEMES, 'auto')
    // auto follows the page's declared color-scheme (card.css), or the reader's where it declares none.
    if (theme == 'auto' && getComputedStyle(this).colorScheme == 'normal') theme = 'os'
    const variant = attribute(this, 'variant', VARIANTS, DEFAULT_VARIANT)

    const own = this.getAttribute('lang')
    if (own !== null && !matchLang(own)) warn('lang must be one of en, zh-CN, zh-HK, zh-TW (or a tag of one); using the page language')
    // Without a valid lang of its own the card speaks the page's language, else the reader's.
    // Always named, and canonical: the request never depends on Accept-Language, so every
    // reader of one card shares one cacheable URL.
    const lang = firstLang([own, this.parentElement?.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]) || 'en'
    const params = new URLSearchParams({ lang, variant })

    const fact = this.getAttribute('fact')
    if (picksFact(variant) && fact) {
      if (FACT_ID.test(fact)) params.set('fact', fact)
      else warn(BAD_FACT)
    }

    const generation = ++this.generation
    const fire = (type: string, lang?: string | null) =>
      generation == this.generation && this.dispatchEvent(new CustomEvent(type, { detail: { lang, variant } }))
    const query = params.toString()
    let root = this.shadowRoot
    // A card the server rendered into the page (/v1/card.html, a declarative shadow root) is
    // taken over in place, never drawn again: hydrated from the props beside it, or (a cached
    // older fragment, one a sanitizer stripped) diffed with /v1/card's model once it arrives.
    const served = !this.shown && root?.querySelector('article')
    if (!root) {
      root = this.attachShadow({ mode: 'open' })
      if (sheet) root.adoptedStyleSheets = [sheet]
    }
    // The constructed sheet where we made the root and the browser has one, else (and in the
    // server's root, whose <style> hydrates as it is) the same CSS as a <style>.
    const draw = (card: ComponentChild, paint = render) => paint([!root.adoptedStyleSheets.length && <style>{css}</style>, card], root)
    // Until data arrives the box already has the card's size and shows the publisher's link.
    const waiting = () =>
      draw(
        <div class={`xc xc-${variant} xc-${theme}`}>
          <slot />
        </div>,
      )
    if (!served && query != this.shown?.query) {
      waiting()
      this.shown = undefined
    }

    // Like <img>: `load` once the card shows, `error` once it falls back to the link. Neither
    // bubbles; detail says which card. A newer attribute change silences an older outcome.
    let model: CardModel
    try {
      // The server's card carries the props it was drawn with (src/routes/card-fragment.tsx), so
      // preact hydrates the very nodes it made: no request, no second render. Carried, they add
      // 170-230 B gzip to a compact or stat fragment (600 B to full), where fetching /v1/card
      // costs 320-570 B (2.1 KB) and a round trip; and they never disagree with the markup.
      const data = served && root.querySelector('script')
      if (data) {
        const props = JSON.parse(data.text)
        draw(<Card {...props} />, hydrate)
        model = props.model
      } else if (query == this.shown?.query) model = this.shown.model
      else {
        try {
          model = await fetchCard(query)
        } catch (status) {
          if (status != 400 || !params.has('fact')) throw status
          warn(BAD_FACT)
          params.delete('fact')
          model = await fetchCard(params.toString())
        }
        // A newer attribute change has taken over while this request was on its way.
        if (generation != this.generation) return
      }
      // A diff: on a card already shown, only what changed (the theme's class, a language's words).
      draw(<Card model={model} theme={theme as Theme} origin={ORIGIN} />)
      this.shown = { query, model }
    } catch (error) {
      // No data, or data we cannot render (a proxy's page, a broken deploy): the publisher's link,
      // drawn again, since preact has already taken the waiting box down when the card throws.
      if (!served && generation == this.generation) waiting()
      fire('error', params.get('lang'))
      throw error
    }
    fire('load', model.lang)
  }
}

function warnFailure() {
  warn('the card could not be loaded; showing the link instead')
}

// Included twice, or the name already taken by another script: leave the existing one alone.
if (window.customElements && !customElements.get(TAG)) customElements.define(TAG, XiaomiEvCard)
