import { Hono } from 'hono'

// The floor for a route's cost per request: the same runtime and framework sending, for each path,
// the answer the app sent for it once (its status, headers and body, recorded by bench/api.mjs and
// given here as the ANSWERS variable, JSON, of a config made from the app's), with no work besides.

interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

type Answers = Record<string, Answer>

// Parsed once per isolate, as the app holds its data in module scope.
let answers: Answers | undefined

const app = new Hono<{ Bindings: { ANSWERS: string } }>()
app.get('*', (c) => {
  const answer = (answers ??= JSON.parse(c.env.ANSWERS) as Answers)[c.req.path]
  return answer ? c.body(answer.body, answer.status as 200, answer.headers) : c.json({ ok: true })
})

export default app
