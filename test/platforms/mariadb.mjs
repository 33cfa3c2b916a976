// A throwaway MariaDB for WordPress: Debian's mariadbd on a socket in a temp dir, no TCP, no
// system service; stop() ends it and removes its files.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function startMariaDb({ database = 'wordpress', timeout = 60_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'xc-mariadb-'))
  const socket = join(dir, 'sock')
  const root = process.getuid?.() === 0 ? ['--user=root'] : []
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/data`, ...root, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' })
  const child = spawn('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${dir}/data`, `--socket=${socket}`, '--skip-networking', ...root, `--pid-file=${dir}/pid`, `--log-error=${dir}/err.log`], { stdio: 'ignore' })
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
  process.once('exit', stop)
  const deadline = Date.now() + timeout
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode} (see ${dir}/err.log)`)
    if (existsSync(socket)) {
      try {
        execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', `CREATE DATABASE IF NOT EXISTS ${database}`], { stdio: 'ignore' })
        break
      } catch {}
    }
    if (Date.now() > deadline) throw new Error(`mariadbd did not start in ${timeout} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    socket,
    database,
    async stop() {
      stop()
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
