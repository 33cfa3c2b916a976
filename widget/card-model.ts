// What /v1/card returns and what <Card> renders: every string already in the reader's
// language and every figure already formatted, so the browser formats nothing.

import type card from '../data/card.json'
import type locales from '../data/locale.json'
// The names of data/locale.json's languages and data/card.json's variants, which the build lists
// before anything imports this: embed.js carries the names, not the data.
import index from '../dist/card-index.json'

/** The languages we serve, each written for its readers (data/locale.json). */
export type Lang = keyof typeof locales
export const LANGS = index.langs as Lang[]
/** The card's variants (data/card.json; widget/variants.ts has the whole table). */
export type Variant = keyof typeof card.variants
export const VARIANTS = index.variants as Variant[]
export const DEFAULT_VARIANT = index.defaultVariant as Variant
/** Whether a variant shows the one figure that `fact` picks. */
export const picksFact = (variant: Variant) => index.pickFact.includes(variant)
/** The language of a card that names none and of a reader who accepts none of ours: the first listed, English. */
export const DEFAULT_LANG = LANGS[0]
/** A fact's id: kebab-case, at most 64 characters. The data, the API and embed.js check ids by it. */
export const FACT_ID = /^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/
export const THEMES = ['light', 'dark', 'auto'] as const
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
export const evidenceHref = (id: string, span: string, lang: Lang) => `/source?hl=${lang}#${id}:~:text=${encodeURIComponent(span)}`

/** Where a card's data lives, its parameters sorted: the snippet's preload and the widget's
 *  fetch must be the very same URL for the browser to hand the preloaded response over. */
export function cardDataPath(params: URLSearchParams): string {
  const sorted = new URLSearchParams(params)
  sorted.sort()
  return `/v1/card?${sorted}`
}
