// The variant table: what each card variant shows, how tall it stands, and what it shares as an
// image. Its content is data/card.json's (checked by the build); the worker, the build and the
// publisher's page ask it, and nothing else names a variant but the stylesheet that draws them.
import card from '../data/card.json'
import type { VariantRule } from '../src/data/schema'
import { DEFAULT_VARIANT, VARIANTS, picksFact, type Variant } from './card-model'

export { DEFAULT_VARIANT, VARIANTS, type Variant }
export const VARIANT_TABLE = card.variants as Record<Variant, VariantRule>

/** The figure a card is keyed by: a stat-like card's (its default when none is asked), else none. */
export const factOf = (variant: Variant, fact?: string) => (picksFact(variant) ? (fact ?? VARIANT_TABLE[variant].figures[0]) : undefined)

/** A variant's one height in CSS px, or undefined when it grows with its text (measured, dist/public/data/cards.json). */
export const fixedHeight = (variant: Variant) => VARIANT_TABLE[variant].height

/** The variants of one height, which pages reserve before the card arrives. */
export const FIXED = VARIANTS.filter((v) => fixedHeight(v) !== undefined)
