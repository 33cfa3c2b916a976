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

/** Issue 27's goals for the time to the styled card, each against its own baseline from the same run:
 *  the floor (the card inline in the page), the limit (floor + one round trip) for the script
 *  embed, the iframe floor (a frame from another origin holding one word) for the iframe embed. */
export function timingTable({ timing: t, runs, emulation }) {
  const floor = `floor ${t.reference.medianMs} ms`
  const limit = `floor + 1 RTT ${t.limitMs} ms`
  const frameFloor = t['iframe floor'] && `iframe floor ${t['iframe floor'].medianMs} ms`
  // [label, kind, baseline, its ratio, the paired ratio, goal]
  const BY = {
    floor: [floor, 'ratio', 'pairedRatio'],
    limit: [limit, 'toLimit', 'pairedToLimit'],
    frame: [frameFloor, 'toFrameFloor', 'pairedToFrameFloor'],
  }
  const rows = [
    ['Floor: the card inline in the page', 'reference'],
    ['One bold word inline in the page', 'one word inline', 'floor'],
    ['Script snippet, with its preload', 'script', 'limit', 1.1],
    ['Script snippet without the preload line', 'script without preload', 'limit'],
    ['Iframe snippet (the frame and resize.js)', 'iframe', 'frame', 1.05],
    ['The frame without resize.js', 'iframe without resize.js', 'frame'],
    ['The same iframe with loading="lazy"', 'iframe lazy', 'frame'],
    ['Iframe floor: a frame holding one word, from another origin', 'iframe floor', 'floor'],
    ['Server-side card (/v1/card.html in the page)', 'server-side', 'floor', 1.05],
  ]
  return [
    `| Time to styled card, median of ${runs} (CPU ×${emulation.cpuSlowdown}, ${emulation.network}) | Measured | Baseline, same run | × baseline | × baseline, paired by round | Goal | Met |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.filter(([, kind]) => t[kind]).map(([label, kind, by, goal]) => {
      const r = t[kind]
      const [base, ratio, paired] = by ? BY[by] : ['–']
      return `| ${label} | ${r.medianMs} ms (runs ${r.runsMs.join(', ')}) | ${base} | ${ratio ? `×${r[ratio]}` : '–'} | ${paired ? `×${r[paired]}` : '–'} | ${goal ? `≤ ×${goal}` : '–'} | ${goal ? yes(r[ratio] <= goal) : '–'} |`
    }),
    '',
    ...(t.cardCostMs != null && t['iframe floor'] && t.iframe
      ? [`The card's own cost in the page (the floor less one word inline): ${t.cardCostMs} ms (paired by round ${t.cardCostPairedMs} ms). No frame that shows the card beats the iframe floor plus that, ${t['iframe floor'].medianMs + t.cardCostMs} ms: the iframe snippet is ×${Math.round((t.iframe.medianMs / (t['iframe floor'].medianMs + t.cardCostMs)) * 100) / 100} of it.`, '']
      : []),
    `Every one of the ${t.loads} loads showed its styled card (a load that does not fails the run).`,
  ].join('\n')
}
