import type { AnswerModel } from '../answer/answer-model.js'
import { composeSanadOver } from '../compose-sanad.js'
import type { Config } from '../config/load-config.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { ArcdCollection, ArcdQuestion } from './arcd.js'
import { computeMetrics, type ComputedMetrics } from './compute-metrics.js'
import type { Question } from './question-set.js'
import { runQuestionSet } from './run-question-set.js'
import { scoreAnswerMatch } from './score-answer-match.js'
import { fitAnswerModel, type TrainingCollection, type TrainingExample } from './train-answer-model.js'
import { otherArticleParagraph, siblingParagraph } from './training-sets.js'

/** Offset of the other-article paragraph ARCD questions are asked of when evaluating (not the training one). */
export const EVALUATION_NEGATIVE_OFFSET = 12

/** ARCD figures, each a share of the questions (F1 and exact match on the short answer, 0–1). */
export interface ArcdFigures {
  questions: number
  /** Restricted to its paragraph: a citation overlaps the sentence that holds the gold answer. */
  sentenceMatch: number
  /** Restricted to its paragraph: a citation contains the whole gold answer span. */
  evidenceHoldsAnswer: number
  exactMatch: number
  tokenF1: number
  /** Restricted to its paragraph: refused (false refusals; every ARCD question is answerable there). */
  falseRefusals: number
  /** Asked of another article's paragraph: refused. */
  otherArticleRefused: number
  /** Asked of another paragraph of its own article (the topic is there, the answer is not): refused. */
  sameArticleRefused: number
  /** All paragraphs together, no filter: a citation overlaps the gold sentence. */
  openSentenceMatch: number
}

/**
 * Cross-validates the answer model by article: the questions of one fold's articles are answered by
 * a model fitted without them (ARCD's other folds plus `extraExamples`), then every figure is pooled.
 */
export async function crossValidateArcd(options: {
  arcd: ArcdCollection
  collection: TrainingCollection
  examples: readonly TrainingExample[]
  extraExamples: readonly TrainingExample[]
  config: Config
  folds: number
  trainedOn: AnswerModel['trainedOn']
  onFold?: (fold: number, figures: ArcdFigures) => void
}): Promise<ArcdFigures> {
  const { arcd, collection, config, folds } = options
  const all: ArcdOutcome[] = []
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (article: number) => article % folds === fold
    const training = [...options.examples.filter((example) => !inFold(Number(example.group.split('-')[1]))), ...options.extraExamples]
    const model = fitAnswerModel(training, options.trainedOn)
    const outcomes = await answerArcd(arcd, arcd.questions.filter((question) => inFold(question.article)), collection.index, config, model)
    options.onFold?.(fold, summarizeArcd(outcomes))
    all.push(...outcomes)
  }
  return summarizeArcd(all)
}

interface ArcdOutcome {
  sentenceMatch: boolean
  evidenceHoldsAnswer: boolean
  exactMatch: boolean
  tokenF1: number
  refused: boolean
  otherRefused: boolean
  siblingRefused: boolean | null
  openSentenceMatch: boolean
}

/** Asks ARCD questions of their paragraph, of another article's paragraph, and of the whole collection. */
export async function answerArcd(arcd: ArcdCollection, questions: readonly ArcdQuestion[], index: SanadIndex, config: Config, model: AnswerModel): Promise<ArcdOutcome[]> {
  const { answerer } = await composeSanadOver(index, config, { model })
  const outcomes: ArcdOutcome[] = []
  for (const question of questions) {
    const gold = question.answers[0]!
    const goldSentence = index.corpus.sentences.find((sentence) => sentence.docId === question.docId && sentence.start <= gold.start && gold.start < sentence.end)
    const citesGoldSentence = (citations: readonly { docId: string; start: number; end: number }[]) =>
      goldSentence !== undefined && citations.some((citation) => citation.docId === question.docId && citation.start < goldSentence.end && citation.end > goldSentence.start)
    const own = await answerer.ask({ question: question.question, documents: [question.docId] })
    const prediction = own.answered ? (own.shortAnswer ?? own.citations[0]?.quote ?? '') : ''
    const match = scoreAnswerMatch(prediction, prediction, question.answers.map((answer) => answer.text))
    const other = await answerer.ask({ question: question.question, documents: [otherArticleParagraph(arcd, question.article, EVALUATION_NEGATIVE_OFFSET)] })
    const sibling = siblingParagraph(arcd, question.docId)
    const siblingAnswer = sibling ? await answerer.ask({ question: question.question, documents: [sibling] }) : null
    const open = await answerer.ask({ question: question.question })
    outcomes.push({
      sentenceMatch: own.answered && citesGoldSentence(own.citations),
      evidenceHoldsAnswer: own.answered && own.citations.some((citation) => citation.docId === question.docId && question.answers.some((answer) => citation.start <= answer.start && citation.end >= answer.end)),
      exactMatch: own.answered && match.exactMatch,
      tokenF1: own.answered ? match.tokenF1 : 0,
      refused: !own.answered,
      otherRefused: !other.answered,
      siblingRefused: siblingAnswer ? !siblingAnswer.answered : null,
      openSentenceMatch: open.answered && citesGoldSentence(open.citations),
    })
  }
  return outcomes
}

function summarizeArcd(outcomes: readonly ArcdOutcome[]): ArcdFigures {
  const share = (pick: (outcome: ArcdOutcome) => boolean | number) => round(outcomes.reduce((sum, outcome) => sum + Number(pick(outcome)), 0) / Math.max(1, outcomes.length))
  return {
    questions: outcomes.length,
    sentenceMatch: share((outcome) => outcome.sentenceMatch),
    evidenceHoldsAnswer: share((outcome) => outcome.evidenceHoldsAnswer),
    exactMatch: share((outcome) => outcome.exactMatch),
    tokenF1: share((outcome) => outcome.tokenF1),
    falseRefusals: share((outcome) => outcome.refused),
    otherArticleRefused: share((outcome) => outcome.otherRefused),
    sameArticleRefused: round(outcomes.filter((outcome) => outcome.siblingRefused === true).length / Math.max(1, outcomes.filter((outcome) => outcome.siblingRefused !== null).length)),
    openSentenceMatch: share((outcome) => outcome.openSentenceMatch),
  }
}

/** A question set over a multi-document collection, asked of the whole collection or only of its own document. */
export async function evaluateQuestionsOver(
  questions: readonly Question[],
  index: SanadIndex,
  config: Config,
  options: { model?: AnswerModel; restrictToDocument?: boolean } = {},
): Promise<ComputedMetrics> {
  const { answerer } = await composeSanadOver(index, config, options.model ? { model: options.model } : {})
  const ask = options.restrictToDocument
    ? (request: Parameters<typeof answerer.ask>[0]) => {
        const docId = questions.find((question) => question.question === request.question)?.docId
        return answerer.ask(docId ? { ...request, documents: [docId] } : request)
      }
    : (request: Parameters<typeof answerer.ask>[0]) => answerer.ask(request)
  const records = await runQuestionSet(questions, ask)
  return computeMetrics(records, new Map([...index.documents].map(([id, document]) => [id, document.text])))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
