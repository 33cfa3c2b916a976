// The publisher's optional parent script: sizes each of our iframes to its card, and fires
// `xiaomi-ev-card:load` on the iframe once its card has rendered and been sized (the iframe's
// own `load` fires for any document, an error page too, so ours has its own name).
// Trusts a message only when it comes from our origin and from the very frame it concerns,
// and finds frames at message time, so frames added later just work.
;(() => {
  const script = document.currentScript as HTMLScriptElement | null
  if (!script) return
  const ORIGIN = new URL(script.src).origin
  const LOAD = 'xiaomi-ev-card:load'
  // The src each frame last announced a card for: our hello may make a frame say it twice.
  const announced = new WeakMap<HTMLIFrameElement, string>()
  const ours = (frame: HTMLIFrameElement) => frame.src.startsWith(ORIGIN + '/card')
  addEventListener('message', (e) => {
    const data = e.data
    if (e.origin !== ORIGIN || !data) return
    const { type, height } = data
    if (type == 'xiaomi-ev-card:height' ? !(typeof height == 'number' && height > 0 && height < 20000) : type != LOAD) return
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === e.source && ours(frame)) {
        if (type != LOAD) frame.style.height = `${Math.ceil(height)}px`
        else if (announced.get(frame) != frame.src && announced.set(frame, frame.src)) frame.dispatchEvent(new CustomEvent(LOAD, { detail: { lang: String(data.lang), variant: String(data.variant) } }))
      }
    }
  })
  // Frames that loaded before this script did told nobody: ask them again.
  for (const frame of document.getElementsByTagName('iframe')) {
    if (ours(frame)) frame.contentWindow?.postMessage('xiaomi-ev-card:hello', ORIGIN)
  }
})()
