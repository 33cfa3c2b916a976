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
      `GET ${route} throughput`,
      `${api[route].rps} req/s (×${api[route].ratio})`,
      `bare Hono ${api.baseline.rps} req/s`,
      '≥ ×0.9',
      yes(api[route].ratio >= 0.9),
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
