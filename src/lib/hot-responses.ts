// The data changes only with a deploy, so a 200 GET is the same bytes and headers every time for
// its URL (and Accept-Language, when the answer varies by it). The first answer goes through the
// whole app (routing, validation, CORS, security and cache headers) and is kept; later ones are
// that answer again, skipping it all. Conditional requests and other methods take the full path.

interface Hot {
  body: ArrayBuffer
  headers: Headers
}

// url → the answer, or, when it varies by Accept-Language, one per raw Accept-Language value.
const hot = new Map<string, Hot | Map<string, Hot>>()
// URLs and Accept-Language values are the caller's: bound what they can make us keep.
const MAX_ENTRIES = 2000
let size = 0
const IMAGE_PATH = /^https?:\/\/[^/]+\/img\//

type Fetch<E> = (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>

/** The app's fetch, answering a repeated GET before routing even starts. */
export function withHotResponses<E>(fetch: Fetch<E>): Fetch<E> {
  return async (request, env, ctx) => {
    // The card images (/img/*) are the images Worker's files, up to 100 KB each: not kept here.
    if (request.method !== 'GET' || request.headers.has('If-None-Match') || IMAGE_PATH.test(request.url)) return fetch(request, env, ctx)
    const language = request.headers.get('Accept-Language') ?? ''
    const found = hot.get(request.url)
    const entry = found instanceof Map ? found.get(language) : found
    if (entry) return new Response(entry.body, { status: 200, headers: entry.headers })

    const res = await fetch(request, env, ctx)
    if (res.status !== 200 || res.headers.has('Set-Cookie')) return res
    if (size >= MAX_ENTRIES) {
      hot.clear()
      size = 0
    }
    const kept: Hot = { body: await res.clone().arrayBuffer(), headers: new Headers(res.headers) }
    if (res.headers.get('Vary')?.includes('Accept-Language')) {
      const variants = found instanceof Map ? found : new Map<string, Hot>()
      variants.set(language, kept)
      hot.set(request.url, variants)
    } else hot.set(request.url, kept)
    size++
    return res
  }
}
