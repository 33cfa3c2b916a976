// Runs inside /card when it is framed: tells the parent the card's height whenever it changes,
// in our format and in those that publishers' pages and platforms already understand:
// WordPress (wp-embed.js), Embedly/Iframely (Medium), AMP's amp-iframe and @newswire/frames, Pym.js.
if (parent !== window) {
  const pymId = new URLSearchParams(location.search).get('childId')
  // WordPress's sanitizer puts a secret on the src (#?secret=…); wp-embed.js only hears messages carrying it.
  const secret = location.hash.match(/[#&?]secret=([a-zA-Z0-9]+)/)?.[1]
  const wordpress = (message: string, value: string | number) => secret && parent.postMessage({ message, value, secret }, '*')
  let last = 0
  const report = () => {
    // Evidence opens over the card (absolutely placed), so measure what is painted, not the flow.
    let bottom = 0
    for (const el of document.querySelectorAll('main, [open] > .xc-pop')) {
      bottom = Math.max(bottom, el.getBoundingClientRect().bottom + scrollY)
    }
    const height = Math.ceil(bottom)
    if (!height || height == last) return
    parent.postMessage({ type: 'xiaomi-ev-card:height', height }, '*')
    const card = !last && document.querySelector('article')
    if (card) {
      // Once, after the first height, so the parent sees a card already sized (resize.js fires it).
      // The page's canonical URL names its card, variant included (cardUrl).
      const canonical = new URL((document.querySelector('link[rel=canonical]') as HTMLLinkElement).href)
      parent.postMessage({ type: 'xiaomi-ev-card:load', lang: card.lang, variant: canonical.searchParams.get('variant') }, '*')
      // amp-iframe shows its placeholder until this.
      parent.postMessage({ sentinel: 'amp', type: 'embed-ready' }, '*')
    }
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*')
    // Embedly's and Iframely's resize message is a JSON string.
    parent.postMessage(JSON.stringify({ src: location.href, context: 'iframe.resize', height }), '*')
    wordpress('height', height)
    if (pymId) parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*')
    last = height
  }
  new ResizeObserver(report).observe(document.body)
  addEventListener('toggle', report, true)
  addEventListener('load', report)
  addEventListener('message', (e) => {
    if (e.source !== parent) return
    // resize.js says hello when it starts, wp-embed.js says ready, @newswire/frames frames-init:
    // each may have missed what we said before, so say it again.
    const d = e.data
    if (d === 'xiaomi-ev-card:hello' || d?.type == 'frames-init' || (secret && d?.message == 'ready' && d.secret == secret)) {
      last = 0
      report()
    }
  })
  // A new tab needs allow-popups, which WordPress's sandbox (allow-scripts only) lacks: there a
  // link would do nothing. WordPress navigates its page on our `link` message; elsewhere a link
  // that cannot open a tab opens in the top window. (Not in this frame: /source refuses framing.)
  addEventListener('click', (e) => {
    const a = (e.target as Element).closest?.('a[target=_blank]') as HTMLAnchorElement | null
    if (!a || e.defaultPrevented) return
    e.preventDefault()
    if (secret) return wordpress('link', a.href)
    const tab = open(a.href, '_blank')
    if (tab) tab.opener = null
    else
      try {
        top!.location.href = a.href
      } catch {}
  })
  report()
}
