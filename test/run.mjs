// The node:test files (test/node, test/browser, test/platforms) of `npm test`, against one `wrangler
// dev` for all of them: each file used to start its own, about 10 s apiece on a busy 2-core
// machine. Two files at a time: most of a file's time is spent waiting on a browser, a scanner or
// the worker. A file run alone (`node --test test/browser/x.test.mjs`) still starts its own worker.
//   node test/run.mjs [node --test options] [files or folders…]    TEST_CONCURRENCY=1: one file at a time
import { spawn } from 'node:child_process'
import { startWorker } from './browser/harness.mjs'

const args = process.argv.slice(2)
const options = args.filter((a) => a.startsWith('--'))
const files = args.filter((a) => !a.startsWith('--'))
const worker = await startWorker()
const child = spawn(
  process.execPath,
  ['--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...options, ...(files.length ? files : ['test/node/', 'test/browser/', 'test/platforms/'])],
  { stdio: 'inherit', env: { ...process.env, XC_WORKER_ORIGIN: worker.origin } },
)
// Stopped from outside (Ctrl-C, a CI timeout): the worker, started detached, must not outlive us.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (worker.stop(), child.kill(signal), process.exit(1)))
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
worker.stop()
process.exit(code)
