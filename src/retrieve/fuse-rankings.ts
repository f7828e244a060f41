/** The rank constant of reciprocal rank fusion, as Cormack et al. chose it. */
export const FUSION_RANK_CONSTANT = 60

/** Reciprocal rank fusion (Cormack et al. 2009): Σ 1 / (k + rank) over the rankings a label appears in. */
export function fuseRankings(rankings: readonly (readonly number[])[], k = FUSION_RANK_CONSTANT): Map<number, number> {
  const fused = new Map<number, number>()
  for (const ranking of rankings) {
    ranking.forEach((label, position) => fused.set(label, (fused.get(label) ?? 0) + 1 / (k + position + 1)))
  }
  return fused
}
