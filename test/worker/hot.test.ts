import { describe, expect, it } from 'vitest'
import { get } from './helpers'

// A repeated GET is answered from what the isolate already sent (src/lib/hot-responses.ts):
// it must be that answer exactly, and never another reader's language.
const snapshot = async (res: Response) => ({ status: res.status, headers: [...res.headers].sort(), body: await res.text() })

describe('repeated requests', () => {
  it('get the first answer again, byte for byte and header for header', async () => {
    for (const path of ['/v1/card?lang=en&variant=stat&fact=cash-reserve', '/v1/facts?lang=zh-CN&category=investment', '/card?lang=en', '/openapi.json', '/']) {
      const first = await snapshot(await get(path))
      expect(first.status, path).toBe(200)
      for (let i = 0; i < 3; i++) expect(await snapshot(await get(path)), path).toEqual(first)
    }
  })

  it('keep one answer per Accept-Language where the answer varies by it', async () => {
    const ask = async (lang: string) => (await get('/v1/card?variant=full', { headers: { 'Accept-Language': lang } })).headers.get('Content-Language')
    for (let i = 0; i < 2; i++) {
      expect(await ask('zh-CN,zh;q=0.9')).toBe('zh-CN')
      expect(await ask('en-GB')).toBe('en')
      expect(await ask('')).toBe('en')
    }
  })

  it('still answer If-None-Match with 304, and errors afresh', async () => {
    const path = '/v1/facts/ev-ceo?lang=en'
    const { headers } = await get(path)
    expect((await get(path, { headers: { 'If-None-Match': headers.get('ETag')! } })).status).toBe(304)
    for (let i = 0; i < 2; i++) expect((await get('/v1/card?variant=nope')).status).toBe(400)
  })
})
