import * as v from 'valibot'
import { CardConfig, FactSet, Locales, type Fact } from './schema'
import { formatNumber } from './format'

export interface RawData {
  facts: unknown
  locales: unknown
  card: unknown
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
  if (fact.kind === 'figure') {
    for (const [what, value] of [['value', fact.value], ['equivalent', fact.equivalent?.value]] as const) {
      if (value !== undefined && !containsWord(text, asWrittenInSource(value)))
        errors.push(`${what} ${value} ("${asWrittenInSource(value)}") is not stated in its evidence`)
    }
  }
  const stated = statedIn(text)
  const prose = fact.kind === 'figure' ? fact.label : fact.text
  for (const [lang, words] of Object.entries(prose)) {
    for (const n of numbersIn(words)) if (!stated.has(n)) errors.push(`${lang} text states ${n}, which its evidence does not`)
  }
  return errors
}

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
    byId.set(fact.id, fact)
    for (const e of checkFact(fact, source)) errors.push(`fact ${fact.id}: ${e}`)
  }

  const locales = v.safeParse(Locales, raw.locales)
  if (!locales.success) for (const i of locales.issues) errors.push(`locale.json: ${keys(i).join('.')}: ${i.message}`)

  const card = v.safeParse(CardConfig, raw.card)
  if (!card.success) for (const i of card.issues) errors.push(`card.json: ${keys(i).join('.')}: ${i.message}`)
  else {
    const c = card.output
    const expect = (id: string, kind: Fact['kind'], where: string) => {
      const fact = byId.get(id)
      if (fact?.kind !== kind) errors.push(`card.json: ${where} names ${id}, which is not a ${kind} fact`)
    }
    for (const id of [...c.compact, ...c.full, c.statDefault]) expect(id, 'figure', 'a figure list')
    expect(c.quote, 'quote', 'quote')
    for (const id of [c.advantagesIntro, ...c.advantages]) expect(id, 'statement', 'advantages')
  }
  return errors
}
