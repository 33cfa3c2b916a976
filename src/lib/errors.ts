import type { Context } from 'hono'
import { problemResponse } from './problem'

/** 405 for every method but GET and HEAD (OPTIONS is CORS's preflight), through hono/method-not-allowed. */
export const readOnly = (c: Context) =>
  problemResponse(
    c,
    { status: 405, title: 'Method Not Allowed', detail: 'This resource is read-only: use GET, HEAD or OPTIONS.' },
    { Allow: 'GET, HEAD, OPTIONS' },
  )

/** The last line of defence: log for the operator, tell the caller nothing internal. */
export function internalError(error: Error, c: Context) {
  console.error(error)
  return problemResponse(c, {
    status: 500,
    title: 'Internal Server Error',
    detail: 'Something went wrong on our side. Nothing about your request caused it.',
  })
}
