import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
// The page's own rules (src/pages/card.css) and the CSP hash of its sheet, from the build.
import styles from '../../dist/pages.json'
import cardCss from '../../dist/card.css'
import { Card } from '../../widget/Card'
import { LANGS, type CardModel, type Lang, type Theme } from '../../widget/card-model'
import { cardUrl } from '../../widget/snippets'
import manifest from '../../dist/manifest.json'
import { resolveCard, type CatalogueCard } from '../card/catalogue'
import { factSet, locales, ui } from '../data'
import { Document, cspHash, jsonForScript, renderDocument } from '../pages/document'
import { ShareMeta } from '../pages/share-meta'
import { HTML_TYPE, pageSecurity, respondHtml } from '../lib/pages'
import { PROBLEM_CACHE_CONTROL } from '../lib/cache-policy'
import { languageHeaders, resolveLang, servedLang } from '../lib/params'
import { styleDeclarations } from '../../widget/card-style'
import { CARD_SCHEMES, pickStyle } from '../card/style'
import { htmlResponse as html, notModified, type RouteDoc } from '../lib/route-doc'
import { cardPageQuery, parseCardPageQuery } from '../card/query'

// The browser bar and app switchers take the card's accent, as the icon does.
const ACCENT = CARD_SCHEMES.light.acc

/** The oEmbed endpoints for a card, in <link>s and in the HTTP Link header (Slack reads either). */
const oembedUrl = (origin: string, canonical: string, format: 'json' | 'xml') =>
  `${origin}/oembed?url=${encodeURIComponent(canonical)}&format=${format}`
export const oembedLinkHeader = (origin: string, canonical: string) =>
  `<${oembedUrl(origin, canonical, 'json')}>; rel="alternate"; type="application/json+oembed", ` +
  `<${oembedUrl(origin, canonical, 'xml')}>; rel="alternate"; type="text/xml+oembed"`

const description = (m: CardModel) => m.figures.map((f) => `${f.label}: ${f.value}`).join(' · ')
// Open Graph names locales with an underscore and always a region (data/locale.json).
const ogLocale = (lang: Lang) => locales[lang].ogLocale

/** A browser loading /card into a frame says so: Sec-Fetch-Dest `iframe` (or `frame`), sent by
 *  every engine (Chromium 80, Firefox 90, Safari 16.4). The reader of a frame sees the card only:
 *  the head's share metadata (Open Graph, Twitter, JSON-LD, oEmbed discovery, the other languages),
 *  about 40 % of the page's bytes, is for crawlers and unfurlers, which fetch the page itself and
 *  never send the header. A frame gets the page without it: fewer bytes to fetch and to parse
 *  before the card shows (docs/performance.md). The answer varies by the header, so a cache keeps
 *  the two apart. */
const FRAME_DESTS = new Set(['iframe', 'frame'])
const isFramed = (c: Context) => FRAME_DESTS.has(c.req.header('Sec-Fetch-Dest') ?? '')
const VARY_FRAME = 'Sec-Fetch-Dest'

interface CardPageProps {
  card: CatalogueCard
  theme: Theme
  origin: string
  canonical: string
  /** The same card's canonical URL in each language. */
  alternates: Record<Lang, string>
  css: string
  /** In a frame: no share metadata, only the canonical link (frame.js reads the card's variant from it). */
  framed: boolean
}

function CardPage({ card, theme, origin, canonical, alternates, css, framed }: CardPageProps) {
  const { model } = card
  const title = `${model.headline} · ${model.date.text}`
  const body = (
    // Named by the card's h1, so a page framing us keeps its landmarks unique (axe landmark-unique).
    <main aria-labelledby="xc-h">
      <Card model={model} theme={theme} origin="" level={1} />
    </main>
  )
  if (framed)
    return (
      <Document lang={model.lang} title={title} css={css} scripts={[manifest.frame.pinned]} head={<link rel="canonical" href={canonical} />}>
        {body}
      </Document>
    )
  const oembed = (format: 'json' | 'xml') => oembedUrl(origin, canonical, format)
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: model.headline,
    datePublished: model.date.iso,
    inLanguage: model.lang,
    url: canonical,
    description: description(model),
    about: { '@type': 'Organization', name: factSet.source.publisher },
    isBasedOn: {
      '@type': 'CreativeWork',
      name: factSet.source.title,
      datePublished: factSet.source.published,
      publisher: { '@type': 'Organization', name: factSet.source.publisher },
      url: `${origin}/source`,
    },
  }
  return (
    <Document
      lang={model.lang}
      title={title}
      css={css}
      scripts={[manifest.frame.pinned]}
      head={
        <>
          <meta name="description" content={description(model)} />
          <link rel="canonical" href={canonical} />
          <meta property="og:type" content="article" />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={description(model)} />
          <meta property="og:url" content={canonical} />
          <meta property="og:site_name" content="xiaomi-ev-card" />
          <meta property="article:publisher" content={`${origin}/`} />
          <meta property="article:published_time" content={model.date.iso} />
          <meta name="theme-color" content={ACCENT} />
          <link rel="icon" href={`${origin}/favicon.ico`} sizes="32x32" />
          <link rel="icon" href={`${origin}/favicon.svg`} type="image/svg+xml" />
          <link rel="apple-touch-icon" href={`${origin}/apple-touch-icon.png`} />
          <meta property="og:locale" content={ogLocale(model.lang)} />
          {LANGS.filter((l) => l != model.lang).map((l) => (
            <meta property="og:locale:alternate" content={ogLocale(l)} key={l} />
          ))}
          {LANGS.map((l) => (
            <link rel="alternate" hreflang={l} href={alternates[l]} key={l} />
          ))}
          <ShareMeta card={card} theme={theme} origin={origin} />
          <meta name="twitter:title" content={title} />
          <meta name="twitter:description" content={description(model)} />
          {/* Slack shows up to two label/value pairs under an unfurl: the card's first key figures. */}
          {model.figures.slice(0, 2).flatMap((f, i) => [
            <meta name={`twitter:label${i + 1}`} content={f.label} key={`l${i}`} />,
            <meta name={`twitter:data${i + 1}`} content={f.value} key={`d${i}`} />,
          ])}
          <link rel="alternate" type="application/json+oembed" href={oembed('json')} title={title} />
          <link rel="alternate" type="text/xml+oembed" href={oembed('xml')} title={title} />
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
        </>
      }
    >
      {body}
    </Document>
  )
}

/** "{n}" patterns of data/ui.json with markup in the slot. */
const fill = (pattern: string, n: preact.ComponentChildren) => {
  const [before, after] = pattern.split('{n}')
  return [before, n, after]
}

// In the card's language when the reader asked for one we serve, else the negotiated one. English
// gives each problem as the API words it; the others name the parameter (code) in their own words.
function ErrorPage({ lang, problems }: { lang: Lang; problems: { name: string; reason: string }[] }) {
  const t = ui()[lang].cardError
  return (
    <Document lang={lang} title={t.title} css={styles.cardError.css}>
      <main>
        <h1>{t.title}</h1>
        <ul>
          {problems.map((p) => (
            <li key={p.reason}>{lang == 'en' ? p.reason : fill(t.problem, <code>{p.name}</code>)}</li>
          ))}
        </ul>
        <p>
          <a href={`/card?lang=${lang}`}>{t.defaultCard}</a> · <a href={`/?hl=${lang}`}>{t.builder}</a>
        </p>
      </main>
    </Document>
  )
}

/** The page's stylesheet: the card's own, then the page's rules. */
const sheetOfCard = { css: cardCss + styles.card.css, hash: styles.card.hash }

type CardPageVars = { Variables: { card: ReturnType<typeof parseCardPageQuery>; css: string; cssHash: string } }

/** The query, and the stylesheet it needs: the card's, with the publisher's style as the card's custom
 *  properties (hashed here: the style is the caller's), or the error page's. Before the CSP is set. */
const parseQueryAndStyle = createMiddleware<CardPageVars>(async (c, next) => {
  const card = parseCardPageQuery(new URL(c.req.url).searchParams)
  const style = card.success ? styleDeclarations(pickStyle(card.query)) : ''
  const sheet = !card.success ? styles.cardError : style ? { css: `${sheetOfCard.css}main{${style}}` } : sheetOfCard
  c.set('card', card)
  c.set('css', sheet.css)
  c.set('cssHash', 'hash' in sheet ? sheet.hash : await cspHash(sheet.css))
  await next()
})

// Being framed anywhere is the point of this page; everything else is locked down.
const security = pageSecurity({ styleSrc: [(c) => c.get('cssHash')], formAction: ["'none'"], frameAncestors: ['*'] })

export const cardPage = new Hono<CardPageVars>().get('/card', parseQueryAndStyle, security, (c) => {
  const parsed = c.get('card')
  const css = c.get('css')
  if (!parsed.success) {
    const chosen = resolveLang(c, servedLang(c.req.query('lang')))
    const html = renderDocument(<ErrorPage lang={chosen.lang} problems={parsed.problems} />)
    return c.body(html, 400, { 'Content-Type': HTML_TYPE, 'Cache-Control': PROBLEM_CACHE_CONTROL, ...languageHeaders(chosen) })
  }
  const q = parsed.query
  const chosen = resolveCard(c, q)
  const { lang, fact } = chosen
  const origin = new URL(c.req.url).origin
  const canonical = cardUrl({ origin, lang, variant: q.variant, fact })
  const framed = isFramed(c)
  const language = languageHeaders(chosen)
  const vary = [language.Vary, VARY_FRAME].filter(Boolean).join(', ')
  const headers = { ...language, Vary: vary, Link: oembedLinkHeader(origin, canonical) }
  return respondHtml(
    c,
    `card-page|${framed ? 'frame' : 'page'}|${origin}|${lang}|${q.variant}|${q.theme}|${fact ?? ''}|${c.get('cssHash')}`,
    () => {
      const url = (l: Lang) => cardUrl({ origin, lang: l, variant: q.variant, fact })
      const alternates = Object.fromEntries(LANGS.map((l) => [l, url(l)])) as Record<Lang, string>
      return renderDocument(
        <CardPage card={chosen.card} theme={q.theme} origin={origin} canonical={url(lang)} alternates={alternates} css={css} framed={framed} />,
      )
    },
    headers,
  )
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const cardPageDoc = (): RouteDoc => ({
  method: 'get',
  path: '/card',
  operationId: 'getCardPage',
  summary: 'The card as a page, for iframes (no JavaScript needed)',
  description:
    'The card rendered on the server, complete without JavaScript, for the iframe embed: it may be framed by any site. ' +
    'A frame (Sec-Fetch-Dest: iframe) gets the page without its share metadata (Open Graph, Twitter, JSON-LD, oEmbed discovery), which only crawlers read. ' +
    'Parameters it does not know (a CMS\'s or Pym.js\'s own) are ignored; a bad or repeated known one is a small 400 page.',
  tag: 'pages',
  request: { query: cardPageQuery },
  responses: {
    200: html('The card', ['ETag', 'CacheControl', 'ContentLanguage', 'FrameVary', 'OEmbedLink']),
    304: notModified('ContentLanguage', 'FrameVary'),
    400: html('A small page naming the bad parameters and their allowed values, or a colour that fails WCAG AA contrast', ['ProblemCacheControl']),
  },
})
