// Runs inside /card when it is framed: tells the parent the card's height whenever it changes,
// in our format and in those that publishers' pages already understand (AMP, Pym.js).
if (parent !== window) {
  const pymId = new URLSearchParams(location.search).get('childId')
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
    // Once, after the first height, so the parent sees a card already sized (resize.js fires it).
    const card = !last && document.querySelector('article')
    if (card) parent.postMessage({ type: 'xiaomi-ev-card:load', lang: card.lang, variant: card.className.match(/xc-(compact|full|stat)/)?.[1] }, '*')
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*')
    if (pymId) parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*')
    last = height
  }
  new ResizeObserver(report).observe(document.body)
  addEventListener('toggle', report, true)
  addEventListener('load', report)
  // resize.js says hello when it starts: it may have missed what we said before, so say it again.
  addEventListener('message', (e) => {
    if (e.source === parent && e.data === 'xiaomi-ev-card:hello') {
      last = 0
      report()
    }
  })
  report()
}
