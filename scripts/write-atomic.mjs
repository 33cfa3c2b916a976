import { rename, writeFile } from 'node:fs/promises'

/** Writes a build output whole or not at all: `wrangler dev` rebuilds while the tests already read
 *  dist/ (test/run.mjs starts both at once), so a reader sees the old file or the new, never half. */
export async function writeAtomic(url, data) {
  const temporary = new URL(`${url.href}.${process.pid}.tmp`)
  await writeFile(temporary, data)
  await rename(temporary, url)
}
