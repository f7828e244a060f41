import type { GuideQuestion, SourceGuide } from '../../index/guide/source-guide.js'
import type { QuestionAnswerer } from '../question-answerer.js'

/**
 * The guide's candidate questions that the answerer answers from the guide's document with every
 * citation in it and its grounding supported; asked of the extractive answerer, which is offline and
 * deterministic, so that a suggestion never promises what sanad cannot deliver.
 */
export async function verifyGuideQuestions(guide: SourceGuide, answerer: QuestionAnswerer): Promise<GuideQuestion[]> {
  const verified: GuideQuestion[] = []
  for (const candidate of guide.questions) {
    const response = await answerer.ask({ question: candidate.question, documents: [guide.docId] }, { answerer: 'extractive' })
    const cited = response.citations.length > 0 && response.citations.every((citation) => citation.docId === guide.docId)
    if (response.answered && cited && response.grounding.supported) verified.push(candidate)
  }
  return verified
}
