import type { CardTokens } from './card-tokens'

/** The site's icon, drawn from the card: its accent, and the rule over each key figure on the
 *  card's face. The build draws the PNG and ICO from this SVG (scripts/build.mjs). */
export const iconSvg = (t: Pick<CardTokens, 'acc' | 'bg'>) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${t.acc}"/>` +
  `<rect x="12" y="14" width="40" height="6" rx="3" fill="${t.bg}"/><rect x="12" y="29" width="30" height="6" rx="3" fill="${t.bg}"/>` +
  `<rect x="12" y="44" width="20" height="6" rx="3" fill="${t.bg}"/></svg>`

/** The icon files /favicon.svg, /favicon.ico (one 32 px PNG inside) and /apple-touch-icon.png (180 px). */
export const ICONS = {
  '/favicon.svg': { type: 'image/svg+xml', size: 0 },
  '/favicon.ico': { type: 'image/x-icon', size: 32 },
  '/apple-touch-icon.png': { type: 'image/png', size: 180 },
} as const
