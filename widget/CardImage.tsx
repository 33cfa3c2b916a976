import type { CardFigure, CardModel } from './card-model'
import { fixedHeight } from './variants'
import type { CardTokens } from './card-tokens'

// The card as an image (scripts/images.mjs draws these with satori at build time).
//
// Why a sibling of Card.tsx and not Card.tsx with a "style mode": satori lays out inline
// styles with flexbox only, and Card.tsx's look rests on what satori lacks (the stylesheet,
// grid, line-clamp by class, <details>, ::before markers). A mode flag would fork every node
// of Card.tsx and bend the HTML card's markup to a renderer. So this file draws the same
// CardModel (the same strings and the same formatted numbers, in the same order) with the same
// tokens (the colours and width of card.css, read by card-tokens.ts; heights from the variant
// table, widget/variants.ts), and mirrors card.css's sizes one for one, each noted beside its rule.
// What an image cannot do is left out: the evidence toggles (the source link sits under the
// card, and a newsletter wraps the image in a link to /card) and the advantages' disclosure,
// which is drawn open because nobody can open it on paper.
//
// Every element with more than one child says display:flex, as satori requires.

export interface ImageProps {
  model: CardModel
  tokens: CardTokens
  /** The font family the build loaded for the model's language. */
  font: string
}

const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden' }) as const

function FigureValue({ f, t, size }: { f: CardFigure; t: CardTokens; size: number }) {
  return (
    <div style={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap' }}>
      <span style={{ fontSize: size, fontWeight: 700 }}>{f.value}</span>
      {f.equivalent && <span style={{ fontSize: 13, color: t.mute, marginLeft: 4 }}>{`(${f.equivalent})`}</span>}
    </div>
  )
}

/** The card at its own width; a variant of one height at it, the others as tall as they grow. */
export function CardImage({ model: m, tokens: t, font }: ImageProps) {
  const height = fixedHeight(m.variant)
  const pinned = height !== undefined // fixed height, source line at the bottom
  const inner = t.width - 2 * 16 - 2 // .xc padding and border
  const source = (
    <div
      style={{
        display: 'flex', fontSize: 13, color: t.acc, textDecoration: 'underline',
        ...(pinned ? { position: 'absolute', bottom: 14, left: 16, right: 16 } : { marginTop: 12 }),
      }}
    >
      {m.source.label}
    </div>
  )
  return (
    <div
      style={{
        display: 'flex', flexDirection: 'column', position: 'relative', width: t.width,
        ...(pinned && { height }),
        padding: 16, background: t.bg, color: t.fg, border: `1px solid ${t.line}`, borderRadius: 12,
        fontFamily: font, fontSize: 15, lineHeight: 1.45,
      }}
    >
      {/* .xc-date */}
      <div style={{ fontSize: 13, color: t.mute }}>{m.date.text}</div>
      {/* .xc-h; compact two lines in 48 px, stat 16/22 px in 44 px */}
      <div
        style={{
          fontSize: m.variant == 'stat' ? 16 : 18, lineHeight: m.variant == 'stat' ? '22px' : '24px', fontWeight: 700,
          margin: '2px 0 10px', ...(pinned && { ...clamp(2), height: m.variant == 'stat' ? 44 : 48 }),
        }}
      >
        {m.headline}
      </div>
      {m.ui.keyFigures && <div style={{ fontSize: 13, color: t.mute, fontWeight: 700, marginBottom: 6 }}>{m.ui.keyFigures}</div>}
      {m.variant == 'compact' && (
        // .xc-compact .xc-figs: one column, 6 px apart, each 46 px under a 1 px rule
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {m.figures.map((f) => (
            <div key={f.id} style={{ display: 'flex', flexDirection: 'column', height: 46, paddingTop: 4, borderTop: `1px solid ${t.acc}` }}>
              <div style={{ fontSize: 13, color: t.mute, lineHeight: '18px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{f.label}</div>
              <div style={{ display: 'flex', lineHeight: '22px', fontSize: 16, fontWeight: 700 }}>{f.value}</div>
            </div>
          ))}
        </div>
      )}
      {m.variant == 'stat' &&
        m.figures.map((f) => (
          // .xc-stat: label in two 18 px lines, value 26/34 px on a line of its own
          <div key={f.id} style={{ display: 'flex', flexDirection: 'column' }}>
            <div style={{ fontSize: 13, color: t.mute, lineHeight: '18px', height: 36, ...clamp(2) }}>{f.label}</div>
            <div style={{ fontSize: 26, lineHeight: '34px', fontWeight: 700, whiteSpace: 'nowrap' }}>{f.value}</div>
            {f.equivalent && <div style={{ fontSize: 13, color: t.mute }}>{`(${f.equivalent})`}</div>}
          </div>
        ))}
      {m.variant == 'full' && (
        // .xc-figs: auto-fill columns of at least 176 px, 10 px apart (three at 640 px)
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10 }}>
          {m.figures.map((f) => (
            <div key={f.id} style={{ display: 'flex', flexDirection: 'column', width: Math.floor((inner - 20) / 3), borderTop: `2px solid ${t.acc}`, paddingTop: 6 }}>
              <div style={{ fontSize: 13, color: t.mute }}>{f.label}</div>
              <FigureValue f={f} t={t} size={18} />
            </div>
          ))}
        </div>
      )}
      {m.quote && (
        // .xc-q
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 14, borderLeft: `3px solid ${t.acc}`, paddingLeft: 10 }}>
          {/* Only English is set in italic (card.css): Chinese type has none, and a slanted upright face is a fake. */}
          <div style={{ fontStyle: m.lang == 'en' ? 'italic' : 'normal' }}>{m.quote.text}</div>
          <div style={{ fontSize: 13, color: t.mute }}>{m.quote.byline}</div>
        </div>
      )}
      {m.advantages && (
        // .xc-adv, open
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 12 }}>
          <div style={{ color: t.acc, textDecoration: 'underline' }}>{m.advantages.title}</div>
          {m.advantages.items.map((a, i) => (
            <div key={a.id} style={{ display: 'flex', marginTop: 4 }}>
              <span style={{ width: 20, flexShrink: 0 }}>{`${i + 1}.`}</span>
              <span style={{ flex: 1 }}>{a.text}</span>
            </div>
          ))}
        </div>
      )}
      {source}
    </div>
  )
}

export const SHARE = { width: 1200, height: 630 } as const

/** 1200×630 for link previews: headline, date, the key figures, the source. Sized to stay
 *  legible as a phone-sized thumbnail (about a third of its width). */
export function ShareImage({ model: m, tokens: t, font }: ImageProps) {
  const one = m.figures.length == 1
  return (
    <div
      style={{
        display: 'flex', flexDirection: 'column', width: SHARE.width, height: SHARE.height, padding: '56px 72px 48px',
        background: t.bg, color: t.fg, fontFamily: font, borderTop: `12px solid ${t.acc}`,
      }}
    >
      <div style={{ fontSize: 30, color: t.mute }}>{m.date.text}</div>
      <div style={{ fontSize: 56, lineHeight: '68px', fontWeight: 700, marginTop: 8, ...clamp(2) }}>{m.headline}</div>
      <div style={{ display: 'flex', gap: 40, marginTop: 'auto' }}>
        {m.figures.map((f) => (
          <div key={f.id} style={{ display: 'flex', flexDirection: 'column', flex: 1, borderTop: `4px solid ${t.acc}`, paddingTop: 14 }}>
            {/* Labels end on one line across the row, so the values line up whether a label takes one line or two. */}
            <div style={{ display: 'flex', alignItems: 'flex-end', height: one ? 42 : 68 }}>
              <div style={{ fontSize: one ? 32 : 26, lineHeight: one ? '42px' : '34px', color: t.mute, ...clamp(one ? 1 : 2) }}>{f.label}</div>
            </div>
            <div style={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap' }}>
              <span style={{ fontSize: one ? 84 : 40, lineHeight: one ? '100px' : '54px', fontWeight: 700, whiteSpace: 'nowrap' }}>{f.value}</span>
              {f.equivalent && <span style={{ fontSize: 32, color: t.mute, marginLeft: 16 }}>{`(${f.equivalent})`}</span>}
            </div>
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', fontSize: 26, color: t.acc, marginTop: 36 }}>{m.source.label}</div>
    </div>
  )
}
