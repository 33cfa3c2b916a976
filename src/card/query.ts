import * as v from 'valibot'
import { DEFAULT_LANG, THEMES, picksFact, type Lang } from '../../widget/card-model'
import { STYLE_PARAMS, malformed, type CardStyle } from '../../widget/card-style'
import { DEFAULT_VARIANT, VARIANTS, VARIANT_TABLE, factOf } from '../../widget/variants'
import { figureIds } from '../data'
import { crossCheck, langParam, servedLang, strictQuery } from '../lib/params'
import { styleContrast, styleParams } from './style'

// The card's parameters, for every route that names a card: /v1/card and /v1/card.html (strict,
// like the rest of the API), /card, /card.png and /share.png (unknown parameters ignored: CMSs and
// resizers append their own to iframe URLs), the card URL inside /oembed's url, and / (the builder).

const PICKS_FACT = VARIANTS.filter(picksFact)
export const VARIANT_HELP = `variant must be one of ${VARIANTS.join(', ')}`
export const FACT_HELP = `fact must be the id of a figure: ${figureIds.join(', ')}`
export const FACT_NEEDS_VARIANT = `fact is only allowed with variant=${PICKS_FACT.join(' or variant=')}`

export const variantParam = v.optional(
  v.pipe(v.picklist(VARIANTS, VARIANT_HELP), v.description(VARIANTS.map((name) => `${name}: ${VARIANT_TABLE[name].about}`).join('; '))),
  DEFAULT_VARIANT,
)
export const factParam = v.optional(
  v.pipe(
    v.string(FACT_HELP),
    v.check((id) => figureIds.includes(id), FACT_HELP),
    v.metadata({ description: `The figure the card shows (variant=${PICKS_FACT.join(' or variant=')} only).`, example: figureIds.at(-1) }),
  ),
)
export const themeParam = v.optional(v.picklist(THEMES, `theme must be one of ${THEMES.join(', ')}`), 'auto')

/** fact belongs to a variant that picks a figure. */
const factNeedsVariant = <T extends { variant: (typeof VARIANTS)[number]; fact?: string }>() =>
  crossCheck<T>('fact', (q) => q.fact === undefined || picksFact(q.variant), FACT_NEEDS_VARIANT)

const card = { lang: langParam, variant: variantParam, fact: factParam }
const cardAndStyle = { ...card, theme: themeParam, ...styleParams }

/** /v1/card: which card. */
export const cardQuery = v.pipe(strictQuery(card), factNeedsVariant())
export const STYLESHEETS = ['inline', 'link'] as const
/** /v1/card.html: which card, its look, and how its stylesheet comes. */
export const cardFragmentQuery = v.pipe(
  strictQuery({
    ...cardAndStyle,
    stylesheet: v.optional(
      v.pipe(
        v.picklist(STYLESHEETS, `stylesheet must be one of ${STYLESHEETS.join(', ')}`),
        v.description("inline: a <style> in the shadow root; link: a <link> to the immutable card stylesheet, for a host page whose CSP allows no inline <style> (its style-src then allows this origin)"),
      ),
      'inline',
    ),
  }),
  factNeedsVariant(),
  styleContrast(),
)
/** /card (and the card URL /oembed is asked about): which card and its look; unknown parameters ignored. */
export const cardPageQuery = v.pipe(v.object(cardAndStyle), factNeedsVariant(), styleContrast())
/** /card.png and /share.png, as documented: their style is refused (src/routes/card-image.ts). */
export const cardImageQuery = v.pipe(v.object({ ...card, theme: themeParam }), factNeedsVariant())

const CARD_PAGE_PARAMS = ['lang', 'variant', 'fact', 'theme', ...STYLE_PARAMS] as const
export const REPEATED_PARAM = `each of ${CARD_PAGE_PARAMS.join(', ')} may be given once`

/** /card's rules for a query: the known parameters, each at most once; the others ignored. */
export function parseCardPageQuery(params: URLSearchParams) {
  const known = CARD_PAGE_PARAMS.filter((k) => params.has(k))
  const parsed = v.safeParse(cardPageQuery, Object.fromEntries(known.map((k) => [k, params.get(k)])))
  const problems = parsed.success ? [] : parsed.issues.map((i) => ({ name: String(i.path?.[0]?.key ?? 'query'), reason: i.message }))
  for (const name of known) if (params.getAll(name).length > 1) problems.push({ name, reason: REPEATED_PARAM })
  return parsed.success && !problems.length ? { success: true as const, query: parsed.output } : { success: false as const, problems }
}

/** The builder's rules (/ works without script): a parameter that is missing or wrong is its
 *  default (the card's language: the page's), a style value only when well-formed, the accent
 *  only when ticked (a colour input always has one). */
export function builderQuery(params: URLSearchParams, pageLang: Lang = DEFAULT_LANG) {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T) => allowed.find((v) => v === params.get(name)) ?? fallback
  const style: CardStyle = {}
  for (const name of STYLE_PARAMS) {
    const value = params.get(name)
    if (value && !malformed(name, value) && (name != 'accent' || params.getAll('custom').includes('accent'))) style[name] = value
  }
  const variant = pick('variant', VARIANTS, DEFAULT_VARIANT)
  return {
    // The one language matcher, through the API's own parameter.
    lang: servedLang(params.get('lang') ?? undefined) ?? pageLang,
    theme: pick('theme', THEMES, 'auto'),
    variant,
    // The builder keeps a figure for the variants that pick one, whichever variant is chosen now.
    fact: pick('fact', figureIds, factOf(PICKS_FACT[0])!),
    style,
  }
}
