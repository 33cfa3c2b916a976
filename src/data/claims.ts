// What a text claims beyond its words' numbers: the dates it states, the qualifiers it puts on a
// figure, and whether it quotes. The validator (./validate.ts) holds every fact's text, in every
// language, to what its English evidence span claims.

/** A qualifier the data can carry, or `approximately`, which the source never says of any figure. */
export type Claim = 'more-than' | 'estimated' | 'approximately'

// How the English source says each: "exceeded 10 million", "an estimated US$10 billion".
const IN_SOURCE: Record<Claim, RegExp> = {
  'more-than': /\bmore than\b|\bexceed/i,
  estimated: /\bestimated?\b/i,
  approximately: /~|≈|\babout\b|\bapproximately\b|\baround\b|\broughly\b|\bnearly\b/i,
}

const CLAIMS = Object.keys(IN_SOURCE) as Claim[]

/** The qualifiers the English evidence states. */
export const claimedBySource = (span: string) => new Set(CLAIMS.filter((c) => IN_SOURCE[c].test(span)))
/** The qualifiers a text states, by its language's words for each (data/locale.json `claims`:
 *  in Chinese 约/約 and ~ mean "about", an estimate is a forecast, 预计/預計, and 超 and 逾 are "more than"). */
export const claimedIn = (text: string, words: Record<Claim, string>) => new Set(CLAIMS.filter((c) => new RegExp(words[c], 'i').test(text)))

// Dates at the precision written: "2021-04" for March 2021 / 2021年3月, "2021-04-01" for a day.
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const M = MONTHS.join('|')
const iso = (y: string, m: number | string, d?: string) =>
  `${y}-${String(m).padStart(2, '0')}${d ? `-${d.padStart(2, '0')}` : ''}`
const month = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1

/** Every date a text states, in any of our languages, as ISO at the precision it is written. */
export function datesIn(text: string): Set<string> {
  const t = text.normalize('NFKC')
  const found = new Set<string>()
  let rest = t
  const take = (re: RegExp, toIso: (m: RegExpExecArray) => string) => {
    for (const m of rest.matchAll(new RegExp(re, 'gi'))) found.add(toIso(m as RegExpExecArray))
    rest = rest.replace(new RegExp(re, 'gi'), ' ')
  }
  take(/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => iso(m[1], m[2], m[3]))
  take(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/, (m) => iso(m[1], m[2], m[3]))
  take(new RegExp(`\\b(\\d{1,2}) (${M}) (\\d{4})\\b`), (m) => iso(m[3], month(m[2]), m[1]))
  take(new RegExp(`\\b(${M}) (\\d{1,2}), (\\d{4})\\b`), (m) => iso(m[3], month(m[1]), m[2]))
  take(new RegExp(`\\b(${M}) (\\d{4})\\b`), (m) => iso(m[2], month(m[1])))
  return found
}

/** Quotation marks in any of our languages; apostrophes (Xiaomi’s) are not quotation. */
export const QUOTATION = /[“”「」『』"«»]/
