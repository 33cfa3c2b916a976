// A publisher's own look for the card: the values of the --xc-* custom properties (card.css),
// as query parameters of /card and /v1/card.html and as the builder's options at /. One set of
// rules, here, for the worker's 400s and the builder's warning: well-formed values only, and
// text that keeps WCAG AA contrast (4.5:1) on every background the card can show it on.
import type { Theme } from './card-model'

export const COLOR_PARAMS = ['accent', 'text', 'muted', 'background', 'border'] as const
export const STYLE_PARAMS = [...COLOR_PARAMS, 'radius', 'font'] as const
export type StyleParam = (typeof STYLE_PARAMS)[number]
export type CardStyle = Partial<Record<StyleParam, string>>

export const COLOR_HELP = 'must be a hex colour: #rgb or #rrggbb'
export const RADIUS_HELP = 'must be a whole number of CSS pixels from 0 to 32'
export const FONT_HELP = 'must be up to 4 comma-separated font families of letters, digits, spaces and hyphens'
export const MIN_CONTRAST = 4.5
/** The builder's font choices at /: stacks every reader has some of, no web font to load. */
export const FONT_CHOICES = ['Georgia, serif', 'Iowan Old Style, Palatino, Georgia, serif', 'Helvetica Neue, Arial, sans-serif', 'ui-rounded, system-ui, sans-serif', 'ui-monospace, monospace']

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i
const FAMILY = /^[a-z0-9][a-z0-9 -]{0,39}$/i
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded'])

/** Why a value is refused, or undefined when it is well-formed. */
export function malformed(name: StyleParam, value: string): string | undefined {
  if (name == 'radius') return /^(?:[0-9]|[12][0-9]|3[0-2])$/.test(value) ? undefined : RADIUS_HELP
  if (name == 'font') {
    const names = value.split(',').map((f) => f.trim())
    return names.length <= 4 && names.every((f) => FAMILY.test(f)) ? undefined : FONT_HELP
  }
  return HEX.test(value) ? undefined : COLOR_HELP
}

/** The declarations a well-formed style sets, e.g. `--xc-accent:#0a5c36;--xc-radius:4px`: only
 *  characters the checks above let through, so it is safe in a style attribute or a sheet. */
export function styleDeclarations(style: CardStyle): string {
  const value = (name: StyleParam, v: string) =>
    name == 'radius'
      ? `${v}px`
      : name == 'font'
        ? v.split(',').map((f) => (GENERIC.has(f.trim().toLowerCase()) ? f.trim() : `"${f.trim().replace(/\s+/g, ' ')}"`)).join(',')
        : v.toLowerCase()
  return STYLE_PARAMS.filter((n) => style[n] !== undefined)
    .map((n) => `--xc-${n}:${value(n, style[n]!)}`)
    .join(';')
}

/** WCAG 2 relative luminance of #rgb / #rrggbb. */
function luminance(hex: string): number {
  const h = hex.length == 4 ? hex.replace(/[0-9a-f]/gi, (d) => d + d) : hex
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** The card's own colours in one scheme (widget/card-tokens.ts reads them from card.css). */
export interface SchemeColors {
  bg: string
  pop: string
  fg: string
  mute: string
  acc: string
}

const TEXT_ROLES = [
  ['text', 'fg'],
  ['muted', 'mute'],
  ['accent', 'acc'],
] as const

/** A text colour too faint on a background the card shows it on. */
export interface ContrastProblem {
  /** The parameter to change: the colour's own, or background when the theme's colour is too faint on it. */
  name: StyleParam
  role: (typeof TEXT_ROLES)[number][0]
  scheme: 'light' | 'dark'
  /** Whether the colour, and the background, are the publisher's (else the theme's own). */
  ownColour: boolean
  ownBackground: boolean
  /** The lowest contrast it reaches, floored to hundredths. */
  ratio: number
  /** Why, in the API's words (English: its 400's invalid_params). */
  reason: string
}

/** The builder's words for a problem, in the page's language (data/ui.json home.contrast). */
export interface ContrastWords {
  warning: string
  yours: string
  theirs: string
  given: string
  backgrounds: string
  roles: Record<ContrastProblem['role'], string>
  schemes: Record<ContrastProblem['scheme'], string>
}

const fill = (pattern: string, slots: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (slot, name: string) => slots[name] ?? slot)

/** What the builder at / says of a problem: "Your accent colour on your background has contrast 4.48:1; …". */
export function contrastWarning(p: ContrastProblem, words: ContrastWords): string {
  const slots = { role: words.roles[p.role], scheme: words.schemes[p.scheme] }
  return fill(words.warning, {
    colour: fill(p.ownColour ? words.yours : words.theirs, slots),
    background: fill(p.ownBackground ? words.given : words.backgrounds, slots),
    ratio: String(p.ratio),
    min: String(MIN_CONTRAST),
  })
}

/** Each colour of `style` that is too faint on a background the card shows it on, in the schemes
 *  `theme` can take (auto: both), with why. Custom colours only: ours pass by design. */
export function contrastProblems(
  style: CardStyle,
  theme: Theme,
  schemes: { light: SchemeColors; dark: SchemeColors },
): ContrastProblem[] {
  const problems: ContrastProblem[] = []
  for (const scheme of theme == 'auto' ? (['light', 'dark'] as const) : [theme]) {
    const own = schemes[scheme]
    // A background given replaces the evidence pop-up's too (card.css --pop).
    const backgrounds = style.background ? [style.background] : [own.bg, own.pop]
    const against = style.background ? 'the background given' : `the ${scheme} theme's backgrounds`
    for (const [role, token] of TEXT_ROLES) {
      if (!style[role] && !style.background) continue
      const worst = Math.min(...backgrounds.map((bg) => contrast(style[role] ?? own[token], bg)))
      if (worst >= MIN_CONTRAST) continue
      const name = style[role] ? role : 'background'
      const ratio = Math.floor(worst * 100) / 100
      const reason = `${style[role] ? role : `the ${scheme} theme's ${role}`} colour on ${against} has contrast ${ratio}:1; text needs at least ${MIN_CONTRAST}:1 (WCAG AA)`
      if (!problems.some((p) => p.name == name && p.reason == reason))
        problems.push({ name, role, scheme, ownColour: !!style[role], ownBackground: !!style.background, ratio, reason })
    }
  }
  return problems
}
