import type { Context, Hono } from 'hono'
import { problemResponse } from './problem'

/** 405 with Allow for every other method on a path that answers GET. */
export function methodNotAllowed(app: Hono<any, any, any>) {
  const paths = new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))
  for (const path of paths) {
    app.all(path, (c) =>
      problemResponse(
        c,
        { status: 405, title: 'Method Not Allowed', detail: 'This resource is read-only: use GET, HEAD or OPTIONS.' },
        { Allow: 'GET, HEAD, OPTIONS' },
      ),
    )
  }
}

/** The last line of defence: log for the operator, tell the caller nothing internal. */
export function internalError(error: Error, c: Context) {
  console.error(error)
  return problemResponse(c, {
    status: 500,
    title: 'Internal Server Error',
    detail: 'Something went wrong on our side. Nothing about your request caused it.',
  })
}
