// The publisher's optional parent script: sizes each of our iframes to its card.
// Trusts a message only when it comes from our origin and from the very frame it resizes,
// and finds frames at message time, so frames added later just work.
;(() => {
  const script = document.currentScript as HTMLScriptElement | null
  if (!script) return
  const ORIGIN = new URL(script.src).origin
  addEventListener('message', (e) => {
    const data = e.data
    if (e.origin !== ORIGIN || !data || data.type !== 'xiaomi-ev-card:height') return
    const height = data.height
    if (typeof height != 'number' || !(height > 0 && height < 20000)) return
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === e.source && frame.src.startsWith(ORIGIN + '/card')) {
        frame.style.height = `${Math.ceil(height)}px`
      }
    }
  })
})()
