import { Hono } from 'hono'
import type { ComponentChildren } from 'preact'
import { LANGS } from '../../widget/card-model'
import { corrections, factSet, locales, source } from '../data'
import provenance from '../../data/provenance.json'
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

/** Every correction, as newsrooms list theirs: when, what it concerns, what changed and why, before and after. */
function correctionList(): ComponentChildren {
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">Corrections</h2>
      <ol>
        {corrections.map((c, i) => (
          <li key={i}>
            <time dateTime={c.date}>{c.date}</time>,{' '}
            {c.fact ? <a href={`#${c.fact}`}>{c.fact}</a> : `the card's ${c.card}`}
            {c.field && ` (${c.field})`}: {c.what} {c.why}
            <dl>
              {Object.keys(c.after).flatMap((lang) => [
                <dt key={`${lang}-t`}>{locales[lang as keyof typeof locales].language}</dt>,
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

/** How a reader checks an answer and an image they were given (docs/provenance.md); the words are data/provenance.json's. */
function verifySection(origin: string): ComponentChildren {
  const t = provenance[factSet.source.lang as keyof typeof provenance] ?? provenance.en
  const fill = (text: string) => text.replaceAll('{origin}', origin)
  const [before, after] = t.answers.split('{directory}')
  return (
    <section aria-labelledby="verify">
      <h2 id="verify">{t.title}</h2>
      <p>
        {before}
        <a href={DIRECTORY_PATH}>{DIRECTORY_PATH}</a>
        {after}
      </p>
      <pre>
        <code>{fill(t.answersCommand)}</code>
      </pre>
      <p>{t.digest}</p>
      <pre>
        <code>{fill(t.digestCommand)}</code>
      </pre>
      <p>{t.images}</p>
      <pre>
        <code>{fill(t.imagesCommand)}</code>
      </pre>
      <p>{t.scripts}</p>
    </section>
  )
}

export const sourcePage = new Hono().get('/source', pageSecurity({ styleSrc: [styles.source.hash], scriptSrc: ["'none'"] }), (c) => {
  const { title, publisher, published } = factSet.source
  // The commands name this origin, so the page is kept per origin.
  const origin = new URL(c.req.url).origin
  return respondHtml(
    c,
    `source-page|${origin}`,
    () =>
      renderDocument(
        <Document lang={factSet.source.lang} title={`${title} — source document`} css={styles.source.css}>
          <main>
            <header>
              <h1>{title}</h1>
              <p>
                {publisher}, press release dated <time dateTime={published}>{published}</time>. The source document, byte for byte; each
                marked passage is the evidence of a fact (<a href="/v1/facts">/v1/facts</a>,{' '}
                <a href="/v1/source">/v1/source</a>).
              </p>
              <p>
                The facts, written for the readers of each language:{' '}
                {LANGS.flatMap((lang, i) => [
                  i > 0 && ' · ',
                  <a key={lang} href={`/card?lang=${lang}&variant=full`} lang={lang} hreflang={lang}>
                    {locales[lang].language}
                  </a>,
                ])}
                .
              </p>
            </header>
            <article>{markedParagraphs()}</article>
            {correctionList()}
            {verifySection(origin)}
          </main>
        </Document>,
      ),
    { 'Content-Language': factSet.source.lang },
  )
})

// A function, so the worker bundle drops it (src/openapi.ts alone calls it).
export const sourcePageDoc = (): RouteDoc => ({
  method: 'get',
  path: '/source',
  operationId: 'getSourcePage',
  summary: 'The source document as a page',
  description: 'The press release byte for byte, every evidence span marked: /source#<fact-id> lands on the span of that fact and highlights it.',
  tag: 'pages',
  responses: { 200: html('The source document', ['ETag', 'CacheControl', 'SourceLanguage']), 304: notModified('SourceLanguage') },
})
