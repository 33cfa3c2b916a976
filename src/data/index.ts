import factsJson from '../../data/facts.json'
import localeJson from '../../data/locale.json'
import cardJson from '../../data/card.json'
import type uiJson from '../../data/ui.json'
import sourceText from '../../data/source/xiaomi-ev-launch-2021-04-01.txt'
import formattedJson from '../../dist/formatted.json'
import digests from '../../dist/digests.json'
import { staticData } from '../lib/static-data'
import type { Formatted } from './formatted'
import type { CardConfig, Correction, Corrections, Fact, FactSet, Figure, Lang, Locales } from './schema'

// scripts/build.mjs refuses unsound data before every build, test and deploy, so the worker
// takes the checked JSON as it is: parsing it again here would only slow every cold start.
export const factSet = factsJson as unknown as FactSet
export const locales = localeJson as unknown as Locales
export const cardConfig = cardJson as unknown as CardConfig
let oldestFirst: Correction[] | undefined
/** Every correction, oldest first (data/corrections.json, a static asset: src/lib/static-data.ts). */
export const corrections = () => (oldestFirst ??= [...(staticData.corrections as unknown as Corrections).corrections].sort((a, b) => a.date.localeCompare(b.date)))
export const source = sourceText
/** Every figure and date as each language writes it, formatted with Intl at build time (src/data/formatted.ts). */
export const formatted = formattedJson as Record<Lang, Formatted>

export const factsById = new Map<string, Fact>(factSet.facts.map((f) => [f.id, f]))
export const figureIds = factSet.facts.filter((f): f is Figure => f.kind === 'figure').map((f) => f.id)
/** The pages' own words in each language (data/ui.json, a static asset: src/lib/static-data.ts; the build checks that every language has them all). */
export const ui = () => staticData.ui as Record<Lang, UiStrings>
export type UiStrings = typeof uiJson.en

/** The corrections that changed, in `lang`, one of these facts or the card's own wording; oldest first. */
export const correctionsOf = (ids: readonly string[], lang: Lang): Correction[] =>
  corrections().filter((c) => lang in c.after && (c.card !== undefined || ids.includes(c.fact!)))

/** Changes whenever a byte of the data does: the root of every ETag and the Cache-Tag of every response (scripts/build.mjs). */
export const dataVersion = digests.data

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}
