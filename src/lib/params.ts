import { z, OpenAPIHono, type Hook } from '@hono/zod-openapi'
import type { Context, Env } from 'hono'
import { LANGS, type Lang } from '../data/schema'
import { LANG_HELP, matchLang, negotiateLang } from './lang'
import { problemResponse } from './problem'

export const langParam = z
  .string({ error: LANG_HELP })
  .max(35, { error: LANG_HELP })
  .refine((v) => matchLang(v) !== undefined, { error: LANG_HELP })
  .optional()
  .openapi({
    param: { name: 'lang', in: 'query' },
    description:
      `Language: ${LANGS.join(', ')} (English; Simplified Chinese; Traditional Chinese as written in Hong Kong; in Taiwan). ` +
      'Other tags are matched by CLDR likely subtags and parent locales: zh, zh-Hans, zh-SG → zh-CN; zh-Hant → zh-TW; ' +
      'zh-MO, zh-Hant-HK → zh-HK; en-US → en. Without it, Accept-Language decides. Content-Language names the language served.',
    example: 'zh-HK',
  })

/** A query object that rejects parameters it does not list, naming the ones it accepts. */
export function strictQuery<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ')
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown query parameter; this route accepts: ${allowed}` : undefined,
  })
}

/** The explicit `lang` when given, else the reader's Accept-Language. */
export const resolveLang = (c: Context, lang: string | undefined): Lang =>
  (lang && matchLang(lang)) || negotiateLang(c.req.header('Accept-Language'))

export const languageHeaders = (lang: Lang) => ({ 'Content-Language': lang, Vary: 'Accept-Language' })

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem')

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

const badRequest: Hook<unknown, any, string, Response | undefined> = (result, c) => {
  if (result.success) return
  const invalidParams = result.error.issues.map((issue) => ({
    name: issue.code === 'unrecognized_keys' ? '(unknown)' : String(issue.path[0] ?? result.target),
    reason: issue.message,
  }))
  return problemResponse(c, {
    status: 400,
    title: 'Bad Request',
    detail: invalidParams.map((p) => (p.name.startsWith('(') ? p.reason : `${p.name}: ${p.reason}`)).join('; '),
    invalidParams,
  })
}

/** Every API router: schema-validated, and a failed validation is a 400 problem. */
export const apiRouter = <E extends Env>() => new OpenAPIHono<E>({ defaultHook: badRequest })

/** Every cached route answers If-None-Match. */
export const notModified = { description: 'Not modified: the If-None-Match ETag is current' }
