import { Hono } from 'hono'
import type { ComponentChildren } from 'preact'
import { LANGS } from '../../widget/card-model'
import { corrections, factSet, locales, source } from '../data'
import { Document, cspHash, pageCsp, renderDocument } from '../pages/document'
import { respondHtml } from '../lib/pages'

// An evidence link (/source#<id>:~:text=…) highlights its span twice over: the mark it targets, and the
// text its fragment finds (::target-text), styled alike.
const CSS = `body{margin:0 auto;max-width:44rem;padding:24px 16px;font:17px/1.6 system-ui,sans-serif;color:#1b1b1f;background:#fff}
mark{background:none;border-bottom:2px solid #f0c9ad;color:inherit}mark:target,::target-text{background:#ffe3cf;outline:2px solid #b23c00}
dl dd{margin:0 0 6px 1.5rem}ins:before{content:"→ "}
header p{color:#575a63;font-size:15px}a{color:#8a2f00}
@media (prefers-color-scheme:dark){body{background:#17181c;color:#f3f3f5}mark{border-color:#7a4a2a}mark:target,::target-text{background:#4a2c17;outline-color:#ff9a55}header p{color:#b4b7bf}a{color:#ff9a55}}`

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

export const sourcePage = new Hono().get('/source', async (c) => {
  const { title, publisher, published } = factSet.source
  const csp = pageCsp(await cspHash(CSS), { 'script-src': "'none'" })
  return respondHtml(
    c,
    'source-page',
    () =>
      renderDocument(
        <Document lang={factSet.source.lang} title={`${title} — source document`} css={CSS}>
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
          </main>
        </Document>,
      ),
    { 'Content-Security-Policy': csp, 'Content-Language': factSet.source.lang },
  )
})
