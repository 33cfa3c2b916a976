import { Card } from './Card'
import css from './card.css'
import { DEFAULT_VARIANT, FACT_ID, THEMES, VARIANTS, cardDataPath, picksFact, type CardModel, type Theme } from './card-model'
import { firstLang, matchLang } from './lang'

const TAG = 'xiaomi-ev-card'
// A request that never ends must not leave the reader waiting on a spinner forever.
const TIMEOUT_MS = 8000

// The data lives where this script came from, whatever page includes it.
const script = document.currentScript as HTMLScriptElement | null
const ORIGIN = new URL(script ? script.src : location.href).origin

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
  /** The query of the card on show, once it shows: a change of theme alone only recolours it. */
  private shown?: string

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
    const shown = root?.querySelector('.xc')
    // A card the server rendered into the page (/v1/card.html, a declarative shadow root) is
    // taken over as it is, never drawn again; so is ours when only the theme changed.
    if (shown?.matches('article') && (query == this.shown || !this.shown)) {
      shown.className = `xc xc-${variant} xc-${theme}`
      if (!this.shown) fire('load', shown.getAttribute('lang'))
      this.shown = query
      return
    }
    // Until data arrives the box already has the card's size and shows the publisher's link.
    if (!root) root = this.attachShadow({ mode: 'open' })
    if (sheet) root.adoptedStyleSheets = [sheet]
    // JSX is typed as preact's but built as DOM nodes here (widget/jsx-dom.ts).
    const draw = (card: unknown) => root.replaceChildren(sheet ? '' : (<style>{css}</style> as unknown as Node), card as Node)
    draw(
      <div class={`xc xc-${variant} xc-${theme}`}>
        <slot />
      </div>,
    )
    this.shown = undefined

    // Like <img>: `load` once the card shows, `error` once it falls back to the link. Neither
    // bubbles; detail says which card. A newer attribute change silences an older outcome.
    let model: CardModel
    try {
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
      draw(Card({ model, theme: theme as Theme, origin: ORIGIN }))
      this.shown = query
    } catch (error) {
      // No data, or data we cannot render (a proxy's page, a broken deploy): the publisher's link.
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
