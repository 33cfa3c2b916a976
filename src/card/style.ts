import * as v from 'valibot'
// Minified from widget/card.css by scripts/build.mjs: the card's own colours, for the contrast checks.
import cardCss from '../../dist/card.css'
import { STYLE_PARAMS, FONT_HELP, COLOR_HELP, RADIUS_HELP, contrastProblems, malformed, type CardStyle, type StyleParam } from '../../widget/card-style'
import { readTokens } from '../../widget/card-tokens'
import type { Theme } from '../../widget/card-model'

/** The card's own colours in light and dark, as card.css declares them. */
export const CARD_SCHEMES = readTokens(cardCss)
const schemes = CARD_SCHEMES

const HELP: Record<StyleParam, [string, string]> = {
  accent: [COLOR_HELP, 'Links, evidence controls and the figures\' rule (--xc-accent).'],
  text: [COLOR_HELP, 'The headline and figures (--xc-text).'],
  muted: [COLOR_HELP, 'Dates, labels and the source line (--xc-muted).'],
  background: [COLOR_HELP, "The card's and the evidence pop-up's background (--xc-background)."],
  border: [COLOR_HELP, "The card's border (--xc-border)."],
  radius: [RADIUS_HELP, "The card's corner radius in CSS px (--xc-radius)."],
  font: [FONT_HELP, "The card's font families, the reader's own fonts only (--xc-font)."],
}
const EXAMPLE: Record<StyleParam, string> = {
  accent: '#0a5c36', text: '#1b1b1f', muted: '#575a63', background: '#ffffff', border: '#e2e3e8', radius: '4', font: 'Georgia, serif',
}

const styleParam = (name: StyleParam) => {
  const [help, description] = HELP[name]
  const message = `${name} ${help}`
  const colour = help == COLOR_HELP ? ' Text colours need 4.5:1 contrast (WCAG AA) on every background the theme shows them on.' : ''
  return v.optional(
    v.pipe(
      v.string(message),
      v.maxLength(200, message),
      v.check((value) => !malformed(name, value), message),
      v.metadata({ description: description + colour, example: EXAMPLE[name] }),
    ),
  )
}

/** accent, text, muted, background, border, radius, font: each optional, each checked for form. */
export const styleParams = {
  accent: styleParam('accent'), text: styleParam('text'), muted: styleParam('muted'), background: styleParam('background'),
  border: styleParam('border'), radius: styleParam('radius'), font: styleParam('font'),
} satisfies Record<StyleParam, unknown>

/** A well-formed style whose text would be too faint on the card's backgrounds is refused, naming
 *  the parameter and the contrast it reaches (run once every value is well-formed). */
export const styleContrast = <T extends CardStyle & { theme: Theme }>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (dataset.issues) return
    const q = dataset.value as T
    for (const p of contrastProblems(q, q.theme, schemes)) {
      addIssue({ message: p.reason, path: [{ type: 'object', origin: 'value', input: q, key: p.name, value: q[p.name as StyleParam] }] })
    }
  })

export const pickStyle = (q: CardStyle): CardStyle => Object.fromEntries(STYLE_PARAMS.filter((n) => q[n] !== undefined).map((n) => [n, q[n]]))
