// A Cloudflare Worker in front of a publisher's site, as docs/theming.md describes it: every
// <xiaomi-ev-card data-include …> in the site's HTML becomes the finished card from
// /v1/card.html while the page streams through, so readers get the card in the first response.
// Tested in workerd by test/worker/theming.test.ts.

/** The attributes of the placeholder that /v1/card.html takes as parameters. */
const PARAMS = ['lang', 'variant', 'fact', 'theme', 'accent', 'text', 'muted', 'background', 'border', 'radius', 'font']

export function includeCards(page: Response, cardOrigin: string, fetcher: (url: string) => Promise<Response> = fetch): Response {
  return new HTMLRewriter()
    .on('xiaomi-ev-card[data-include]', {
      async element(el) {
        const query = new URLSearchParams()
        for (const name of PARAMS) {
          const value = el.getAttribute(name)
          if (value !== null) query.set(name, value)
        }
        const res = await fetcher(`${cardOrigin}/v1/card.html?${query}`)
        // Anything but the card (a typo's 400, an outage) leaves the placeholder and its link as they were.
        if (res.ok) el.replace(await res.text(), { html: true })
        else await res.body?.cancel()
      },
    })
    .transform(page)
}

// The Worker itself: the site's own response, the cards included.
export default {
  async fetch(request: Request): Promise<Response> {
    return includeCards(await fetch(request), 'https://cards.example')
  },
}
