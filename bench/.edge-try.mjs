import { measureEdge } from './coldstart.mjs'
console.log(JSON.stringify(await measureEdge({ runs: Number(process.argv[2] ?? 3) }), null, 1))
