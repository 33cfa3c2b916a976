// HTTPS in front of `wrangler dev`, as Cloudflare serves the worker: a throwaway CA and a
// certificate for 127.0.0.1 made with Debian's openssl, and a loopback TLS server that relays
// every request to the worker and every response back, headers untouched. Plain HTTP to its port
// finds no server (the handshake fails), as for a site reachable over HTTPS only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../browser/harness.mjs'

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'])

/** Makes the CA and the leaf in a fresh temporary directory; returns their PEM paths. */
function throwawayCertificates() {
  const dir = mkdtempSync(join(tmpdir(), 'xiaomi-ev-card-tls-'))
  const at = (name) => join(dir, name)
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=xiaomi-ev-card test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout', at('ca.key'), '-out', at('ca.pem'))
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', at('leaf.key'), '-out', at('leaf.csr'))
  writeFileSync(at('leaf.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n')
  openssl('x509', '-req', '-in', at('leaf.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', at('leaf.ext'), '-out', at('leaf.pem'))
  return { dir, ca: at('ca.pem'), key: at('leaf.key'), cert: at('leaf.pem') }
}

/** An HTTPS origin relaying to `upstream` (http://127.0.0.1:port); `ca` is the PEM file a client must trust. */
export async function startTlsProxy(upstream) {
  const files = throwawayCertificates()
  const target = new URL(upstream)
  const server = createServer({ key: readFileSync(files.key), cert: readFileSync(files.cert) }, (req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([h]) => !HOP_BY_HOP.has(h)))
    const relay = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (up) => {
      const back = Object.fromEntries(Object.entries(up.headers).filter(([h]) => !HOP_BY_HOP.has(h)))
      res.writeHead(up.statusCode, back)
      up.pipe(res)
    })
    relay.on('error', () => res.writeHead(502).end())
    req.pipe(relay)
  })
  const port = await freePort()
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${port}`,
    ca: files.ca,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      rmSync(files.dir, { recursive: true, force: true })
    },
  }
}
