import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js'
import { ARABIC_MONTHS, ENGLISH_MONTHS } from '../text/calendar-words.js'
import { ENGLISH_NEGATORS, NEGATING_PARTICLES, NOMINAL_NEGATORS } from '../text/lexicon/polarity-lexicon.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import type { Token } from '../text/tokenize.js'
import type { QuestionAnalysis, QuestionKind } from './analyze-question.js'
import { answerAboutTheDocument } from './answer-about-the-document.js'
import { predictProbability, type AnswerModel } from './answer-model.js'
import { needsDetail } from './find-answer-type-spans.js'
import { StemBag, type WeightedTerm } from './match-terms.js'
import { computeDecisionFeatures, gatherCandidates, neighbourOf, SENTENCE_FEATURES, type Candidate } from './rank-candidates.js'

/** A span of a document that an answer quotes and cites. */
export interface EvidenceSpan {
  docId: string
  start: number
  end: number
}

/** Why an answer was refused. */
export type RefusalReason = 'no-question' | 'not-in-sources' | 'missing-detail'

/** The extractive answerer's decision: claims with their evidence, or a refusal with the nearest sentences. */
export type ExtractedAnswer =
  | { answered: true; shortAnswer: EvidenceSpan | null; polarity: 'yes' | 'no' | null; claims: EvidenceSpan[]; coverage: number }
  | { answered: false; reason: RefusalReason; missingDetail: QuestionKind | null; related: Sentence[]; coverage: number }

// Named constants that shape the rendering, not the decision (the decision is fitted: see answer-model.ts).
const DETAIL_KINDS: ReadonlySet<QuestionKind> = new Set(['date', 'number', 'person', 'place'])
// Openers of a sentence that carries on the previous one: a pointing word, or a verb whose subject it left implicit.
const CONTINUATION_OPENER = /^(وذلك|وهذا|وهذه|وهو|وهي|ذلك|حيث|اذ|اي|تنص|ينص|تشمل|يشمل|تتضمن|يتضمن|تهدف|يهدف|تروم|تتمثل|يتمثل)$/
const LIST_ITEMS = 4
// A list item must be nearly as likely as the best one.
const LIST_SHARE_OF_BEST = 0.75
// A refusal names the missing detail when the best sentence has most of the question's words.
const TOPIC_PRESENT_SHARE = 0.5
// Negation words, from the one polarity lexicon the grounding judge reads too (normalized: ليس stays).
const NEGATIONS: ReadonlySet<string> = new Set([...Object.keys(NEGATING_PARTICLES), ...NOMINAL_NEGATORS, ...ENGLISH_NEGATORS].map((word) => normalizeArabic(word)))

/** What the answerer saw and decided for one question, for a trace callback (debugging, evaluation). */
export interface AnswerTrace {
  analysis: QuestionAnalysis
  terms: readonly WeightedTerm[]
  ranked: readonly Candidate[]
  answerProbability: number
  threshold: number
}

/**
 * Picks the sentences that answer a question from the retrieved chunks, or refuses: candidates →
 * features → ranking by the fitted ranker → answer-or-refuse by the fitted decider → claims and
 * short answer. Only rules of language (question words, answer types, clauses) are hand-written.
 */
export function extractAnswer(
  analysis: QuestionAnalysis,
  terms: readonly WeightedTerm[],
  retrieved: readonly RetrievedChunk[],
  index: SanadIndex,
  model: AnswerModel,
  trace?: (trace: AnswerTrace) => void,
): ExtractedAnswer {
  const about = answerAboutTheDocument(analysis.question, retrieved[0]?.chunk.docId ?? index.corpus.documents[0]?.id ?? '', index)
  if (about) return { answered: true, shortAnswer: null, polarity: null, claims: [about], coverage: 1 }
  const ranked = rankCandidates(analysis, terms, retrieved, index, model)
  const related = ranked.slice(0, 3).map((item) => item.sentence)
  const totalWeight = terms.reduce((sum, term) => sum + term.weight * term.idf, 0)
  if (terms.length === 0 || totalWeight === 0) return { answered: false, reason: 'no-question', missingDetail: null, related, coverage: 0 }
  // A question about something the sources never mention ("عاصمة البحرين") is not answered by what surrounds it;
  // a yes/no question asserting something they never mention can be neither confirmed nor denied.
  // (Only for Arabic questions: a translated word missing from the sources is more often a dictionary gap.)
  const head = terms.find((term) => term.stem === analysis.headStem)
  const headMissing = head !== undefined && head.documentFrequency === 0
  const unknownInClaim = analysis.kind === 'yes-no' && analysis.language === 'ar' && terms.some((term) => term.weight >= 1 && term.documentFrequency === 0 && !/^\d/.test(term.stem))
  const answerProbability = ranked.length > 0 ? predictProbability(model.decider, computeDecisionFeatures(ranked, analysis, terms)) : 0
  trace?.({ analysis, terms, ranked, answerProbability, threshold: model.threshold })
  const best = ranked[0]
  if (!best && needsDetail(analysis)) {
    // The topic may be there without the detail: "the article mentions the bombings but not their toll".
    const topical = gatherCandidates(analysis, terms, retrieved, index).some((item) => item.features[SENTENCE_FEATURES.indexOf('matchedShare')]! >= TOPIC_PRESENT_SHARE)
    if (topical) return { answered: false, reason: 'missing-detail', missingDetail: analysis.kind, related, coverage: 0 }
  }
  if (headMissing || unknownInClaim || !best) {
    return { answered: false, reason: 'not-in-sources', missingDetail: null, related, coverage: best?.coverage ?? 0 }
  }
  if (answerProbability < model.threshold) return { answered: false, reason: 'not-in-sources', missingDetail: null, related, coverage: best.coverage }

  const chosen = analysis.kind === 'list' ? ranked.filter((item) => item.probability >= best.probability * LIST_SHARE_OF_BEST).slice(0, LIST_ITEMS) : [best]
  chosen.sort((left, right) => left.sentence.start - right.sentence.start || left.sentence.docId.localeCompare(right.sentence.docId))
  // A date, number or name is answered by the clause that holds it; other questions by whole sentences,
  // with the next sentence when it only continues this one ("… مع الحكومة البلجيكية. تنص على …").
  const claims = DETAIL_KINDS.has(analysis.kind)
    ? chosen.map((item) => narrowToClause(item, terms, index))
    : chosen.flatMap((item) => withContinuation(item.sentence, index, chosen.map((other) => other.sentence.id)))
  // Only a date, number, name or place is a short answer; a cause word ("بسبب") or a manner is not one.
  const shortAnswer = DETAIL_KINDS.has(analysis.kind) ? findShortAnswer(best, claims[chosen.indexOf(best)]!, terms) : null
  return {
    answered: true,
    shortAnswer,
    polarity: analysis.kind === 'yes-no' ? polarityOf(analysis, best) : null,
    claims,
    coverage: best.coverage,
  }
}

/**
 * The candidate sentences of the retrieved chunks, best first by the fitted ranker. A date, amount or
 * name question is only answered by a sentence holding a date, an amount or a name; a follow-up
 * about a new subject only by one naming it; a question pinned by a number, a date or a quoted title
 * only by a sentence (or its neighbours) holding them: rules of language, not weights.
 */
export function rankCandidates(analysis: QuestionAnalysis, terms: readonly WeightedTerm[], retrieved: readonly RetrievedChunk[], index: SanadIndex, model: AnswerModel): Candidate[] {
  const all = gatherCandidates(analysis, terms, retrieved, index)
  const requiredMatched = SENTENCE_FEATURES.indexOf('requiredMatched')
  // "وماذا عن البحرين؟" asks the earlier question about Bahrain: a sentence without Bahrain cannot answer it.
  const admissible = all.filter(
    (candidate) =>
      candidate.meetsConstraints &&
      (!needsDetail(analysis) || candidate.answerTypeSpans.length > 0) &&
      (analysis.requiredStems.length === 0 || candidate.features[requiredMatched] === 1),
  )
  // Look further before answering about something else: when some admissible sentence names the
  // question's key entity, only those may answer ("متى وقع المغرب اتفاقية مع بلجيكا؟" is not
  // answered by the date of the agreement with the United States).
  const naming = admissible.filter((candidate) => candidate.holdsKeyTerm)
  const candidates = naming.length > 0 ? naming : admissible
  for (const candidate of candidates) candidate.probability = predictProbability(model.ranker, candidate.features)
  return candidates.sort((left, right) => right.probability - left.probability || left.chunkRank - right.chunkRank || left.sentence.id - right.sentence.id)
}

function withContinuation(sentence: Sentence, index: SanadIndex, chosenIds: readonly number[]): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [{ docId: sentence.docId, start: sentence.start, end: sentence.end }]
  const next = neighbourOf(index, sentence, 1)
  if (!next || chosenIds.includes(next.id)) return spans
  const sameParagraph = !index.documents.get(sentence.docId)!.text.slice(sentence.end, next.start).includes('\n')
  const opener = index.tokensOf(next)[0]?.normalized ?? ''
  if (sameParagraph && CONTINUATION_OPENER.test(opener)) spans.push({ docId: next.docId, start: next.start, end: next.end })
  return spans
}

interface Clause {
  start: number
  end: number
  tokens: Token[]
}

// Clauses end at Arabic or Latin commas, semicolons and colons outside quotation marks.
function splitClauses(tokens: readonly Token[], text: string, offset: number): Clause[] {
  const clauses: Clause[] = []
  let current: Token[] = []
  let depth = 0
  let cursor = offset
  for (const token of tokens) {
    const gap = text.slice(cursor - offset, token.start - offset)
    for (const character of gap) {
      if (character === '“') depth++
      if (character === '”') depth = Math.max(0, depth - 1)
    }
    if (current.length > 0 && depth === 0 && /[،,؛;:]/.test(gap)) {
      clauses.push({ start: current[0]!.start, end: current.at(-1)!.end, tokens: current })
      current = []
    }
    current.push(token)
    cursor = token.end
  }
  if (current.length > 0) clauses.push({ start: current[0]!.start, end: current.at(-1)!.end, tokens: current })
  return clauses
}

/** The narrowest run of clauses of a sentence that keeps its matched terms and the asked-for detail. */
function narrowToClause(item: Candidate, terms: readonly WeightedTerm[], index: SanadIndex): EvidenceSpan {
  const { sentence } = item
  const whole = { docId: sentence.docId, start: sentence.start, end: sentence.end }
  const text = index.textOf(sentence)
  const clauses = splitClauses(item.tokens, text, sentence.start)
  if (clauses.length < 2 || item.tokens.length < 16) return whole

  // A term's match in a run of clauses is its best match in any of them (the bags' union holds a variant
  // exactly when one of them does), so each clause is matched once.
  const clauseMatches = clauses.map((clause) => {
    const bag = new StemBag(clause.tokens)
    return terms.map((term) => bag.match(term))
  })
  const weightOf = (first: number, last: number) => {
    let sum = 0
    terms.forEach((term, position) => {
      let match = 0
      for (let clause = first; clause <= last; clause++) match = Math.max(match, clauseMatches[clause]![position]!)
      sum += term.weight * term.idf * match
    })
    return sum
  }
  const wholeBag = new StemBag(item.tokens)
  const target = terms.reduce((sum, term) => sum + term.weight * term.idf * wholeBag.match(term), 0) * 0.9
  const details = item.answerTypeSpans
  let best: { first: number; last: number; length: number } | null = null
  for (let first = 0; first < clauses.length; first++) {
    let tokenCount = 0
    for (let last = first; last < clauses.length; last++) {
      tokenCount += clauses[last]!.tokens.length
      const start = clauses[first]!.start
      const end = clauses[last]!.end
      if (tokenCount < 5 || weightOf(first, last) < target) continue
      if (details.length > 0 && !details.some((detail) => detail.start >= start && detail.end <= end)) continue
      if (!best || end - start < best.length) best = { first, last, length: end - start }
    }
  }
  if (!best || best.length > (sentence.end - sentence.start) * 0.8) return whole
  const start = clauses[best.first]!.start
  let end = clauses[best.last]!.end
  // Keep a closing quotation mark or full stop that ends the clause.
  while (end < sentence.end && /[”".؟!…]/.test(text[end - sentence.start]!)) end++
  return { docId: sentence.docId, start, end }
}

function findShortAnswer(best: Candidate, claim: EvidenceSpan, terms: readonly WeightedTerm[]): EvidenceSpan | null {
  const tokens = best.tokens.filter((token) => token.start >= claim.start && token.end <= claim.end)
  const spans = best.answerTypeSpans.filter((span) => span.start >= claim.start && span.end <= claim.end)
  if (spans.length === 0) return null
  const questionStems = new Set(terms.flatMap((term) => term.variants.map((variant) => variant.stem)))
  const isQuestionWord = (token: Token) => questionStems.has(token.stem) || (token.cliticFreeStem !== null && token.cliticFreeStem !== undefined && questionStems.has(token.cliticFreeStem))
  const relevance = (span: { start: number; end: number }) => {
    const inside = tokens.filter((token) => token.start >= span.start && token.end <= span.end)
    // A count whose noun the question names (كم دولة → "40 دولة") beats any other number; a name or
    // place made of the question's own words ("من هو سعد العلمي؟" → "سعد العلمي") is no answer.
    const named = inside.some((token) => token.isNumber || /\d/.test(token.normalized)) && inside.some(isQuestionWord) ? 10 : 0
    const echo = inside.length > 0 && inside.every(isQuestionWord) ? -20 : 0
    const matchedPositions = tokens.filter(isQuestionWord).map((token) => token.start)
    const distance = Math.min(...matchedPositions.map((position) => Math.abs(position - span.start)), 10_000)
    // Between two dates, the fuller one: "الخميس7 أغسطس 2014" over "أغسطس الماضي".
    const specificity = inside.filter((token) => token.isNumber || ARABIC_MONTHS.has(token.normalized) || ENGLISH_MONTHS.has(token.normalized)).length
    return named + echo + specificity * 0.5 - distance / 10_000
  }
  const chosen = [...spans].sort((left, right) => relevance(right) - relevance(left))[0]!
  if (relevance(chosen) < -10) return null
  return { docId: best.sentence.docId, start: chosen.start, end: chosen.end }
}

// A yes/no question is answered "no" when the evidence negates what the question asserts.
function polarityOf(analysis: QuestionAnalysis, best: Candidate): 'yes' | 'no' {
  const questionNegated = analysis.question.split(/\s+/).some((word) => NEGATIONS.has(word.replace(/[؟?]/g, '')))
  const evidenceNegated = best.tokens.some((token) => NEGATIONS.has(token.normalized))
  return questionNegated === evidenceNegated ? 'yes' : 'no'
}

