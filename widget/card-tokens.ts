// The card's design tokens live once, as the custom properties of widget/card.css. The HTML
// card uses them through var(); the image (CardImage.tsx) cannot run CSS, so it reads the
// same declarations from the same file at build time.

export interface CardTokens {
  bg: string
  fg: string
  mute: string
  line: string
  acc: string
  /** The evidence pop-up's background. */
  pop: string
  /** The card's max-width in CSS px, which is the image's width. */
  width: number
}

function declarations(css: string, selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
  const block = css.match(new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`))?.[1]
  if (!block) throw new Error(`card.css has no ${selector} rule`)
  const out: Record<string, string> = {}
  for (const [, name, value] of block.matchAll(/((?:--)?[\w-]+)\s*:\s*([^;]+)/g)) out[name] = value.trim()
  return out
}

/** Each colour token of `.xc` is var(--xc-…, light-dark(light, dark)): the image draws the
 *  fallback of the scheme it is drawn in (a publisher's custom properties are the page's, not
 *  ours); `auto` has no meaning in an image and draws light. */
export function readTokens(css: string): { light: CardTokens; dark: CardTokens } {
  const base = declarations(css, '.xc')
  const width = Number.parseFloat(base['max-width'])
  const pick = (scheme: 0 | 1): CardTokens => {
    const get = (name: string) => {
      const pair = base[`--${name}`]?.match(/light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)/)
      if (!pair) throw new Error(`card.css defines no --${name}: light-dark(…, …)`)
      return pair[1 + scheme]
    }
    return { bg: get('bg'), fg: get('fg'), mute: get('mute'), line: get('line'), acc: get('acc'), pop: get('pop'), width }
  }
  return { light: pick(0), dark: pick(1) }
}
