import * as v from 'valibot'
// widget/card.css's colours, read by scripts/build.mjs, for the contrast checks.
import schemes from '../../dist/card-schemes.json'
import { STYLE_PARAMS, FONT_HELP, COLOR_HELP, RADIUS_HELP, contrastProblems, malformed, type CardStyle, type StyleParam } from '../../widget/card-style'
import type { readTokens } from '../../widget/card-tokens'
import type { Theme } from '../../widget/card-model'

/** The card's own colours in light and dark, as card.css declares them. */
export const CARD_SCHEMES = schemes as ReturnType<typeof readTokens>

const HELP: Record<StyleParam, string> = { radius: RADIUS_HELP, font: FONT_HELP, accent: COLOR_HELP, text: COLOR_HELP, muted: COLOR_HELP, background: COLOR_HELP, border: COLOR_HELP }

// Described in /openapi.json by docs/theming.md's table: the name is the custom property's, --xc-<name>.
const styleParam = (name: StyleParam) => {
  const message = `${name} ${HELP[name]}`
  return v.optional(
    v.pipe(
      v.string(message),
      v.maxLength(200, message),
      v.check((value) => !malformed(name, value), message),
      v.description(`Sets --xc-${name} (docs/theming.md). Text colours need 4.5:1 contrast (WCAG AA) on the theme's backgrounds.`),
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
    for (const p of contrastProblems(q, q.theme, CARD_SCHEMES)) {
      addIssue({ message: p.reason, path: [{ type: 'object', origin: 'value', input: q, key: p.name, value: q[p.name as StyleParam] }] })
    }
  })

export const pickStyle = (q: CardStyle): CardStyle => Object.fromEntries(STYLE_PARAMS.filter((n) => q[n] !== undefined).map((n) => [n, q[n]]))
