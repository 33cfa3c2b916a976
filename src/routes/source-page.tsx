import { Hono } from 'hono'
import type { ComponentChildren } from 'preact'
import { LANGS } from '../../widget/card-model'
import { corrections, factSet, locales, source, ui, type UiStrings } from '../data'
import { NOTE_LANG, type Lang } from '../data/schema'
import { languageHeaders, pageLangQuery, resolveLang, servedLang } from '../lib/params'
import { DIRECTORY_PATH } from './signing-keys'
// The page's stylesheet and its CSP hash, from src/pages/source.css at build time.
import styles from '../../dist/pages.json'
import { Document, renderDocument } from '../pages/document'
import { pageSecurity, respondHtml } from '../lib/pages'
import { htmlResponse as html, notModified, type RouteDoc } from '../lib/route-doc'

// An evidence link (/source#<id>:~:text=…) highlights its span twice over: the mark it targets, and the
// text its fragment finds (::target-text), styled alike.

/** The source with every evidence span marked, so /source#<fact-id> lands on (and highlights) it. */
function markedParagraphs(): ComponentChildren[] {
  const spans = [...factSet.facts].sort((a, b) => a.evidence.start - b.evidence.start)
  const paragraphs: ComponentChildren[] = []
  let offset = 0
  for (const text of source.split('\n')) {
    const start = offset
    const end = start + text.length
    offset = end + 1
    if (!text.trim()) continue
    const parts: ComponentChildren[] = []
    let cursor = start
    for (const f of spans) {
      const { start: s, end: e } = f.evidence
      if (s < cursor || e > end) continue // outside this paragraph, or overlapping one already marked
      parts.push(source.slice(cursor, s), <mark id={f.id} title={f.id}>{source.slice(s, e)}</mark>)
      cursor = e
    }
    parts.push(source.slice(cursor, end))
    paragraphs.push(<p key={start}>{parts}</p>)
  }
  return paragraphs
}

/** Patterns of data/ui.json with markup in a slot: "{n}" unless named. */
const fill = (pattern: string, n: ComponentChildren, slot = '{n}') => {
  const [before, after] = pattern.split(slot)
  return [before, n, after]
}

/** A correction's note in the reader's language, marked as a translation: "（译文：{what}{why}）". */
const translation = (pattern: string, note: { what: string; why: string }) =>
  pattern.replace('{what}', () => note.what).replace('{why}', () => note.why)

/** Every correction, as newsrooms list theirs: when, what it concerns, what changed and why, before and after.
 *  The labels are the reader's; what and why are the English record (as /v1/facts serves them), and
 *  beside it, for a reader of another language, its translation, marked as one. */
function correctionList(t: UiStrings['source'], lang: Lang): ComponentChildren {
  const field = (name: string) => t.fields[name as keyof typeof t.fields]
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">{t.corrections}</h2>
      <p>{t.record}</p>
      <ol>
        {corrections().map((c, i) => (
          <li key={i}>
            <time dateTime={c.date}>{c.date}</time>,{' '}
            {c.fact ? <a href={`#${c.fact}`}><code>{c.fact}</code></a> : fill(t.card, field(c.card!))}
            {c.field && ` (${field(c.field)})`}: <span lang={NOTE_LANG}>{c.what} {c.why}</span>
            {lang !== NOTE_LANG && <> <span class="translated">{translation(t.translated, c.translated[lang])}</span></>}
            <dl>
              {Object.keys(c.after).flatMap((lang) => [
                <dt key={`${lang}-t`} lang={lang}>{locales[lang as keyof typeof locales].language}</dt>,
                <dd key={`${lang}-d`}>
                  <del lang={lang}>{c.before[lang as keyof typeof c.before]}</del> <ins lang={lang}>{c.after[lang as keyof typeof c.after]}</ins>
                </dd>,
              ])}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  )
}

// Commands are code: the same in every language, for the origin that served the page.
const COMMANDS = {
  answers: "node scripts/verify.mjs '{origin}/v1/card?lang=en&variant=compact'",
  digest:
    "curl -s -D headers.txt -o body.json '{origin}/v1/source'\n" +
    "printf 'sha-256=:%s:\\n' \"$(openssl dgst -sha256 -binary body.json | base64 -w0)\"; grep -i '^content-digest' headers.txt | cut -d' ' -f2",
  images: 'c2patool card.png\nnode scripts/verify.mjs card.png',
}

/** How a reader checks an answer and an image they were given (docs/provenance.md), in data/ui.json's words. */
function verifySection(origin: string, t: UiStrings['source']['verify']): ComponentChildren {
  const command = (name: keyof typeof COMMANDS) => (
    <pre>
      <code>{COMMANDS[name].replaceAll('{origin}', origin)}</code>
    </pre>
  )
  return (
    <section aria-labelledby="verify">
      <h2 id="verify">{t.title}</h2>
      <p>{fill(t.answers, <a href={DIRECTORY_PATH}><code>{DIRECTORY_PATH}</code></a>, '{directory}')}</p>
      {command('answers')}
      <p>{t.digest}</p>
      {command('digest')}
      <p>{t.images}</p>
      {command('images')}
      <p>{t.scripts}</p>
    </section>
  )
}

// In the reader's language (hl, which a card's evidence links carry, else Accept-Language): the
// page's own words. The source itself stays as Xiaomi published it, marked as its language.
export const sourcePage = new Hono().get('/source', pageSecurity({ styleSrc: [styles.source.hash], scriptSrc: ["'none'"] }), (c) => {
  const { title, publisher, published } = factSet.source
  const page = resolveLang(c, servedLang(c.req.query('hl')))
  const t = ui()[page.lang].source
  const original = factSet.source.lang
  // The commands name this origin, so the page is kept per origin.
  const origin = new URL(c.req.url).origin
  return respondHtml(
    c,
    `source-page|${origin}|${page.lang}`,
    () =>
      renderDocument(
        <Document lang={page.lang} title={`${title} — ${t.title}`} css={styles.source.css}>
          <main>
            <header>
              <h1 lang={original}>{title}</h1>
              <p>
                <span lang={original}>{publisher}</span> · {fill(t.dated, <time dateTime={published}>{published}</time>)}. {t.about} (
                <a href="/v1/facts"><code>/v1/facts</code></a>, <a href="/v1/source"><code>/v1/source</code></a>)
              </p>
              <p>
                {t.facts}{' '}
                {LANGS.flatMap((lang, i) => [
                  i > 0 && ' · ',
                  <a key={lang} href={`/card?lang=${lang}&variant=full`} lang={lang} hreflang={lang}>
                    {locales[lang].language}
                  </a>,
                ])}
                .
              </p>
            </header>
            <article lang={original}>{markedParagraphs()}</article>
            {correctionList(t, page.lang)}
            {verifySection(origin, t.verify)}
          </main>
        </Document>,
      ),
    languageHeaders(page),
  )
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const sourcePageDoc = (): RouteDoc => ({
  method: 'get',
  path: '/source',
  operationId: 'getSourcePage',
  summary: 'The source document as a page',
  description:
    'The press release byte for byte, every evidence span marked: /source#<fact-id> lands on the span of that fact and highlights it. ' +
    "Its own words (labels, each correction's translation beside its English record, how to verify an answer or image) are in the reader's language: hl, which a card's evidence links carry, else Accept-Language; the source stays English.",
  tag: 'pages',
  request: { query: pageLangQuery() },
  responses: { 200: html('The source document', ['ETag', 'CacheControl', 'ContentLanguage', 'Vary']), 304: notModified('ContentLanguage', 'Vary') },
})
