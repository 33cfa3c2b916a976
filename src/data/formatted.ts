// Build time only (scripts/build.mjs writes dist/formatted.json): every figure and date,
// formatted once per language with Intl. The worker looks them up, so no request, and no cold
// start, pays for loading the ICU data that the first Intl.NumberFormat costs.
import factsJson from '../../data/facts.json'
import localeJson from '../../data/locale.json'
import correctionsJson from '../../data/corrections.json'
import { formatDate, formatFigure } from './format'
import { LANGS } from '../../widget/card-model'
import { type Corrections, type FactSet, type Lang, type Locales } from './schema'

// The data as the build has just checked it (not ./index, which reads this table back).
const factSet = factsJson as unknown as FactSet
const locales = localeJson as unknown as Locales
const corrections = (correctionsJson as unknown as Corrections).corrections

export interface Formatted {
  date: Record<string, string>
  figures: Record<string, { value: string; equivalent?: string }>
}

export function formattedTable(): Record<Lang, Formatted> {
  const table = (lang: Lang): Formatted => ({
    // The press release's date, and each correction's ("Updated December 1, 2026").
    date: Object.fromEntries([factSet.source.published, ...corrections.map((c) => c.date)].map((d) => [d, formatDate(d, lang)])),
    figures: Object.fromEntries(
      factSet.facts.flatMap((f) =>
        f.kind === 'figure'
          ? [[f.id, { value: formatFigure(f, lang, locales[lang]), ...(f.equivalent && { equivalent: formatFigure(f.equivalent, lang, locales[lang]) }) }]]
          : [],
      ),
    ),
  })
  return Object.fromEntries(LANGS.map((lang) => [lang, table(lang)])) as Record<Lang, Formatted>
}
