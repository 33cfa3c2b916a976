import { LANGS, type Lang } from '../data/schema'

/** en, en-US, en-GB… are English; zh, zh-Hans, zh-CN… (any Chinese) get Simplified Chinese, the only Chinese we have. */
export function matchLang(tag: string): Lang | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
  if (primary === 'en') return 'en'
  if (primary === 'zh') return 'zh-CN'
  return undefined
}

/** The reader's first acceptable language by q-value, else English. */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en'
  const ranked = acceptLanguage
    .slice(0, 512)
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag, q: q ? Number(q.slice(2)) : 1, order }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { tag } of ranked) {
    const lang = matchLang(tag)
    if (lang) return lang
  }
  return 'en'
}

export const LANG_HELP = `lang must be one of ${LANGS.join(', ')} (or a tag of the same language such as zh, zh-Hans, en-US)`
