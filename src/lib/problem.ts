import type { Context, TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ERROR_CACHE_CONTROL, PROBLEM_CACHE_CONTROL } from './cache-policy'
import { API_CSP } from './headers'

export interface Problem {
  status: ContentfulStatusCode
  title: string
  detail: string
  /** Each parameter that was wrong, why, and what it accepts. */
  invalidParams?: { name: string; reason: string }[]
}

// RFC 9457. The detail names parameters and allowed values, never the caller's input,
// so nothing a caller sends comes back to be rendered anywhere.
export function problemResponse<S extends ContentfulStatusCode>(
  c: Context,
  p: Problem & { status: S },
  headers: Record<string, string> = {},
) {
  const body = {
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: new URL(c.req.url).pathname.slice(0, 200),
    ...(p.invalidParams && { invalid_params: p.invalidParams }),
  }
  const response = new Response(JSON.stringify(body), {
    status: p.status,
    headers: {
      'Content-Type': 'application/problem+json',
      // Every problem, on any path (a 404 anywhere, a 405 on a page): apiSecurity covers only the API's paths.
      'Content-Security-Policy': API_CSP,
      'Cache-Control': p.status >= 500 ? ERROR_CACHE_CONTROL : PROBLEM_CACHE_CONTROL,
      ...headers,
    },
  })
  // Typed like c.json() so OpenAPI handlers may return it for their documented error codes.
  return response as Response & TypedResponse<typeof body, S, 'json'>
}

export const notFound = (c: Context) =>
  problemResponse(c, {
    status: 404,
    title: 'Not Found',
    detail: 'No resource at this path. The API lives under /v1; /openapi.json lists every route.',
  })
