import type { MiddlewareHandler } from 'hono'
import type catalogueJson from '../../dist/public/data/cards.json'
import type uiJson from '../../data/ui.json'
import type correctionsJson from '../../data/corrections.json'

// The worker's upload, which every cold start loads, carries its code and the facts; the card
// catalogue, the pages' words and the corrections are static assets (scripts/build.mjs), fetched
// through the ASSETS binding (wrangler.toml [assets]) once per isolate. A worker and its assets deploy as one
// version, so these are the very files it was built with.

/** Each file, by the name its data goes by. */
export const STATIC_DATA = { catalogue: '/data/cards.json', ui: '/data/ui.json', corrections: '/data/corrections.json' } as const

interface StaticData {
  catalogue: typeof catalogueJson
  ui: typeof uiJson
  corrections: typeof correctionsJson
}

/** The files' contents, once loadStaticData has run (or useStaticData, outside the worker). */
export const staticData = {} as StaticData

let loaded: Promise<unknown> | undefined

/** Reads every file before the first route that runs in this isolate; a failed read is tried again
 *  by the next request (the error itself becomes a 500 problem, src/lib/errors.ts). */
export const loadStaticData: MiddlewareHandler<{ Bindings: { ASSETS: Fetcher } }> = async (c, next) => {
  loaded ??= Promise.all(
    Object.entries(STATIC_DATA).map(async ([name, path]) => {
      const res = await c.env.ASSETS.fetch(new URL(path, c.req.url))
      if (!res.ok) throw new Error(`static asset ${path}: ${res.status}`)
      staticData[name as keyof StaticData] = await res.json()
    }),
  ).catch((e) => {
    loaded = undefined
    throw e
  })
  await loaded
  await next()
}

/** The same data read from disk, for the build (its images and OpenAPI examples come from the worker's code). */
export const useStaticData = (data: Partial<StaticData>) => Object.assign(staticData, data)
