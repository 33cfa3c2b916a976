// dom-chef's list of SVG tag names, in the widget bundle only (scripts/build.mjs aliases
// svg-tag-names here). The card has no SVG, so every tag it makes is an HTML element, and the
// list's 482 B gzip, a tenth of embed.js, stays out. test/worker/pages.test.ts keeps the card SVG-free.
export const svgTagNames: string[] = []
