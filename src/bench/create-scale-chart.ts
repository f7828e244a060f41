import type { ScaleFigures } from './bench-report.js'
import type { LogLogChart } from './render-log-log-chart.js'

const MEBIBYTE = 1024 * 1024

/** The scale curve as a log-log chart: costs against chunk count, with a linear-growth guide through the first retrieval point. */
export function createScaleChart(points: readonly ScaleFigures[]): LogLogChart {
  const series = (name: string, read: (point: ScaleFigures) => number | null | undefined) => ({
    name,
    points: points.flatMap((point) => {
      const y = read(point)
      return y === null || y === undefined ? [] : [{ x: point.chunks, y }]
    }),
  })
  const first = points[0]
  const last = points.at(-1)
  const linear =
    first && last && points.length > 1
      ? [{ name: 'linear growth (guide)', dashed: true, points: [first, last].map((point) => ({ x: point.chunks, y: (first.retrieval.retrieval.p50 * point.chunks) / first.chunks })) }]
      : []
  return {
    title: 'sanad at scale (log-log)',
    xLabel: 'chunks in the index',
    yLabel: 'ms or MiB',
    series: [
      series('retrieval p50 (ms)', (point) => point.retrieval.retrieval.p50),
      series('retrieval p99 (ms)', (point) => point.retrieval.retrieval.p99),
      series('raw hnswlib p50 (ms)', (point) => point.retrieval.rawVectorSearch.p50),
      series('BM25 p50 (ms)', (point) => point.retrieval.lexicalSearch.p50),
      series('/api/ask p50 (ms)', (point) => point.server?.ask.latency.p50),
      series('index build (ms)', (point) => point.buildMs),
      series('index on disk (MiB)', (point) => point.indexBytes / MEBIBYTE),
      series('server RSS (MiB)', (point) => (point.server ? point.server.rssBytes / MEBIBYTE : null)),
      ...linear,
    ],
  }
}
