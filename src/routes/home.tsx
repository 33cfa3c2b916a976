import { Hono } from 'hono'
import manifest from '../../dist/manifest.json'
import { LANGS, THEMES, type Lang } from '../../widget/card-model'
import { snippets, type SnippetCard, type SnippetOptions } from '../../widget/snippets'
import { DEFAULT_VARIANT, VARIANTS } from '../../widget/variants'
import { cardOf, everyCard, fullWidthHeight } from '../card/catalogue'
import { factsById, figureIds, locales, ui, type UiStrings } from '../data'
import { ShareMeta } from '../pages/share-meta'
import { builderQuery } from '../card/query'
import type { Figure } from '../data/schema'
// The page's stylesheet and the CSP hashes of it and of the snippets' style attributes, from the build.
import styles from '../../dist/pages.json'
import { Document, jsonForScript, renderDocument } from '../pages/document'
import { pageSecurity, respondHtml } from '../lib/pages'
import { FONT_CHOICES, contrastProblems, contrastWarning, type ContrastWords } from '../../widget/card-style'
import { CARD_SCHEMES } from '../card/style'
import { htmlResponse as html, notModified, type RouteDoc } from '../lib/route-doc'
import { languageHeaders, pageLangQuery, resolveLang, servedLang } from '../lib/params'

interface HomeState extends SnippetOptions {
  /** The page's language: hl, else Accept-Language; the card's (lang) starts on it. */
  hl: Lang
  /** What a copy button says once it has copied, in the page's language (widget/demo.ts). */
  copied: string
  /** The contrast warning's words, in the page's language. */
  contrast: ContrastWords
  facts: { id: string; label: string }[]
  /** Each language's name in itself, beside its code. */
  languages: Record<Lang, string>
  /** The card's own colours, for the builder's contrast warning (the API's rule, widget/card-style.ts). */
  schemes: typeof CARD_SCHEMES
}

/** What the snippets state of every card, from the catalogue, so the builder writes them as options change. */
let cards: HomeState['cards'] | undefined
const snippetCards = (): HomeState['cards'] =>
  Object.fromEntries(
    everyCard().map(([key, card]): [string, SnippetCard] => {
      const { width, height } = card.images.light.card
      return [key, { alt: card.alt.card, facts: card.facts, image: { width, height }, frameHeight: fullWidthHeight(card) }]
    }),
  )

// Font stacks are CSS values, names not to translate (preact types translate as a boolean; HTML's values are yes/no).
const NO_TRANSLATE = { translate: 'no' } as object

/** What to paste where, and what the reader then sees (data/ui.json; docs/platforms.md has the sources). */
function Platforms({ t }: { t: UiStrings['where'] }) {
  return (
    <section aria-labelledby="where" id="where-s">
      <h2 id="where">{t.title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.platform}</th>
            <th scope="col">{t.paste}</th>
            <th scope="col">{t.sees}</th>
          </tr>
        </thead>
        <tbody>
          {t.rows.map(([platform, paste, sees]) => (
            <tr key={platform}>
              <th scope="row">{platform}</th>
              <td>{paste}</td>
              <td>{sees}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Home({ state }: { state: HomeState }) {
  const { paste: code, preview, png } = snippets(state)
  const t = ui()[state.hl].home
  // Each choice by its name, then the value the snippet writes (code). Languages are named in themselves.
  const radios = (name: string, values: readonly string[], current: string, names: Record<string, string>, own?: boolean) =>
    values.map((v) => (
      <label key={v}>
        <input type="radio" name={name} value={v} checked={v === current} /> <span lang={own ? v : undefined}>{names[v]}</span> <code>{v}</code>
      </label>
    ))
  const snippet = (id: keyof typeof code, label: string) => (
    <div class="snip">
      <label for={`snip-${id}`}>{label}</label>
      <textarea id={`snip-${id}`} readOnly spellcheck={false} data-snippet={id}>
        {code[id]}
      </textarea>
      <button type="button" class="copy" data-copy={`snip-${id}`}>
        {t.copy}
      </button>
      <p class="status" role="status" aria-live="polite" data-status={`snip-${id}`} />
    </div>
  )
  return (
    <Document lang={state.hl} title={t.title} css={styles.home.css} scripts={[manifest.demo.pinned, manifest.embed.pinned, manifest.resize.pinned]}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:title" content="xiaomi-ev-card" />
          <meta property="og:url" content={`${state.origin}/`} />
          <ShareMeta card={cardOf(state.hl, DEFAULT_VARIANT)} theme="light" origin={state.origin} />
          <link rel="alternate" hreflang="x-default" href={`${state.origin}/`} />
          {LANGS.map((l) => (
            <link rel="alternate" hreflang={l} href={`${state.origin}/?hl=${l}`} key={l} />
          ))}
        </>
      }
    >
      <header>
        {/* Links, so the choice works without script; each language named in itself. */}
        <nav aria-label={ui()[state.hl].pageLanguage} class="hl">
          {LANGS.map((l) => (
            <a key={l} href={`/?hl=${l}`} lang={l} hreflang={l} aria-current={l == state.hl ? 'page' : undefined}>
              {state.languages[l]}
            </a>
          ))}
        </nav>
        <h1>xiaomi-ev-card</h1>
        <p>{t.intro}</p>
      </header>
      <main>
        <section aria-labelledby="build" id="build-s">
          <h2 id="build">{t.build}</h2>
          <form method="get" action="/" id="options">
            <input type="hidden" name="hl" value={state.hl} />
            <fieldset>
              <legend>{t.variant}</legend>
              {radios('variant', VARIANTS, state.variant, t.variants)}
            </fieldset>
            <fieldset>
              <legend>{t.theme}</legend>
              {radios('theme', THEMES, state.theme, t.themes)}
            </fieldset>
            <fieldset>
              <legend>{t.cardLanguage}</legend>
              {radios('lang', LANGS, state.lang, state.languages, true)}
            </fieldset>
            <fieldset id="look">
              <legend>{t.look}</legend>
              <label>
                {t.accent} <input type="color" name="accent" value={state.style?.accent ?? state.schemes.light.acc} />
              </label>
              <label>
                <input type="checkbox" name="custom" value="accent" checked={!!state.style?.accent} /> {t.useAccent}
              </label>{' '}
              <label>
                {t.radius} <input type="number" name="radius" min="0" max="32" step="1" placeholder="12" value={state.style?.radius ?? ''} />
              </label>{' '}
              <label>
                {t.font}{' '}
                <select name="font">
                  <option value="">{t.systemFont}</option>
                  {FONT_CHOICES.map((f) => (
                    <option value={f} selected={f === state.style?.font} key={f} {...NO_TRANSLATE}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
              <p id="contrast" role="status" aria-live="polite">
                {contrastProblems(state.style ?? {}, state.theme, state.schemes).map((p) => contrastWarning(p, state.contrast)).join(' ')}
              </p>
            </fieldset>
            <p>
              <label for="fact">{t.fact}</label>{' '}
              <select id="fact" name="fact">
                {state.facts.map((f) => (
                  <option value={f.id} selected={f.id === state.fact} key={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </p>
            <button type="submit" id="apply">{t.update}</button>
          </form>
        </section>
        {/* On a phone the preview comes right after the options; on a wide screen it stays beside both. */}
        <section aria-labelledby="preview" class="preview">
          <h2 id="preview">{t.preview}</h2>
          <div>
            <h3>{t.scriptEmbed}</h3>
            <div id="script-preview" dangerouslySetInnerHTML={{ __html: preview.script }} />
          </div>
          <div>
            <h3>{t.imageEmbed}</h3>
            <div id="image-preview" dangerouslySetInnerHTML={{ __html: preview.image }} />
          </div>
          {/* Last: the framed card's own h1 would otherwise skip a level before the next h3 (axe heading-order). */}
          <div>
            <h3>{t.iframeEmbed}</h3>
            <div id="iframe-preview" dangerouslySetInnerHTML={{ __html: preview.iframe }} />
          </div>
        </section>
        <section aria-labelledby="paste" id="paste-s">
          <h2 id="paste">{t.paste}</h2>
          {(Object.keys(t.snippets) as (keyof typeof code & keyof typeof t.snippets)[]).map((id) => snippet(id, t.snippets[id]))}
          <p class="png">
            {t.download}{' '}
            <a href={png.card} download data-png="card">
              {t.pngCard}
            </a>
            <a href={png.share} download data-png="share">
              {t.pngShare}
            </a>
          </p>
        </section>
        <Platforms t={ui()[state.hl].where} />
      </main>
      <footer>
        {t.api}{' '}
        <a href="/v1/facts">
          <code>/v1/facts</code>
        </a>{' '}
        ·{' '}
        <a href="/v1/card">
          <code>/v1/card</code>
        </a>{' '}
        · <a href="/openapi.json">{t.openapi}</a> ·{' '}
        <a href={`/source?hl=${state.hl}`}>{t.sourceDocument}</a>
      </footer>
      <script type="application/json" id="demo-config" dangerouslySetInnerHTML={{ __html: jsonForScript(state) }} />
    </Document>
  )
}

// The previews are the publisher's snippets verbatim, style attributes included ('unsafe-hashes').
const security = pageSecurity(
  { styleSrc: [styles.home.hash, "'unsafe-hashes'", ...styles.snippetStyles], connectSrc: ["'self'"], frameSrc: ["'self'"] },
  { xFrameOptions: 'DENY' },
)

export const home = new Hono().get('/', security, (c) => {
  const url = new URL(c.req.url)
  const page = resolveLang(c, servedLang(url.searchParams.get('hl') ?? undefined))
  const { style, ...card } = builderQuery(url.searchParams, page.lang)
  const state: HomeState = {
    origin: url.origin,
    hl: page.lang,
    copied: ui()[page.lang].home.copied,
    contrast: ui()[page.lang].home.contrast,
    ...card,
    pinned: { src: manifest.embed.pinned, integrity: manifest.embed.integrity },
    headlines: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].headline])) as Record<Lang, string>,
    showCard: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].showCard])) as Record<Lang, string>,
    facts: figureIds.map((id) => ({ id, label: (factsById.get(id) as Figure).label[page.lang] })),
    cards: (cards ??= snippetCards()),
    languages: Object.fromEntries(LANGS.map((lang) => [lang, locales[lang].language])) as Record<Lang, string>,
    style,
    schemes: CARD_SCHEMES,
  }
  return respondHtml(
    c,
    `home|${url.origin}|${state.hl}|${state.lang}|${state.theme}|${state.variant}|${state.fact}|${JSON.stringify(style)}`,
    () => renderDocument(<Home state={state} />),
    languageHeaders(page),
  )
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const homeDoc = (): RouteDoc => ({
  method: 'get',
  path: '/',
  operationId: 'getHome',
  summary: "The publisher's page: live preview and snippet builder",
  description:
    'Previews the card in each language, theme and variant and writes the script, iframe and newsletter snippets for it; works without JavaScript. ' +
    "The page speaks hl, else Accept-Language, and its builder starts on that language's card; lang, variant, theme, fact and the look's parameters preselect the builder's options (a value it does not know is ignored), and lang, the card's, may differ from hl.",
  tag: 'pages',
  request: { query: pageLangQuery() },
  responses: { 200: html('The page', ['ETag', 'CacheControl', 'ContentLanguage', 'Vary']), 304: notModified('ContentLanguage', 'Vary') },
})
