import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'

// The README is the newcomer's map: short, first things first, every route and every path it
// names real, every link into docs/ alive. Run after `npm run build` (dist/public/openapi.json).
const root = new URL('../../', import.meta.url)
const read = (path) => readFileSync(new URL(path, root), 'utf8')
const readme = read('README.md')
const pkg = JSON.parse(read('package.json'))
const MAX_LINES = 180

/** A `## Heading`'s body, up to the next `## `. */
function section(text, heading) {
  const start = text.indexOf(`\n## ${heading}\n`)
  assert.ok(start >= 0, `README has a "## ${heading}" section`)
  const end = text.indexOf('\n## ', start + 1)
  return text.slice(start, end < 0 ? undefined : end)
}

test(`the README is a map of at most ${MAX_LINES} lines: quick start, embedding, API, layout`, () => {
  const lines = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0)
  assert.ok(lines <= MAX_LINES, `README.md is ${lines} lines; depth goes in docs/`)
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1])
  const order = ['Quick start', 'Embedding the card', 'The API', 'Layout'].map((h) => headings.indexOf(h))
  assert.ok(order.every((i, n) => i >= 0 && (n == 0 || i > order[n - 1])), `sections in order, found ${headings.join(', ')}`)
  assert.equal(order[0], 0, 'the quick start comes first')
})

test("the README's quick start is two commands that exist", () => {
  const quick = section(readme, 'Quick start')
  assert.match(quick, /\nnpm install && npm run dev /)
  assert.match(quick, /\nnpm test /)
  assert.ok(pkg.scripts.dev.startsWith('wrangler dev'), 'npm run dev serves the worker')
  assert.ok(pkg.scripts.test.includes('npm run build'), 'npm test builds first')
})

test('every route of /openapi.json is in the README, and every route there is real', () => {
  const { paths } = JSON.parse(read('dist/public/openapi.json'))
  // The table's first column: `GET /card.png`, `/share.png`.
  const rows = section(readme, 'The API').split('\n').filter((l) => l.startsWith('| `GET '))
  const listed = new Set(rows.flatMap((l) => [...l.split('|')[1].matchAll(/`(?:GET )?(\/[^`]*)`/g)].map((m) => m[1])))
  for (const path of Object.keys(paths)) assert.ok(listed.has(path), `${path} is served but not in the README's routes table`)
  for (const path of listed) assert.ok(Object.hasOwn(paths, path), `the README lists ${path}, which /openapi.json does not`)
  assert.ok(Object.keys(paths).length >= 10, 'dist/public/openapi.json lists the routes')
})

test("the layout names paths that exist", () => {
  const named = section(readme, 'Layout').split('\n').filter((l) => l.startsWith('| `')).map((l) => l.match(/^\| `([^`]+)`/)[1])
  assert.ok(named.length >= 10, 'the layout is a table of paths')
  for (const path of named) assert.ok(existsSync(new URL(path, root)), `the README's layout names ${path}, which does not exist`)
})

test('the README carries nothing that changes with the build', () => {
  // `/` and dist/manifest.json give the pinned snippet: a hash here would make every build edit README.md.
  assert.doesNotMatch(readme, /embed\.[0-9a-f]{10}\.js|sha384-[A-Za-z0-9+/=]{20,}/)
  assert.doesNotMatch(readme, /bench:start/, 'the bench writes docs/performance.md')
})

// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')
const anchors = (text) => new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])))

test('every relative link in the README, docs/ and data/README.md resolves, anchors too', () => {
  const pages = ['README.md', 'data/README.md', ...readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  let links = 0
  for (const page of pages) {
    const text = read(page)
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue
      links++
      const [file, anchor] = target.split('#')
      const here = new URL(page, root)
      const url = file ? new URL(file, here) : here
      assert.ok(existsSync(url), `${page}: link to ${target} has no file`)
      if (anchor) assert.ok(anchors(readFileSync(url, 'utf8')).has(anchor), `${page}: link to ${target} has no such heading`)
    }
  }
  assert.ok(links >= 10, 'the pages link to each other')
})

test('docs/performance.md quotes the latest benchmark run', () => {
  const performance = read('docs/performance.md')
  const latest = JSON.parse(read('bench/results/latest.json'))
  const table = performance.match(/<!-- bench:start -->([^]*)<!-- bench:end -->/)
  assert.ok(table, 'docs/performance.md has the bench markers')
  assert.ok(table[1].includes(`| Bytes per card, gzip / brotli | ${latest.bytes.script.gzip} / ${latest.bytes.script.brotli} B`), 'run npm run bench')
})

test("data/README.md lists every fact's id, and no other", () => {
  const listed = read('data/README.md').split('\n## Fact ids\n')[1]
  assert.ok(listed, 'data/README.md has a "## Fact ids" section')
  const ids = [...listed.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1])
  assert.deepEqual(ids.sort(), JSON.parse(read('data/facts.json')).facts.map((f) => f.id).sort())
})
