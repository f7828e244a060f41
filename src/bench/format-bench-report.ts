import type { BenchReport } from './bench-report.js'
import type { Target } from './evaluate-targets.js'

const MEBIBYTE = 1024 * 1024

/** Three significant digits below 100, whole numbers above; a dash for a missing value. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  if (!Number.isFinite(value)) return String(value)
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US')
  return Number(value.toPrecision(3)).toString()
}

/** Lays rows out in columns: the first column left-aligned, the others right-aligned. */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)))
  return rows
    .map((row) => indent + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n')
}

/** One target as a line: PASS, FAIL or SKIP, its value and its limit. */
export function formatTarget(target: Target): string[] {
  const verdict = target.pass === null ? 'SKIP' : target.pass ? 'PASS' : 'FAIL'
  const sign = target.comparison === 'at-most' ? '≤' : '≥'
  return [verdict, target.name, `${formatNumber(target.value)} ${target.unit}`, `${sign} ${formatNumber(target.limit)} ${target.unit}`]
}

/** The whole report as readable text: machine, article build, retrieval, server, scale and targets. */
export function formatBenchReport(report: BenchReport): string {
  const { machine, article } = report
  const mebibytes = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / MEBIBYTE)
  const lines: string[] = [
    `sanad bench (${report.mode}) — ${report.date}`,
    `Machine: ${machine.cpu} · ${machine.cores} cores · Node ${machine.node} · ${machine.platform} · ${formatNumber(machine.totalMemoryBytes / 1024 ** 3)} GiB · load average ${formatNumber(machine.loadAverageAtStart)} → ${formatNumber(machine.loadAverageAtEnd)}`,
  ]
  // The end figure includes the bench's own servers and builds, so only the start tells of other work.
  if (machine.loadAverageAtStart > machine.cores / 2) {
    lines.push('  warning: the machine was already busy when the run began; other work shared the CPUs and the figures are inflated.')
  }

  lines.push('', `Article index build (${article.documents} document, ${article.sentences} sentences, ${article.chunks} chunks; median of ${article.build.runs} builds)`)
  lines.push(
    formatTable([
      ['stage', 'ms'],
      ...Object.entries(article.build.stagesMs).map(([stage, ms]) => [stage, formatNumber(ms)]),
      ['whole buildIndex', formatNumber(article.build.totalMs.p50)],
    ]),
  )

  const retrieval = article.retrieval
  lines.push('', `Retrieval on the article (${retrieval.retrieval.count} queries)`)
  lines.push(
    formatTable([
      ['', 'p50 ms', 'p99 ms'],
      ['query embedding', formatNumber(retrieval.queryEmbedding.p50), formatNumber(retrieval.queryEmbedding.p99)],
      ['raw hnswlib search', formatNumber(retrieval.rawVectorSearch.p50), formatNumber(retrieval.rawVectorSearch.p99)],
      ['BM25 search (with query concepts)', formatNumber(retrieval.lexicalSearch.p50), formatNumber(retrieval.lexicalSearch.p99)],
      ['HybridRetriever.retrieve', formatNumber(retrieval.retrieval.p50), formatNumber(retrieval.retrieval.p99)],
    ]),
  )
  lines.push(`  retrieval ÷ (raw hnswlib + query embedding), p50: ${formatNumber(retrieval.ratio)}`)

  const server = report.server
  if (server) {
    const { throughput } = server
    lines.push('', `Server (${server.command})`)
    lines.push(
      formatTable([
        ['', 'p50 ms', 'p99 ms', 'n'],
        ['cold start to ready', formatNumber(server.coldStart.p50), formatNumber(server.coldStart.p99), String(server.coldStart.count)],
        ['  of which boot: node -e ""', formatNumber(server.boot.nodeMs.p50), formatNumber(server.boot.nodeMs.p99), String(server.boot.nodeMs.count)],
        ['  of which boot: node with the loader', formatNumber(server.boot.loaderMs.p50), formatNumber(server.boot.loaderMs.p99), String(server.boot.loaderMs.count)],
        ['/api/ask, concurrency 1', formatNumber(server.ask.latency.p50), formatNumber(server.ask.latency.p99), String(server.ask.latency.count)],
        ...Object.entries(server.ask.serverMs).map(([stage, summary]) => [`  answerer ${stage} (timingsMs)`, formatNumber(summary.p50), formatNumber(summary.p99), String(summary.count)]),
      ]),
    )
    lines.push(`  first start (fills the loader cache): ${formatNumber(server.firstStartMs)} ms`)
    lines.push('', `Throughput, ${throughput.connections} connections (autocannon, 127.0.0.1)`)
    lines.push(
      formatTable([
        ['', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', '÷ bare'],
        ...(
          [
            ['bare Hono GET /', throughput.bareHono, 1],
            ['sanad GET /api/health', throughput.sanadHealth, throughput.sanadHealth.requestsPerSecond / throughput.bareHono.requestsPerSecond],
            ['POST /api/ask', throughput.ask, server.askRatio],
            ['POST /v1/chat/completions', throughput.chatCompletions, server.chatCompletionsRatio],
          ] as const
        ).map(([name, figures, ratio]) => [
          name,
          formatNumber(figures.requestsPerSecond),
          formatNumber(figures.latencyP50Ms),
          formatNumber(figures.latencyP99Ms),
          String(figures.non2xx + figures.errors),
          formatNumber(ratio),
        ]),
      ]),
    )
    lines.push(`  server RSS after load: ${formatNumber(mebibytes(server.rssBytes))} MiB (peak ${formatNumber(mebibytes(server.peakRssBytes))} MiB)`)
  }

  if (report.scale.length > 0) {
    lines.push('', 'Scale (synthetic corpora recombined from the article)')
    lines.push(
      formatTable([
        ['chunks', 'docs', 'build s', 'index MiB', 'retrieve p50', 'p99', 'hnsw p50', 'bm25 p50', 'ready s', 'ask p50', 'ask p99', 'RSS MiB'],
        ...report.scale.map((point) => [
          point.chunks.toLocaleString('en-US'),
          String(point.documents),
          formatNumber(point.buildMs / 1000),
          formatNumber(mebibytes(point.indexBytes)),
          formatNumber(point.retrieval.retrieval.p50),
          formatNumber(point.retrieval.retrieval.p99),
          formatNumber(point.retrieval.rawVectorSearch.p50),
          formatNumber(point.retrieval.lexicalSearch.p50),
          formatNumber(point.server ? point.server.readyMs / 1000 : null),
          formatNumber(point.server?.ask.latency.p50),
          formatNumber(point.server?.ask.latency.p99),
          formatNumber(mebibytes(point.server?.rssBytes)),
        ]),
      ]),
    )
    lines.push('  times in ms unless marked; ready = server start to ready on that index; ask = /api/ask at concurrency 1')
    if (report.retrievalGrowthExponent !== null) lines.push(`  retrieval p50 grows as chunks^${formatNumber(report.retrievalGrowthExponent)} (1 would be linear)`)
  }

  lines.push('', 'Targets', formatTable(report.targets.map(formatTarget)))
  if (report.errors.length > 0) lines.push('', 'Errors', ...report.errors.map((error) => `  ${error}`))
  return `${lines.join('\n')}\n`
}
