// Stands in for 'preact' and 'preact/jsx-runtime' in bench/preact-cost.mjs's second embed.js: the
// same JSX written as HTML into the root, no diff, no hydration. For that measurement only.
export const Fragment = (props) => props.children
export const jsx = (type, props) => ({ type, props })
export { jsx as jsxs, jsx as jsxDEV }

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ENTITIES[c])
const html = (v) => {
  if (v == null || typeof v == 'boolean') return ''
  if (Array.isArray(v)) return v.map(html).join('')
  if (typeof v != 'object') return escape(v)
  const { type, props } = v
  if (typeof type == 'function') return html(type(props))
  let attrs = ''
  for (const [name, value] of Object.entries(props)) {
    if (name != 'children' && value != null && value !== false) attrs += value === true ? ` ${name}` : ` ${name}="${escape(value)}"`
  }
  // A <style>'s text is raw: escaped, "a > b" would no longer be a selector.
  const inner = type == 'style' ? [props.children].flat().join('') : html(props.children)
  return `<${type}${attrs}>${inner}</${type}>`
}
export const render = (v, root) => {
  root.innerHTML = html(v)
}
export const hydrate = render
