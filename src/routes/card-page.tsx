import { Hono } from 'hono'
import * as v from 'valibot'
// Minified from widget/card.css by scripts/build.mjs, byte for byte what embed.js carries.
import cardCss from '../../dist/card.css'
import { Card } from '../../widget/Card'
import { THEMES, type CardModel, type Theme } from '../../widget/card-model'
import { cardUrl } from '../../widget/snippets'
import manifest from '../../dist/manifest.json'
import { buildCard } from '../card/model'
import { factSet } from '../data'
import { Document, cspHash, jsonForScript, pageCsp, renderDocument } from '../pages/document'
import { pageSecurity, respondHtml } from '../lib/pages'
import { PROBLEM_CACHE_CONTROL } from '../lib/cache-policy'
import { languageHeaders, langParam, resolveLang } from '../lib/params'
import { factNeedsStat, factParam, variantParam } from './card'
import type { Bindings } from '../bindings'

// Same rules as /v1/card, plus theme. Unknown parameters are ignored, not refused: CMSs and
// resizers (Pym's childId) append their own to iframe URLs.
export const cardPageQuery = v.pipe(
  v.object({
    lang: langParam,
    variant: variantParam,
    fact: factParam,
    theme: v.optional(v.picklist(THEMES, `theme must be one of ${THEMES.join(', ')}`), 'auto'),
  }),
  factNeedsStat(),
)
// Page-only CSS: the card defines its own look; the page stays out of its way.
const CSS = `${cardCss}html,body{margin:0;padding:0;background:transparent}`
const ERROR_CSS = `body{margin:0;font:15px/1.5 system-ui,sans-serif;padding:16px;color:#1b1b1f;background:#fff}a{color:#8a2f00}`

const description = (m: CardModel) => m.figures.map((f) => `${f.label}: ${f.value}`).join(' · ')

function CardPage({ model, theme, origin, canonical }: { model: CardModel; theme: Theme; origin: string; canonical: string }) {
  const title = `${model.headline} · ${model.date.text}`
  const oembed = (format: string) => `${origin}/oembed?url=${encodeURIComponent(canonical)}&format=${format}`
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
      css={CSS}
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
          <meta property="og:locale" content={model.lang == 'en' ? 'en_US' : 'zh_CN'} />
          <meta name="twitter:card" content="summary" />
          <meta name="twitter:title" content={title} />
          <meta name="twitter:description" content={description(model)} />
          <link rel="alternate" type="application/json+oembed" href={oembed('json')} title={title} />
          <link rel="alternate" type="text/xml+oembed" href={oembed('xml')} title={title} />
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
        </>
      }
    >
      <main>
        <Card model={model} theme={theme} origin="" />
      </main>
    </Document>
  )
}

function ErrorPage({ problems }: { problems: string[] }) {
  return (
    <Document lang="en" title="This card cannot be shown" css={ERROR_CSS}>
      <main>
        <h1>This card cannot be shown</h1>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p>
          <a href="/card">Show the default card</a> · <a href="/">Build a snippet</a>
        </p>
      </main>
    </Document>
  )
}

// Being framed anywhere is the point of this page; everything else is locked down.
const cardHeaders = async (css: string, extra: Record<string, string> = {}) => ({
  'Content-Security-Policy': pageCsp(await cspHash(css), { 'frame-ancestors': '*', 'form-action': "'none'" }),
  ...extra,
})

export const cardPage = new Hono<{ Bindings: Bindings }>().get('/card', pageSecurity, async (c) => {
  const params = new URL(c.req.url).searchParams
  const known = ['lang', 'variant', 'fact', 'theme'].filter((k) => params.has(k))
  const parsed = v.safeParse(cardPageQuery, Object.fromEntries(known.map((k) => [k, params.get(k)])))
  const repeated = known.some((k) => params.getAll(k).length > 1)
  if (!parsed.success || repeated) {
    const problems = parsed.success ? [] : parsed.issues.map((i) => i.message)
    if (repeated) problems.push('each of lang, variant, fact and theme may be given once')
    const html = renderDocument(<ErrorPage problems={problems} />)
    return c.html(html, 400, { ...(await cardHeaders(ERROR_CSS)), 'Cache-Control': PROBLEM_CACHE_CONTROL })
  }
  const q = parsed.output
  const chosen = resolveLang(c, q.lang)
  const lang = chosen.lang
  const origin = new URL(c.req.url).origin
  const headers = await cardHeaders(CSS, languageHeaders(chosen))
  return respondHtml(
    c,
    `card-page|${origin}|${lang}|${q.variant}|${q.theme}|${q.fact ?? ''}`,
    () => {
      const model = buildCard(lang, q.variant, q.fact)
      const canonical = cardUrl({ origin, lang, variant: q.variant, fact: q.fact })
      return renderDocument(<CardPage model={model} theme={q.theme} origin={origin} canonical={canonical} />)
    },
    headers,
  )
})
