// Types `exports` from cloudflare:workers as this worker's own module.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../src/index')
  }
}
