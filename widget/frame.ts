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
    last = height
    parent.postMessage({ type: 'xiaomi-ev-card:height', height }, '*')
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*')
    if (pymId) parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*')
  }
  new ResizeObserver(report).observe(document.body)
  addEventListener('toggle', report, true)
  addEventListener('load', report)
  report()
}
