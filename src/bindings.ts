export interface Bindings {
  /** Workers Static Assets: the built widget (embed.js, resize.js) under dist/public. */
  ASSETS: Fetcher
}
