// The data the worker reads through its ASSETS binding (src/lib/static-data.ts), read from the
// build's dist/public instead, for the worker's code run in Node: the images, the OpenAPI examples,
// bench/signing.mjs.
import { readFile } from 'node:fs/promises'

/** `m`: a bundle of worker modules exporting STATIC_DATA and useStaticData; `names`: the files to read. */
export async function useBuiltStaticData(m, names = Object.keys(m.STATIC_DATA)) {
  const read = async (name) => [name, JSON.parse(await readFile(new URL(`../dist/public${m.STATIC_DATA[name]}`, import.meta.url), 'utf8'))]
  m.useStaticData(Object.fromEntries(await Promise.all(names.map(read))))
}
