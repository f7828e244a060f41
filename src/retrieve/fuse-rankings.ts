/** Reciprocal rank fusion (Cormack et al. 2009): Σ 1 / (k + rank) over the rankings a label appears in. */
export function fuseRankings(rankings: readonly (readonly number[])[], k = 60): Map<number, number> {
  const fused = new Map<number, number>()
  for (const ranking of rankings) {
    ranking.forEach((label, position) => fused.set(label, (fused.get(label) ?? 0) + 1 / (k + position + 1)))
  }
  return fused
}
