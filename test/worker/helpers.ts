import catalogue from '../../dist/public/data/cards.json'
import { exports } from 'cloudflare:workers'
// /openapi.json is a static asset, which asset routing serves before the worker runs: these tests
// read the built file; test/node/static-assets.test.mjs checks it is served so.
export { default as openApiDocument } from '../../dist/public/openapi.json'

export const ORIGIN = 'https://cards.example'

export function get(path: string, init?: RequestInit) {
  // Concatenated, not resolved: a path such as // must reach the worker as it is.
  return exports.default.fetch(new Request(ORIGIN + path, init))
}

export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ res: Response; body: T }> {
  const res = await get(path, init)
  return { res, body: (await res.json()) as T }
}

/** Asserts an RFC 9457 problem and returns it. */
export async function expectProblem(res: Response, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`)
  if (res.headers.get('Content-Type') !== 'application/problem+json') throw new Error(`not a problem: ${res.headers.get('Content-Type')}`)
  const body = (await res.json()) as { status: number; title: string; detail: string; invalid_params?: { name: string; reason: string }[] }
  if (body.status !== status || !body.title || !body.detail) throw new Error(`incomplete problem: ${JSON.stringify(body)}`)
  return body
}

/** A card's height in a frame `width` wide (by default the widest, the snippets' own), as the
 *  catalogue (dist/public/data/cards.json) states it: its one height, or the one measured at that width. */
export function cardHeight(lang: string, variant: string, width = 640): number {
  const card = Object.values(catalogue.cards as Record<string, { model: { lang: string; variant: string }; height: number | Record<string, number> }>).find(
    (c) => c.model.lang == lang && c.model.variant == variant,
  )!
  return typeof card.height == 'number' ? card.height : card.height[width]
}
