import { Hono } from 'hono'

// The floor for API throughput: the same runtime and framework, no work at all.
const app = new Hono()
app.get('*', (c) => c.json({ ok: true }))

export default app
