// Issue 11's targets, each beside the baseline it is measured against in the same run.
const yes = (ok) => (ok ? 'yes' : '**no**')

export function targetsTable(results) {
  const { edge, api, timing } = results
  const rows = [
    [
      'Worker upload, gzip (`wrangler deploy --dry-run`)',
      `${edge.app.gzipKiB} KiB (${edge.app.rawKiB} KiB raw)`,
      `bare Hono ${edge.baseline.gzipKiB} KiB`,
      '≤ 60 KiB',
      yes(edge.app.gzipKiB <= 60),
    ],
    [
      `Cold start: Miniflare ready + first \`${edge.app.path}\`, median of ${edge.runs}`,
      `${edge.app.coldStart.medianMs} ms (×${edge.app.coldStart.ratio})`,
      `bare Hono ${edge.baseline.coldStart.medianMs} ms`,
      '≤ ×1.5',
      yes(edge.app.coldStart.ratio <= 1.5),
    ],
    ...['/v1/card', '/v1/facts'].map((route) => [
      `GET ${api[route].url} throughput (wrangler dev)`,
      `${api[route].rps} req/s (×${api[route].ratio}; paired by round ×${api[route].pairedRatio})`,
      `a constant Hono worker sending the same body and headers ${api[route].replay.rps} req/s`,
      '≥ ×0.8',
      yes(api[route].ratio >= 0.8),
    ]),
    [
      'Script embed time to card',
      `${timing.script.medianMs} ms`,
      `iframe embed ${timing.iframe.medianMs} ms`,
      '≤ iframe',
      yes(timing.script.medianMs <= timing.iframe.medianMs),
    ],
  ]
  return ['| Target | Measured | Baseline, same run | Goal | Met |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

/** Issue 17's goals: each embed's time to the styled card beside the floor (the card inline in
 *  the page) and the limit (floor + one round trip), all from the same run. */
export function timingTable({ timing: t, runs, emulation }) {
  const rows = [
    ['Floor: the card inline in the page', 'reference', '–'],
    ['Script snippet, with its preload', 'script', '≤ ×1.1 of the limit', (r) => r.toLimit <= 1.1],
    ['Script snippet without the preload line', 'script without preload', '–'],
    ['Iframe snippet', 'iframe', '≤ ×1.1 of the limit', (r) => r.toLimit <= 1.1],
    ['The same iframe with loading="lazy"', 'iframe lazy', '–'],
    ['Iframe floor: a frame holding one word, from another origin', 'iframe floor', '–'],
    ['Server-side card (/v1/card.html in the page)', 'server-side', '≤ ×1.05 of the floor', (r) => r.ratio <= 1.05],
  ]
  return [
    `| Time to styled card, median of ${runs} (CPU ×${emulation.cpuSlowdown}, ${emulation.network}) | Measured | × floor (${t.reference.medianMs} ms) | × floor, paired by round | × limit, floor + 1 RTT (${t.limitMs} ms) | Goal | Met |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.filter(([, kind]) => t[kind]).map(([label, kind, goal, met]) => {
      const r = t[kind]
      return `| ${label} | ${r.medianMs} ms (runs ${r.runsMs.join(', ')}) | ×${r.ratio} | ×${r.pairedRatio} | ×${r.toLimit} | ${goal} | ${met ? yes(met(r)) : '–'} |`
    }),
  ].join('\n')
}
