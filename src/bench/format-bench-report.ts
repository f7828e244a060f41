import type { BenchReport } from './bench-report.js'
import type { Target } from './evaluate-targets.js'
import type { MemoryStage } from './memory-stage.js'

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

const mebibytes = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / MEBIBYTE)

/** Memory by stage: RSS, heap in use, heap reserved and external memory, with the RSS each stage added. */
export function formatMemoryStages(stages: readonly MemoryStage[]): string {
  return formatTable([
    ['stage', 'RSS MiB', '+RSS', 'heap used', 'heap total', 'external'],
    ...stages.map((stage, position) => [
      stage.stage,
      formatNumber(mebibytes(stage.rssBytes)),
      position === 0 ? '' : formatNumber(mebibytes(stage.rssBytes - stages[position - 1]!.rssBytes)),
      formatNumber(mebibytes(stage.heapUsedBytes)),
      formatNumber(mebibytes(stage.heapTotalBytes)),
      formatNumber(mebibytes(stage.externalBytes)),
    ]),
  ])
}

/** The whole report as readable text: machine, article, start-up, server, memory, peers, scale and targets. */
export function formatBenchReport(report: BenchReport): string {
  const { machine, article } = report
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

  const startup = report.startup
  if (startup) {
    lines.push('', `Start-up (${startup.command})`)
    lines.push(
      formatTable([
        ['', 'p50 ms', 'p99 ms', 'n'],
        ['cold start to ready', formatNumber(startup.coldStart.p50), formatNumber(startup.coldStart.p99), String(startup.coldStart.count)],
        ['node -e "" (Node alone)', formatNumber(startup.nodeBoot.p50), formatNumber(startup.nodeBoot.p99), String(startup.nodeBoot.count)],
      ]),
    )
    if (Object.keys(startup.stagesMs).length > 0) {
      lines.push('  stages to listening (the server\'s startupMs log, median ms):')
      lines.push(formatTable(Object.entries(startup.stagesMs).map(([stage, ms]) => [stage, formatNumber(ms)]), '    '))
    }
    lines.push('  put off until first use (ms, first request → the same again):')
    lines.push(formatTable(startup.deferred.map((part) => [part.name, formatNumber(part.firstMs), formatNumber(part.nextMs)]), '    '))
  }

  const server = report.server
  if (server) {
    lines.push('', `Server on the article (${report.startup?.command ?? 'node dist/main.js'}; ${server.connections} connections for throughput, autocannon, 127.0.0.1)`)
    const throughputRows = [
      ['bare Hono GET /', server.bareHono, 1] as const,
      ...[server.cached, server.uncached].flatMap((run) =>
        Object.entries(run.throughput).map(([name, figures]) => [`${name} [${run.setting}]`, figures, figures.requestsPerSecond / server.bareHono.requestsPerSecond] as const),
      ),
    ]
    lines.push(
      formatTable([
        ['', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', '÷ bare'],
        ...throughputRows.map(([name, figures, ratio]) => [
          name,
          formatNumber(figures.requestsPerSecond),
          formatNumber(figures.latencyP50Ms),
          formatNumber(figures.latencyP99Ms),
          String(figures.non2xx + figures.errors),
          formatNumber(ratio),
        ]),
      ]),
    )
    lines.push('', '  /api/ask one at a time, with the answerer\'s timingsMs')
    lines.push(
      formatTable(
        [
          ['', 'p50 ms', 'p99 ms', 'n'],
          ...[server.cached, server.uncached].flatMap((run) => [
            [`end to end [${run.setting}]`, formatNumber(run.ask.latency.p50), formatNumber(run.ask.latency.p99), String(run.ask.latency.count)],
            ...Object.entries(run.ask.serverMs).map(([stage, summary]) => [`  ${stage}`, formatNumber(summary.p50), formatNumber(summary.p99), String(summary.count)]),
          ]),
        ],
        '    ',
      ),
    )
    lines.push('', '  memory (RSS MiB)')
    lines.push(
      formatTable(
        [
          ['', 'idle', 'after requests', 'requests', 'non-2xx', 'peak'],
          ...[server.cached, server.uncached].map((run) => [
            run.setting,
            formatNumber(mebibytes(run.idleRssBytes)),
            formatNumber(mebibytes(run.load.rssBytes)),
            run.load.requests.toLocaleString('en-US'),
            String(run.load.non2xx),
            formatNumber(mebibytes(run.load.peakRssBytes)),
          ]),
        ],
        '    ',
      ),
    )
  }

  if (report.memoryStages.length > 0) {
    lines.push('', 'Memory by stage, article (in-process, after a full collection; answer cache off)', formatMemoryStages(report.memoryStages))
  }

  if (report.unseen) {
    const { unseen } = report
    lines.push('', `The answer path on questions never seen: ${unseen.questions.toLocaleString('en-US')} ARCD questions, each asked once, over its ${unseen.documents.toLocaleString('en-US')} paragraphs (in process, answer cache off)`)
    lines.push(formatTable([['stage', 'p50 ms', 'p90 ms', 'mean ms'], ...Object.entries(unseen.stagesMs).map(([stage, ms]) => [stage, formatNumber(ms.p50), formatNumber(ms.p90), formatNumber(ms.mean)])], '    '))
    lines.push(`  CPU per question: ${formatNumber(unseen.cpuMicrosecondsPerQuestion)} µs`)
  }

  if (report.peers.length > 0) {
    lines.push('', 'Peers: the same chunks, the same local embeddings, top 5 (each system in its own process)')
    lines.push(
      formatTable([
        ['corpus', 'system', 'chunks', 'build ms', 'p50 ms', 'p99 ms', 'hit@5', 'questions', 'RSS MiB', 'heap MiB'],
        ...report.peers.map((peer) => [
          peer.corpus,
          peer.system,
          peer.chunks.toLocaleString('en-US'),
          formatNumber(peer.buildMs),
          formatNumber(peer.latency.p50),
          formatNumber(peer.latency.p99),
          peer.hitAt5 === null ? '–' : formatNumber(peer.hitAt5),
          peer.hitAt5 === null ? '–' : String(peer.goldQuestions),
          formatNumber(mebibytes(peer.rssBytes)),
          formatNumber(mebibytes(peer.heapUsedBytes)),
        ]),
      ]),
    )
    for (const line of describePeerStandings(report)) lines.push(`  ${line}`)
  }

  if (report.scale.length > 0) {
    lines.push('', 'Scale (synthetic corpora recombined from the article)')
    lines.push(
      formatTable([
        ['chunks', 'docs', 'build s', 'index MiB', 'retrieve p50', 'p99', 'hnsw p50', 'bm25 p50', 'ready s', 'ask p50', 'ask p99', 'RSS MiB', 'build peak MiB'],
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
          formatNumber(mebibytes(point.buildPeakRssBytes)),
        ]),
      ]),
    )
    lines.push('  times in ms unless marked; ready = server start to ready on that index; ask = /api/ask at concurrency 1')
    const exponents = Object.entries(report.growthExponents).filter(([, exponent]) => exponent !== null)
    if (exponents.length > 0) lines.push(`  growth exponents (figure ∝ chunks^e; 1 is linear): ${exponents.map(([name, exponent]) => `${name} ${formatNumber(exponent)}`).join(', ')}`)
    const largest = report.scale.at(-1)
    if (largest?.memoryStages) lines.push('', `Memory by stage, ${largest.chunks.toLocaleString('en-US')} chunks`, formatMemoryStages(largest.memoryStages))
  }

  lines.push('', 'Targets', formatTable(report.targets.map(formatTarget)))
  if (report.errors.length > 0) lines.push('', 'Errors', ...report.errors.map((error) => `  ${error}`))
  return `${lines.join('\n')}\n`
}

/** Per corpus, where sanad stands against the peers: the best at each figure, and sanad's rank. */
export function describePeerStandings(report: Pick<BenchReport, 'peers'>): string[] {
  const corpora = [...new Set(report.peers.map((peer) => peer.corpus))]
  const figures: { name: string; read: (peer: BenchReport['peers'][number]) => number | null; better: 'lower' | 'higher' }[] = [
    { name: 'hit@5', read: (peer) => peer.hitAt5, better: 'higher' },
    { name: 'p50', read: (peer) => peer.latency.p50, better: 'lower' },
    { name: 'p99', read: (peer) => peer.latency.p99, better: 'lower' },
    { name: 'build', read: (peer) => peer.buildMs, better: 'lower' },
    { name: 'RSS (MiB)', read: (peer) => peer.rssBytes / MEBIBYTE, better: 'lower' },
  ]
  return corpora.map((corpus) => {
    const peers = report.peers.filter((peer) => peer.corpus === corpus)
    const sanad = peers.find((peer) => peer.system === 'sanad')
    if (!sanad) return `${corpus}: sanad was not measured`
    const verdicts = figures.flatMap(({ name, read, better }) => {
      const own = read(sanad)
      const others = peers.filter((peer) => peer !== sanad).map((peer) => ({ system: peer.system, value: read(peer) })).filter((other) => other.value !== null)
      if (own === null || others.length === 0) return []
      const best = others.reduce((winner, other) => ((better === 'lower' ? other.value! < winner.value! : other.value! > winner.value!) ? other : winner))
      const ahead = better === 'lower' ? own <= best.value! : own >= best.value!
      return [ahead ? `ahead at ${name}` : `behind ${best.system} at ${name} (${formatNumber(own)} vs ${formatNumber(best.value)})`]
    })
    return `${corpus}: sanad is ${verdicts.join(', ')}`
  })
}
