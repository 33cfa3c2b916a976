// What /v1/card returns and what <Card> renders: every string already in the reader's
// language and every figure already formatted, so the browser formats nothing.

/** The languages we serve, each written for its readers (data/facts.json, data/locale.json):
 *  English, Simplified Chinese, and Traditional Chinese as Hong Kong and as Taiwan write it. */
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
  /** The verbatim span of the source this figure comes from. */
  evidence: string
  /** Relative to the API origin: the source document, scrolled to the span. */
  href: string
}

export interface CardModel {
  lang: Lang
  variant: Variant
  headline: string
  date: { iso: string; text: string }
  figures: CardFigure[]
  quote?: { text: string; attribution: string; href: string }
  advantages?: { title: string; items: { id: string; text: string }[] }
  /** lang is the source document's: evidence is quoted in it, whatever the card's language. */
  source: { label: string; href: string; lang: string }
  ui: { label: string; keyFigures: string; evidence: string }
}

/** compact and stat have one height in px at every width (card.css), so pages can reserve it. */
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
