// The widget bundle's JSX runtime (scripts/build.mjs aliases preact/jsx-runtime to this file):
// the card is drawn once per change, never diffed, so DOM nodes straight from dom-chef do the
// work of preact's renderer in a fraction of its bytes. The worker still renders Card.tsx with
// preact-render-to-string: one component, two runtimes.
import { Fragment, h } from 'dom-chef'

type Props = Record<string, unknown> & { children?: unknown }
// Components are plain calls (dom-chef would call them without their props).
export const jsx = (type: string | typeof Fragment | ((props: Props) => Node), { children, ...props }: Props) =>
  typeof type == 'function' && type != Fragment ? (type as (p: Props) => Node)({ children, ...props }) : h(type as string, props, children as never)
export { jsx as jsxs, Fragment }
