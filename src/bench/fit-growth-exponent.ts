/** The least-squares slope of log y against log x: cost grows as size^slope (1 is linear, below 1 sub-linear). */
export function fitGrowthExponent(points: readonly { x: number; y: number }[]): number | null {
  const logs = points.filter((point) => point.x > 0 && point.y > 0).map((point) => ({ x: Math.log(point.x), y: Math.log(point.y) }))
  if (logs.length < 2) return null
  const meanX = logs.reduce((sum, point) => sum + point.x, 0) / logs.length
  const meanY = logs.reduce((sum, point) => sum + point.y, 0) / logs.length
  let covariance = 0
  let variance = 0
  for (const point of logs) {
    covariance += (point.x - meanX) * (point.y - meanY)
    variance += (point.x - meanX) ** 2
  }
  return variance === 0 ? null : covariance / variance
}
