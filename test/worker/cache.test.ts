import { describe, expect, it } from 'vitest'
import { cachedAnswer } from '../../src/lib/cache'

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
})
