import { Hono, type MiddlewareHandler } from 'hono'
import { routeTag } from './cache-policy'

interface FamilyOptions {
  /** The family's whole URL space, when more than its routes' paths (a 404 under /v1 is still the API's). */
  paths?: string[]
  /** What every response of the family goes through, outermost first. */
  use: MiddlewareHandler[]
}

/** Routes that share their security, CORS and cache policy, as one sub-app. Hono's route() gives a
 *  sub-app's use('*') to every path of the parent, so the middleware is set on the family's own
 *  paths; each route's path also names its Cache-Tag. Adding a route is one more `routes` entry. */
export function routeFamily({ paths, use }: FamilyOptions, ...routes: Hono<any, any, any>[]) {
  const app = new Hono()
  const own = [...new Set(routes.flatMap((r) => r.routes.map((route) => route.path)))]
  for (const path of paths ?? own) app.use(path, ...use)
  for (const path of own) app.use(path, routeTag)
  for (const r of routes) app.route('/', r)
  return app
}
