/** The worker's bindings (wrangler.toml). */
export interface Bindings {
  /** The Worker that holds the card images as static assets (images/wrangler.toml). */
  IMAGES: Fetcher
}
