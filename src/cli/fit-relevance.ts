import { readFile } from 'node:fs/promises'
import { classifyQuestion } from '../answer/analyze-question.js'
import { fitRelevanceThreshold, type RelevanceSample } from '../eval/fit-relevance-threshold.js'
import { loadQuestionSet, loadSupportPairs } from '../eval/question-set.js'
import { createWordWeigher } from '../grounding/create-word-weigher.js'
import { expandToSentences } from '../grounding/expand-to-sentences.js'
import { loadScoreOptions } from '../grounding/load-score-options.js'
import { RELEVANCE_THRESHOLD, scoreRelevance, toAskedType } from '../grounding/score-relevance.js'
import { scoreSupport } from '../grounding/score-support.js'

/**
 * `npm run fit:relevance`: measures relevance on development data only — the development pairs that
 * carry a question (off-question or not) and the seed article's answerable questions (their gold
 * evidence against another question's) — at coverage thresholds from 0.1 to 0.8, and prints them,
 * best first, with the threshold in use. The held-out pairs are not read.
 */
async function fitRelevance(): Promise<number> {
  const { options } = await loadScoreOptions()
  const pairs: RelevanceSample[] = (await loadSupportPairs()).filter((pair) => pair.question).map((pair) => {
    const support = scoreSupport(pair.claim, [{ docId: 'passage', start: 0, end: pair.passage.length, text: pair.passage }], options)
    const relevance = scoreRelevance(
      { question: pair.question!, quotes: [pair.claim, ...(support.evidence ?? [])], askedType: toAskedType(classifyQuestion(pair.question!).kind) },
      { ...options, weighWord: createWordWeigher([pair.passage]) },
    )
    return { relevance, relevant: pair.perturbation !== 'off-question' }
  })
  const article = await readFile(new URL('../../index/sources/article.txt', import.meta.url), 'utf8')
  const documents = [{ docId: 'article', text: article }]
  const weighWord = createWordWeigher([article])
  const questions = (await loadQuestionSet()).filter((question) => question.answerable && !question.history)
  const evidenceOf = (quotes: readonly string[]) => expandToSentences(quotes.map((quote) => ({ docId: 'article', quote, start: article.indexOf(quote), end: article.indexOf(quote) + quote.length })), documents)
  const questionSamples: RelevanceSample[] = questions.flatMap((question, index) => {
    const askedType = toAskedType(classifyQuestion(question.question).kind)
    const other = questions[(index + Math.floor(questions.length / 2)) % questions.length]!
    return [
      { relevance: scoreRelevance({ question: question.question, quotes: evidenceOf(question.goldEvidence), askedType }, { ...options, weighWord }), relevant: true },
      { relevance: scoreRelevance({ question: question.question, quotes: evidenceOf(other.goldEvidence), askedType }, { ...options, weighWord }), relevant: false },
    ]
  })
  const fits = fitRelevanceThreshold({ 'development pairs': pairs, 'seed questions': questionSamples })
  process.stdout.write(`relevance on ${pairs.length} development pairs with a question and ${questionSamples.length} seed question samples (threshold in use ${RELEVANCE_THRESHOLD})\n`)
  for (const fit of fits) {
    const cells = Object.entries(fit.balancedAccuracy).map(([name, value]) => `${name} ${(value * 100).toFixed(1)}%`).join(', ')
    process.stdout.write(`  ${fit.threshold.toFixed(2)}  mean ${(fit.mean * 100).toFixed(1)}%  (${cells})${fit.threshold === RELEVANCE_THRESHOLD ? '  ← in use' : ''}\n`)
  }
  return 0
}

fitRelevance().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fit:relevance failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
