// What /v1/card returns and what <Card> renders: every string already in the reader's
// language and every figure already formatted, so the browser formats nothing.

/** The languages we serve, each written for its readers (data/facts.json, data/locale.json):
 *  English, Simplified Chinese, and Traditional Chinese as Hong Kong and as Taiwan write it. */
/** A fact's id: kebab-case, at most 64 characters. The data, the API and embed.js check ids by it. */
export const FACT_ID = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/
export const LANGS = ['en', 'zh-CN', 'zh-HK', 'zh-TW'] as const
export type Lang = (typeof LANGS)[number]
export const VARIANTS = ['compact', 'full', 'stat'] as const
export const THEMES = ['light', 'dark', 'auto'] as const
export type Variant = (typeof VARIANTS)[number]
export type Theme = (typeof THEMES)[number]

export interface CardFigure {
  id: string
  label: string
  /** "RMB 10 billion", "100亿元". */
  value: string
  /** The source's conversion, e.g. "US$1.5 billion". */
  equivalent?: string
  /** The verbatim span of the source this figure comes from; evidenceHref(id, evidence) links it. */
  evidence: string
}

export interface CardDate {
  /** The press release's date (its dateline), not the date of any event. */
  iso: string
  /** The date line as shown: that date labelled as what it is, and "Updated <date>" when a
   *  correction touched what the card shows (data/corrections.json):
   *  "Press release · April 1, 2021 · Updated December 1, 2026", "新闻稿 · 2021年4月1日 · 更新于2026年12月1日". */
  text: string
}

export interface CardModel {
  lang: Lang
  variant: Variant
  headline: string
  date: CardDate
  figures: CardFigure[]
  /** byline is the attribution as shown: "——雷军（译自小米英文新闻稿）" marks our translation of the source's words. */
  quote?: { text: string; attribution: string; byline: string; translatedFrom?: string; href: string }
  advantages?: { title: string; items: { id: string; text: string }[] }
  /** lang is the source document's: evidence is quoted in it, whatever the card's language. */
  source: { label: string; lang: string }
  /** keyFigures only on full, the one variant that titles its figures. */
  ui: { label: string; keyFigures?: string; evidence: string }
}

/** "Press release · April 1, 2021", and " · Updated December 1, 2026" after a correction. */
export const dateLine = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ')

/** Where an evidence span is: /source at its mark (#id, highlighted there), and a text fragment
 *  (#:~:text=) that finds the span in any copy of the source; the browser strips the directive,
 *  so #id still targets the mark. encodeURIComponent escapes the directive's ',' and '&' but not
 *  '-', which only marks a prefix or suffix at a term's start or end: no span starts or ends
 *  with one (src/data/validate.ts refuses it). */
export const evidenceHref = (id: string, span: string) => `/source#${id}:~:text=${encodeURIComponent(span)}`

/** compact and stat have one height at every width (card.css), so pages can reserve it: in px at
 *  a 16px default text size, growing with a larger one (card.css sets it in em). */
export const CARD_HEIGHT = { compact: 300, stat: 240 } as const

/** full grows with its text: its height at the card's full width (640 px) with Chromium's
 *  fonts on Linux (src/card/heights.json has it at narrower widths too); resize.js corrects it
 *  for narrower columns and other fonts. */
export const FULL_HEIGHT: Record<Lang, number> = { en: 599, 'zh-CN': 477, 'zh-HK': 477, 'zh-TW': 477 }

export const cardHeight = (variant: Variant, lang: CardModel['lang']) =>
  variant == 'full' ? FULL_HEIGHT[lang] : CARD_HEIGHT[variant]

/** Where a card's data lives, its parameters sorted: the snippet's preload and the widget's
 *  fetch must be the very same URL for the browser to hand the preloaded response over. */
export function cardDataPath(params: URLSearchParams): string {
  const sorted = new URLSearchParams(params)
  sorted.sort()
  return `/v1/card?${sorted}`
}
