// `npm test` after the build: the type check, the worker tests (vitest in workerd) and the
// node:test files (test/node, test/browser, test/platforms) at once, the last against one `wrangler
// dev` for all of them. At once, because each leaves a 2-core machine partly idle: vitest waits on
// workerd, the browser files on their pages, pa11y and the resizers on one process at a time. In a
// row they took about 50 + 165 s here. tsc's and vitest's output is held and printed whole when
// each ends, so the node:test stream stays readable.
//   node test/run.mjs                  everything
//   node test/run.mjs [node --test options] [files or folders…]   only those node:test files
//   TEST_CONCURRENCY=1: one node:test file at a time (default 2)
// A file run alone (`node --test test/browser/x.test.mjs`) still starts its own worker.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { startWorker } from './browser/harness.mjs'

const args = process.argv.slice(2)
const options = args.filter((a) => a.startsWith('--'))
const chosen = args.filter((a) => !a.startsWith('--'))
const FOLDERS = ['test/node/', 'test/browser/', 'test/platforms/']
// The longest files first, so that the last to start are short ones and both slots finish together.
const LONGEST = ['test/browser/engines.test.mjs', 'test/browser/chromium.test.mjs', 'test/platforms/resizers.test.mjs', 'test/browser/pages.test.mjs', 'test/node/pa11y.test.mjs', 'test/node/images.test.mjs']
const everyFile = FOLDERS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.test.mjs')).map((f) => d + f))
const rank = (f) => {
  const i = LONGEST.indexOf(f)
  return i < 0 ? LONGEST.length : i
}
const files = chosen.length ? chosen : everyFile.sort((a, b) => rank(a) - rank(b))

const children = new Set()
/** Runs a command; its output streamed, or held and printed whole at its end. Resolves to its exit code. */
function run(command, commandArgs, { env = process.env, hold = false } = {}) {
  const child = spawn(command, commandArgs, { env, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
  children.add(child)
  let out = ''
  if (hold) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (out += d))
  // 'close', not 'exit': by then the held output has been read to its end.
  return new Promise((resolve) =>
    child.on('close', (code) => {
      children.delete(child)
      if (hold) process.stdout.write(`\n── ${[command, ...commandArgs].join(' ')}: ${code === 0 ? 'passed' : 'FAILED'} ──\n${out}\n`)
      resolve(code ?? 1) // null: ended by a signal
    }),
  )
}

let worker
// Stopped from outside (Ctrl-C, a CI timeout): the worker, started detached, must not outlive us.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (worker?.stop(), children.forEach((c) => c.kill(signal)), process.exit(1)))

const others = chosen.length ? [] : [run('npm', ['run', '--silent', 'typecheck'], { hold: true }), run('npx', ['vitest', 'run'], { hold: true })]
worker = await startWorker()
const nodeTests = run(process.execPath, ['--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...options, ...files], {
  env: { ...process.env, XC_WORKER_ORIGIN: worker.origin },
})
const codes = await Promise.all([nodeTests.finally(() => worker.stop()), ...others])
process.exit(codes.every((c) => c === 0) ? 0 : 1)
