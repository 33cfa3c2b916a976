import * as v from 'valibot'
import type { Context } from 'hono'
import { validator } from 'hono/validator'
import { LANGS, type Lang } from '../../widget/card-model'
import { matchLang } from '../../widget/lang'
import { locales } from '../data'
import { LANG_HELP, negotiateLang } from './lang'
import { problemResponse } from './problem'

// Request schemas are valibot: a few KB in the worker where zod and its OpenAPI layer were
// over 100 KB gzip. The same schemas generate /openapi.json at build time (src/openapi.ts).

export const langParam = v.optional(
  v.pipe(
    v.string(LANG_HELP),
    v.maxLength(35, LANG_HELP),
    v.metadata({
      description:
        `Language: ${LANGS.join(', ')} (${LANGS.map((l) => locales[l].language).join('; ')}). Other tags are matched by CLDR likely ` +
        `subtags and parent locales: ${LANGS.map((l) => `${locales[l].otherTags.join(', ')} → ${l}`).join('; ')}. ` +
        'Without it, Accept-Language decides. Content-Language names the language served.',
      example: LANGS.at(-1),
    }),
    // Matched once, here: every route after the schema has the language we serve.
    v.rawTransform(({ dataset, addIssue, NEVER }) => matchLang(dataset.value) ?? (addIssue({ message: LANG_HELP }), NEVER)),
  ),
)


export const UNKNOWN_PARAM = 'unknown query parameter; this route accepts: '
export const NO_PARAMS = 'unknown query parameter; this route takes none'

/** The issue of a parameter the schema does not list (a missing one names what it expects). */
const isUnknownKey = (issue: v.BaseIssue<unknown>) => issue.type === 'strict_object' && issue.expected === 'never'

/** A query object that rejects parameters it does not list, naming the ones it accepts. A missing
 *  required parameter gets its own schema's message, as a wrong value of it would. */
export const strictQuery = <T extends v.ObjectEntries>(entries: T) => {
  const names = Object.keys(entries)
  const unknown = names.length ? `${UNKNOWN_PARAM}${names.join(', ')}` : NO_PARAMS
  return v.strictObject(entries, (issue) =>
    isUnknownKey(issue) ? unknown : String((entries[String(issue.path?.[0]?.key)] as { message?: unknown })?.message ?? unknown),
  )
}

/** A rule across parameters, checked as zod checked it: unless a parameter has the wrong type or
 *  value (a failed check or an unknown parameter still lets it run), so the 400s stay word for word. */
export const crossCheck = <T extends Record<string, unknown>>(key: keyof T & string, holds: (q: T) => boolean, message: string) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (dataset.issues?.some((issue) => issue.kind === 'schema' && !isUnknownKey(issue))) return
    const q = dataset.value as T
    if (!holds(q)) addIssue({ message, path: [{ type: 'object', origin: 'value', input: q, key, value: q[key] }] })
  })

/** The explicit `lang` (langParam matched it) when given, else the reader's Accept-Language (and then the answer varies by it). */
export function resolveLang(c: Context, lang: Lang | undefined): { lang: Lang; negotiated: boolean } {
  return lang ? { lang, negotiated: false } : { lang: negotiateLang(c.req.header('Accept-Language')), negotiated: true }
}

/** The language a tag names by langParam's rules (the pages' hl, /card's lang on its error page), else undefined. */
export function servedLang(tag: string | undefined): Lang | undefined {
  const parsed = v.safeParse(langParam, tag)
  return parsed.success ? parsed.output : undefined
}

/** The query of a page in the reader's language (/ and /source): hl, read by servedLang. A function, so
 *  the worker bundle drops it: only the route docs (src/openapi.ts) call it. */
export const pageLangQuery = () =>
  v.object({
    hl: v.optional(
      v.pipe(
        v.string(),
        v.metadata({
          description:
            `The page's own language: ${LANGS.join(', ')} (${LANGS.map((l) => locales[l].language).join('; ')}), other tags matched as lang matches them. ` +
            'Without it, or with a tag no language here matches (never a 400), Accept-Language decides. Content-Language names the language served.',
          example: LANGS.at(-2),
        }),
      ),
    ),
  })

/** Vary only when Accept-Language chose: a cache keeps one entry per raw value of each header Vary names. */
export const languageHeaders = ({ lang, negotiated }: { lang: Lang; negotiated: boolean }): Record<string, string> =>
  negotiated ? { 'Content-Language': lang, Vary: 'Accept-Language' } : { 'Content-Language': lang }

type Issues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]

/** A 400 problem naming each bad parameter and what it accepts. */
export function invalidParamsProblem(c: Context, invalidParams: { name: string; reason: string }[]) {
  return problemResponse(c, {
    status: 400,
    title: 'Bad Request',
    detail: invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; '),
    invalidParams,
  })
}

/** An unknown parameter's name as it stood in the URL: percent-encoded, so it can never be markup, and short. */
const sentName = (key: unknown) => encodeURIComponent(String(key)).slice(0, 64)

/** A failed validation as a 400 problem: each parameter, and what it accepts. */
export function badRequest(c: Context, target: string, issues: Issues) {
  return invalidParamsProblem(
    c,
    issues.map((issue) => ({
      name: isUnknownKey(issue) ? sentName(issue.path?.[0]?.key) : String(issue.path?.[0]?.key ?? target),
      reason: issue.message,
    })),
  )
}

/** Validates the query or path parameters; a failure is a 400 problem, never reaching the handler. */
export const valid = <T extends 'query' | 'param', S extends v.GenericSchema>(target: T, schema: S) =>
  validator(target, (value, c) => {
    const result = v.safeParse(schema, value)
    return result.success ? (result.output as v.InferOutput<S>) : badRequest(c, target, result.issues)
  })
