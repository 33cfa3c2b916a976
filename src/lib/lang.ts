import { DEFAULT_LANG, LANGS, type Lang } from '../../widget/card-model'
import { firstLang } from '../../widget/lang'
import { locales } from '../data'

// Tags map to our languages by CLDR's likely subtags and parent locales (widget/lang.ts, which
// embed.js shares); data/locale.json's otherTags give examples.

/** The reader's first acceptable language by q-value, else the default (English). */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG
  const ranked = acceptLanguage
    .slice(0, 512)
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, order }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  return firstLang(ranked.map((r) => r.tag)) ?? DEFAULT_LANG
}

export const LANG_HELP = `lang must be one of ${LANGS.join(', ')} (or another tag of these languages, such as ${LANGS.flatMap((l) => locales[l].otherTags).join(', ')})`
