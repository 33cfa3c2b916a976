// Runs TypeScript modules of this repository in Node, bundled as the worker would see them: the
// build checks and formats the data, draws the images and writes the OpenAPI document with the
// very code the worker and the widget run.
import { build } from 'esbuild'

const root = new URL('..', import.meta.url)

/** The module whose source is `code`, resolved from the repository's root. */
export async function importSource(code) {
  const { outputFiles } = await build({
    stdin: { contents: code, resolveDir: root.pathname, loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent',
    loader: { '.txt': 'text', '.css': 'text' }, jsx: 'automatic', jsxImportSource: 'preact',
  })
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`)
}
