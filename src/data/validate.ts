import * as v from 'valibot'
import { LANGS } from '../../widget/card-model'
import { CardConfig, Corrections, FactSet, Locales, QUALIFIERS, UiSet, type Correction, type Fact, type FactSet as Facts, type Lang, type Locales as LocaleSet } from './schema'
import { dateLine } from '../../widget/card-model'
import { formatDate, formatFigure, formatNumber, quoteByline } from './format'
import { QUOTATION, claimedBySource, claimedIn, datesIn } from './claims'
import { matchLang } from '../../widget/lang'

export interface RawData {
  facts: unknown
  locales: unknown
  card: unknown
  corrections: unknown
  ui: unknown
}

// Numbers as written, so "2021-04-01" yields 2021, 4 and 1 and "324.8 million" yields 324.8.
// NFKC first: a full-width ２０２１ in Chinese text is a number too, and must not slip past.
const numbersIn = (text: string) => new Set((text.normalize('NFKC').match(/\d+(?:\.\d+)?/g) ?? []).map(Number))

// A Chinese text writes "March" as 3 (2021年3月), so a month named in the evidence counts as its number.
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
function statedIn(text: string): Set<number> {
  const numbers = numbersIn(text)
  const words = text.toLowerCase()
  MONTHS.forEach((month, i) => new RegExp(`\\b${month}\\b`).test(words) && numbers.add(i + 1))
  return numbers
}

/** How the English source writes a value: 10000000000 is "10 billion", 8 is "8". */
const asWrittenInSource = (value: number) => formatNumber(value, 'en')

function containsWord(haystack: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d])`).test(haystack)
}

/** The text of a fact a reader sees in `lang`: a statement's or quote's words, a figure's label. */
const proseOf = (fact: Fact) => (fact.kind === 'figure' ? fact.label : fact.text)

// Beyond the numbers: each text states no date, qualifier or quotation its span does not.
function checkClaims(fact: Fact, facts: Facts, locales: LocaleSet | undefined): string[] {
  const errors: string[] = []
  const span = fact.evidence.text
  const spanDates = datesIn(span)
  const spanClaims = claimedBySource(span)
  const dateline = span === `date ${facts.source.published}`
  for (const lang of LANGS) {
    const text = proseOf(fact)[lang]
    for (const date of datesIn(text)) if (!spanDates.has(date)) errors.push(`${lang} text states the date ${date}, which its evidence does not`)
    const words = locales?.[lang].claims
    if (words) for (const claim of claimedIn(text, words)) if (!spanClaims.has(claim)) errors.push(`${lang} text says "${claim}", which its evidence does not`)
    if (QUOTATION.test(text) && !(fact.kind === 'quote' && lang === facts.source.lang))
      errors.push(`${lang} text quotes words its evidence does not; a quotation is a quote fact, marked as translated outside the source's language`)
    // The dateline dates the document: a text on it says so, and claims no event on that day.
    const document = locales?.[lang].dateLabel
    if (dateline && document && !text.toLowerCase().includes(document.toLowerCase()))
      errors.push(`${lang} text must say that its evidence, the dateline, dates the ${document}: it dates no event`)
  }
  if (fact.kind === 'quote' && !span.includes(fact.text[facts.source.lang as Lang]))
    errors.push(`the ${facts.source.lang} quote is not verbatim in its evidence`)
  if (fact.kind === 'figure') {
    for (const claim of spanClaims) if (claim !== fact.qualifier) errors.push(`its evidence says "${claim}", which the figure's qualifier does not`)
    if (fact.qualifier && !spanClaims.has(fact.qualifier)) errors.push(`qualifier ${fact.qualifier} is not stated in its evidence`)
  }
  return errors
}

// Each qualifier reads, in each language, as that qualifier and no other: "est." and 预计 for an
// estimate, never ~ or 约 (about).
function checkQualifierWords(locales: LocaleSet, sourceLang: string): string[] {
  const errors: string[] = []
  for (const lang of LANGS) {
    for (const q of QUALIFIERS) {
      const pattern = locales[lang].qualifier[q]
      const says = [...claimedIn(pattern, locales[lang].claims)]
      if (says.join() !== q) errors.push(`locale.json: ${lang}.qualifier.${q} "${pattern}" reads as ${says.join(' and ') || 'nothing'}; it must read as ${q}`)
    }
    for (const tag of locales[lang].otherTags) if (matchLang(tag) !== lang) errors.push(`locale.json: ${lang}.otherTags: ${tag} means ${matchLang(tag) ?? 'no language we serve'}`)
    const marked = locales[lang].translatedQuote !== undefined
    if (marked === (lang === sourceLang))
      errors.push(`locale.json: ${lang}.translatedQuote: ${marked ? 'the source language quotes, it does not translate' : 'a quote translated from the source must be marked as one'}`)
  }
  return errors
}

function checkFact(fact: Fact, source: string): string[] {
  const errors: string[] = []
  const { text, start, end } = fact.evidence
  if (source.slice(start, end) !== text) {
    const at = source.indexOf(text)
    errors.push(
      at < 0
        ? `evidence text is not in the source`
        : `evidence offsets ${start}-${end} do not match the source; the text stands at ${at}-${at + text.length}`,
    )
  }
  // A text fragment (#:~:text=, widget/card-model.ts evidenceHref) reads a leading or trailing '-' as a prefix or suffix mark.
  if (/^-|-$/.test(text)) errors.push(`evidence must not start or end with "-", which a text fragment would misread`)
  if (fact.kind === 'figure') {
    for (const [what, value] of [['value', fact.value], ['equivalent', fact.equivalent?.value]] as const) {
      if (value !== undefined && !containsWord(text, asWrittenInSource(value)))
        errors.push(`${what} ${value} ("${asWrittenInSource(value)}") is not stated in its evidence`)
    }
  }
  const stated = statedIn(text)
  for (const [lang, words] of Object.entries(proseOf(fact))) {
    for (const n of numbersIn(words)) if (!stated.has(n)) errors.push(`${lang} text states ${n}, which its evidence does not`)
  }
  return errors
}

const HAN = /\p{Script=Han}/u

const keys = (issue: v.BaseIssue<unknown>) => (issue.path ?? []).map((item) => item.key as string | number)

/** Every problem with the data, each naming the fact (or file) and what is wrong; empty when sound. */
export function validateData(raw: RawData, source: string): string[] {
  const errors: string[] = []
  const factSet = v.safeParse(FactSet, raw.facts)
  if (!factSet.success) {
    for (const issue of factSet.issues) {
      const path = keys(issue)
      const index = path[1]
      const id = typeof index === 'number' ? (raw.facts as { facts: { id?: string }[] }).facts[index]?.id : undefined
      errors.push(`${id ? `fact ${id}` : 'facts.json'}: ${path.join('.')}: ${issue.message}`)
    }
    return errors
  }
  const byId = new Map<string, Fact>()
  for (const fact of factSet.output.facts) {
    if (byId.has(fact.id)) errors.push(`fact ${fact.id}: duplicate id`)
    if (HAN.test(fact.note)) errors.push(`fact ${fact.id}: note must be English`)
    byId.set(fact.id, fact)
    for (const e of checkFact(fact, source)) errors.push(`fact ${fact.id}: ${e}`)
  }

  const locales = v.safeParse(Locales, raw.locales)
  if (!locales.success) for (const i of locales.issues) errors.push(`locale.json: ${keys(i).join('.')}: ${i.message}`)
  else errors.push(...checkQualifierWords(locales.output, factSet.output.source.lang))
  const strings = locales.success ? locales.output : undefined
  for (const fact of factSet.output.facts) for (const e of checkClaims(fact, factSet.output, strings)) errors.push(`fact ${fact.id}: ${e}`)

  const corrections = v.safeParse(Corrections, raw.corrections)
  if (!corrections.success) for (const i of corrections.issues) errors.push(`corrections.json: ${keys(i).join('.')}: ${i.message}`)
  else if (strings) errors.push(...checkCorrections(corrections.output.corrections, byId, strings, factSet.output))

  errors.push(...checkUi(raw.ui))

  const card = v.safeParse(CardConfig, raw.card)
  if (!card.success) for (const i of card.issues) errors.push(`card.json: ${keys(i).join('.')}: ${i.message}`)
  else {
    const c = card.output
    const expect = (id: string, kind: Fact['kind'], where: string) => {
      const fact = byId.get(id)
      if (fact?.kind !== kind) errors.push(`card.json: ${where} names ${id}, which is not a ${kind} fact`)
    }
    for (const [name, rule] of Object.entries(c.variants)) {
      for (const id of rule.figures) expect(id, 'figure', `${name}'s figures`)
      if (rule.quote) expect(rule.quote, 'quote', `${name}'s quote`)
      for (const id of rule.advantages ?? []) expect(id, 'statement', `${name}'s advantages`)
    }
  }
  return errors
}

/** What a reader sees today of the thing a correction names, in `lang`. */
function shownNow(c: Correction, fact: Fact | undefined, locales: LocaleSet, facts: Facts, lang: Lang): string | undefined {
  const strings = locales[lang]
  if (c.card === 'date') return dateLine(strings.dateLabel, formatDate(facts.source.published, lang))
  if (c.card) return strings[c.card]
  if (!fact) return undefined
  if (c.field === 'text' && fact.kind !== 'figure') return fact.text[lang]
  if (c.field === 'label' && fact.kind === 'figure') return fact.label[lang]
  if (c.field === 'value' && fact.kind === 'figure') return formatFigure(fact, lang, strings)
  if (c.field === 'byline' && fact.kind === 'quote') return quoteByline(strings, fact.attribution[lang], lang !== facts.source.lang)
  return undefined
}

// A correction that does not match what readers see would misreport the change: each entry's
// `after` is what the card and the API show today, unless a later entry changed it again.
function checkCorrections(list: Correction[], byId: Map<string, Fact>, locales: LocaleSet, facts: Facts): string[] {
  const errors: string[] = []
  list.forEach((c, i) => {
    const where = `corrections.json: ${i} (${c.fact ?? c.card})`
    // /v1/facts serves them in every language: Chinese of one region would read wrong in another's.
    if (HAN.test(c.what + c.why)) errors.push(`${where}: what and why must be English`)
    const fact = c.fact === undefined ? undefined : byId.get(c.fact)
    if (c.fact !== undefined && !fact) return errors.push(`${where}: names no fact`)
    if (Object.keys(c.after).sort().join() !== Object.keys(c.before).sort().join()) errors.push(`${where}: before and after name different languages`)
    const later = list.slice(i + 1).some((d) => d.fact === c.fact && d.card === c.card && d.field === c.field)
    for (const [lang, text] of Object.entries(c.after) as [Lang, string][]) {
      const now = shownNow(c, fact, locales, facts, lang)
      if (now === undefined) errors.push(`${where}: ${c.field} is not a field of a ${fact?.kind} fact`)
      else if (!later && now !== text) errors.push(`${where}: after.${lang} "${text}" is not what readers see now, "${now}"`)
      if (c.before[lang] === text) errors.push(`${where}: ${lang} did not change`)
    }
  })
  return errors
}

/** Every string's path in a tree of UI strings, with the string: "where.rows.4.1" → "…". */
function uiStrings(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value == 'object') return Object.entries(value).flatMap(([k, v]) => uiStrings(v, path ? `${path}.${k}` : k))
  return [[path, value]]
}

// data/ui.json: the pages' own words. English is the reference: every language has each of its
// strings, no other, none empty, with the same {n} slots, so no page falls back to English.
function checkUi(raw: unknown): string[] {
  const ui = v.safeParse(UiSet, raw)
  if (!ui.success) return ui.issues.map((i) => `ui.json: ${keys(i).join('.')}: ${i.message}`)
  const errors: string[] = []
  const reference = new Map(uiStrings(ui.output.en))
  for (const lang of LANGS) {
    const own = new Map(uiStrings(ui.output[lang]))
    for (const [path, text] of reference) {
      const mine = own.get(path)
      if (typeof mine != 'string' || !mine.trim()) errors.push(`ui.json: ${lang}.${path}: missing; every language says what English says`)
      else if (mine.includes('{n}') !== (text as string).includes('{n}')) errors.push(`ui.json: ${lang}.${path}: {n} must appear as in English`)
    }
    for (const path of own.keys()) if (!reference.has(path)) errors.push(`ui.json: ${lang}.${path}: not a string English has`)
  }
  return errors
}
