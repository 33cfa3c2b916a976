import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { cachedAnswer, keptAnswer, respond } from '../../src/lib/cache'

// The isolate's one store of answers (src/lib/cache.ts): each built once, and never more
// bytes kept than its bound, whatever keys callers make us build.
describe('the answer cache', () => {
  it('builds an answer once, then serves that very body and ETag', () => {
    let builds = 0
    const build = () => `body ${++builds}`
    const first = cachedAnswer('cache-test|once', build)
    expect(cachedAnswer('cache-test|once', build)).toEqual(first)
    expect(builds).toBe(1)
    expect(first.etag).toMatch(/^"[0-9a-f]+-[0-9a-z]+"$/)
  })

  it('stays within its bytes, dropping the least recently used answer first', () => {
    const MiB = 'x'.repeat(512 * 1024) // 1 MiB in UTF-16
    let builds = 0
    const build = () => (builds++, MiB)
    cachedAnswer('cache-test|kept', build)
    for (let i = 0; i < 20; i++) {
      cachedAnswer(`cache-test|${i}`, build)
      cachedAnswer('cache-test|kept', build) // used again after each: never the oldest
    }
    expect(builds).toBe(21)
    cachedAnswer('cache-test|19', build) // recent: still kept
    expect(builds).toBe(21)
    cachedAnswer('cache-test|0', build) // long since dropped: built again
    expect(builds).toBe(22)
  })

  it("knows a response as a kept answer's while it sends that answer's body, through Hono's copies", async () => {
    let made: Response | undefined
    let sent: Response | undefined
    const app = new Hono()
      .use(async (c, next) => {
        c.res.headers.set('X-Before', '1') // a response before the route's: Hono copies the route's into it
        await next()
        sent = c.res
      })
      .get('/kept', (c) => (made = respond(c, 'cache-test|kept-answer', () => 'kept body', 'text/plain')))
    const res = await app.request('/kept')
    expect(sent).not.toBe(made)
    expect(keptAnswer(sent!)).toBe(cachedAnswer('cache-test|kept-answer', () => 'built again'))
    expect(keptAnswer(new Response('kept body'))).toBeUndefined()
    expect(await res.text()).toBe('kept body')
  })
})
