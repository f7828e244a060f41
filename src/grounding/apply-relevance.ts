import { RELEVANCE_THRESHOLD, type Relevance } from './score-relevance.js'
import { SUPPORT_THRESHOLD } from './score-support.js'
import type { SupportIssue } from './support-issue.js'

/**
 * Support that must also answer the question: evidence that is off the question is never
 * supported, whatever it supports, and its score drops below the support threshold in proportion
 * to how much of the question it covers; its off-question issue comes first.
 */
export function applyRelevance<Verdict extends { score: number; supported: boolean; issues: SupportIssue[] }>(verdict: Verdict, relevance: Relevance | null): Verdict {
  if (!relevance || relevance.relevant) return verdict
  const ceiling = (SUPPORT_THRESHOLD - 0.01) * Math.min(1, relevance.score / RELEVANCE_THRESHOLD)
  return { ...verdict, score: Math.round(Math.min(verdict.score, ceiling) * 1000) / 1000, supported: false, issues: [...relevance.issues, ...verdict.issues] }
}
