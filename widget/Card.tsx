import type { CardModel, Theme } from './card-model'

interface Props {
  model: CardModel
  theme: Theme
  /** Prefix for the model's relative links: '' on our own pages, the API origin inside a host page. */
  origin: string
  /** 1 where the card is the page (/card), 2 inside a host's article. */
  level?: 1 | 2
}

// The one card. The worker renders it to HTML for /card and the widget renders it in the
// browser, so both embeds show the same markup. Evidence sits in <details>: keyboard-operable
// and readable by screen readers with no script, which is what /card needs.
export function Card({ model: m, theme, origin, level = 2 }: Props) {
  const H = level == 1 ? 'h1' : 'h2'
  const K = level == 1 ? 'h2' : 'h3'
  // ::part() names for a host page's CSS (docs/theming.md), in a shadow root only: /card has none
  // to cross, and HTML's own attributes do not include part.
  const part = (name: string) => (level == 1 ? undefined : name)
  return (
    // dir: `all: initial` leaves direction to the host page, and every language we serve is
    // written left to right; a right-to-left one would carry its own in the model.
    <article class={`xc xc-${m.variant} xc-${theme}`} part={part('card')} lang={m.lang} dir="ltr" aria-label={m.ui.label}>
      {/* What the date dates (the press release), and when a correction last touched the card. No
          <time>: the line holds two dates, and its markup would cost the script's budget. */}
      <p class="xc-date">{m.date.text}</p>
      <H class="xc-h" part={part('headline')} id={level == 1 ? 'xc-h' : undefined}>
        {m.headline}
      </H>
      {m.ui.keyFigures && <K class="xc-k">{m.ui.keyFigures}</K>}
      <dl class="xc-figs">
        {m.figures.map((f) => (
          <div class="xc-fig" part={part('figure')} key={f.id}>
            <dt part={part('label')}>{f.label}</dt>
            <dd>
              <span class="xc-v" part={part('value')}>{f.value}</span>
              {/* The space stays outside: the equivalent wraps as one box (card.css), after it. */}
              {f.equivalent && ' '}
              {/* One text node, as the server's HTML parses to: hydration then keeps it as it is. */}
              {f.equivalent && <span class="xc-eq">{`(${f.equivalent})`}</span>}
              {/* A real space, so copied and reader-mode text never reads "RMB 10 billionEvidence". */}{' '}
              <details class="xc-ev">
                <summary aria-label={`${m.ui.evidence}: ${f.label}`}>{m.ui.evidence}</summary>
                <div class="xc-pop">
                  {/* No cite: the link under it is the citation, and every byte costs the script. */}
                  <blockquote lang={m.source.lang}>
                    {f.evidence}
                  </blockquote>
                  {/* evidenceHref(f.id, f.evidence, m.lang), written out: the call would cost the script 21 B gzip (test/worker/pages.test.ts holds the two equal). */}
                  <a href={`${origin}/source?hl=${m.lang}#${f.id}:~:text=${encodeURIComponent(f.evidence)}`} target="_blank">
                    {m.source.label}
                  </a>
                </div>
              </details>
            </dd>
          </div>
        ))}
      </dl>
      {m.quote && (
        <figure class="xc-q">
          <blockquote cite={origin + m.quote.href}>
            <p>{m.quote.text}</p>
          </blockquote>
          <figcaption>{m.quote.byline}</figcaption>
        </figure>
      )}
      {m.advantages && (
        <details class="xc-adv">
          <summary>{m.advantages.title}</summary>
          <ol>
            {m.advantages.items.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ol>
        </details>
      )}
      <p class="xc-src" part={part('source')}>
        <a href={origin + '/source'} target="_blank">
          {m.source.label}
        </a>
      </p>
    </article>
  )
}
