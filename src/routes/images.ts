import { Hono } from 'hono'
import type { Bindings } from '../bindings'
import { notFound } from '../lib/problem'

// /img/<shape>-<hash>.png: the files /card.png and /share.png redirect to, answered by the images
// Worker (images/wrangler.toml) with the headers of dist/public/_headers. Only these requests
// cross the service binding; nothing else pays for a static-assets layer.
export const imageFiles = new Hono<{ Bindings: Bindings }>().get('/img/:file{[a-z]+-[0-9a-f]{12}\\.png}', async (c) => {
  const res = await c.env.IMAGES.fetch(c.req.raw)
  // An older build's file, or none: the same 404 problem as any unknown path.
  if (res.status == 404) return notFound(c)
  // A fetched response's headers are immutable; CORS and the other middleware add to them.
  return new Response(res.body, res)
})
