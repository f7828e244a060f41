import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js'
import { ARABIC_MONTHS, ENGLISH_MONTHS } from '../text/calendar-words.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import type { Token } from '../text/tokenize.js'
import type { QuestionAnalysis, QuestionKind } from './analyze-question.js'
import { answerAboutTheDocument } from './answer-about-the-document.js'
import { findPoisonedDocuments } from './contains-injected-instructions.js'
import { findCauseSpans, findCountSpans, findDateSpans, findNameSpans, findQuotedSpans, type TokenSpan } from './find-answer-spans.js'
import { StemBag, type WeightedTerm } from './match-terms.js'

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

/** How sure the answerer must be; exported for the evaluation to report. */
export const MINIMUM_COVERAGE = 0.4
const MINIMUM_MATCHED_SHARE = 0.4
const DETAIL_KINDS: ReadonlySet<QuestionKind> = new Set(['date', 'number', 'person', 'place'])
// Openers of a sentence that carries on the previous one: a pointing word, or a verb whose subject it left implicit.
const CONTINUATION_OPENER = /^(وذلك|وهذا|وهذه|وهو|وهي|ذلك|حيث|اذ|اي|تنص|ينص|تشمل|يشمل|تتضمن|يتضمن|تهدف|يهدف|تروم|تتمثل|يتمثل)$/
const LIST_ITEMS = 4
const NEIGHBOUR_CREDIT = 0.5
const NEGATIONS = new Set(['لم', 'لن', 'لا', 'ليس', 'ليست', 'غير', 'عدم', 'بدون', 'دون', 'not', 'no', 'never', 'without'])

interface ScoredSentence {
  sentence: Sentence
  tokens: Token[]
  coverage: number
  ownCoverage: number
  hasDetail: boolean
  score: number
  order: number
}

/**
 * Picks the sentences that answer a question from the retrieved chunks, or refuses.
 * A sentence qualifies when it (with its neighbours) covers enough of the question's weighted
 * terms and, for date, number and name questions, contains that kind of detail.
 */
export function extractAnswer(analysis: QuestionAnalysis, terms: readonly WeightedTerm[], retrieved: readonly RetrievedChunk[], index: SanadIndex): ExtractedAnswer {
  const about = answerAboutTheDocument(analysis.question, retrieved[0]?.chunk.docId ?? index.corpus.documents[0]?.id ?? '', index)
  if (about) return { answered: true, shortAnswer: null, polarity: null, claims: [about], coverage: 1 }
  const totalWeight = terms.reduce((sum, term) => sum + term.weight * term.idf, 0)
  const candidates = candidateSentences(retrieved, index)
  if (terms.length === 0 || totalWeight === 0) {
    return { answered: false, reason: 'no-question', missingDetail: null, related: candidates.slice(0, 3), coverage: 0 }
  }
  // A question about something the sources never mention ("عاصمة البحرين") is not answered by what surrounds it.
  const head = headTermOf(analysis, terms)
  // A yes/no question asserts something; the sources can neither confirm nor deny a claim about what they never mention.
  // (Only for Arabic questions: a translated word missing from the article is more often a dictionary gap.)
  const unknownInClaim = analysis.kind === 'yes-no' && analysis.language === 'ar' && terms.some((term) => term.weight >= 1 && term.documentFrequency === 0 && !/^\d/.test(term.stem))
  if ((head && head.documentFrequency === 0) || unknownInClaim) {
    return { answered: false, reason: 'not-in-sources', missingDetail: null, related: candidates.slice(0, 3), coverage: 0 }
  }
  const required = new Set(analysis.requiredStems)
  const bags = new Map(candidates.map((sentence) => [sentence.id, new StemBag(index.tokensOf(sentence))]))
  const bagOf = (sentence: Sentence | undefined) => {
    if (!sentence) return undefined
    let bag = bags.get(sentence.id)
    if (!bag) bags.set(sentence.id, (bag = new StemBag(index.tokensOf(sentence))))
    return bag
  }
  const strictDetail = needsDetail(analysis)
  const contentTermCount = terms.filter((term) => term.weight >= 1).length

  const scored: ScoredSentence[] = candidates.map((sentence, order) => {
    const bag = bagOf(sentence)!
    const neighbours = [neighbour(index, sentence, -1), neighbour(index, sentence, 1)].map(bagOf).filter((value) => value !== undefined)
    let own = 0
    let withContext = 0
    let matchedContent = 0
    let requiredMatched = required.size === 0
    for (const term of terms) {
      const weight = term.weight * term.idf
      const match = bag.match(term)
      const contextMatch = Math.max(0, ...neighbours.map((other) => other.match(term))) * NEIGHBOUR_CREDIT
      own += weight * match
      if (term.weight >= 1) matchedContent += Math.max(match, contextMatch)
      withContext += weight * Math.max(match, contextMatch)
      if (match > 0 && required.has(term.stem)) requiredMatched = true
    }
    const tokens = index.tokensOf(sentence)
    const details = detailSpans(analysis, tokens, index.textOf(sentence), sentence.start, head)
    const hasDetail = details.length > 0
    // Weighted coverage, held back when most of the question's content words are missing.
    const matchedShare = contentTermCount === 0 ? 1 : matchedContent / contentTermCount
    const coverage = (withContext / totalWeight) * (requiredMatched ? 1 : 0.3) * (matchedShare < MINIMUM_MATCHED_SHARE ? 0.5 : 1)
    const score = coverage + (hasDetail ? 0.15 : 0) + 0.1 * detailProximity(details, tokens, bag, terms) + 0.02 / (order + 1)
    return { sentence, tokens, coverage, ownCoverage: own / totalWeight, hasDetail, score, order }
  })
  scored.sort((left, right) => right.score - left.score)
  if (process.env.SANAD_DEBUG) {
    console.error(analysis.kind, terms.map((term) => `${term.stem}[${term.variants.map((v) => v.stem + ':' + v.quality).join('/')}] w=${term.weight} idf=${term.idf.toFixed(2)} df=${term.documentFrequency}`).join(' ; '))
    for (const item of scored.slice(0, 4)) console.error(`   cov=${item.coverage.toFixed(2)} own=${item.ownCoverage.toFixed(2)} detail=${item.hasDetail} ${index.textOf(item.sentence).slice(0, 80)}`)
  }

  const qualified = scored.filter((item) => item.coverage >= MINIMUM_COVERAGE && item.ownCoverage > 0 && (!strictDetail || item.hasDetail))
  const best = qualified[0]
  if (!best) {
    const topical = scored.find((item) => item.coverage >= MINIMUM_COVERAGE)
    return {
      answered: false,
      reason: topical && strictDetail ? 'missing-detail' : 'not-in-sources',
      missingDetail: topical && strictDetail ? analysis.kind : null,
      related: scored.slice(0, 3).map((item) => item.sentence),
      coverage: scored[0]?.coverage ?? 0,
    }
  }

  const chosen = analysis.kind === 'list'
    ? qualified.filter((item) => item.coverage >= Math.max(MINIMUM_COVERAGE, best.coverage * 0.75)).slice(0, LIST_ITEMS)
    : [best]
  chosen.sort((left, right) => left.sentence.start - right.sentence.start || left.sentence.docId.localeCompare(right.sentence.docId))
  // A date, number or name is answered by the clause that holds it; other questions by whole sentences,
  // with the next sentence when it only continues this one ("… مع الحكومة البلجيكية. تنص على …").
  const claims = DETAIL_KINDS.has(analysis.kind)
    ? chosen.map((item) => narrowToClause(item, terms, analysis, index))
    : chosen.flatMap((item) => withContinuation(item.sentence, index, chosen.map((other) => other.sentence.id)))
  const shortAnswer = findShortAnswer(analysis, best, claims[chosen.indexOf(best)]!, terms, index)
  return {
    answered: true,
    shortAnswer,
    polarity: analysis.kind === 'yes-no' ? polarityOf(analysis, best) : null,
    claims,
    coverage: best.coverage,
  }
}

// The share of the question's matched terms within four words of the asked-for detail: "مقتل بن لادن في 2 مايو 2011".
function detailProximity(details: readonly { start: number; end: number }[], tokens: readonly Token[], bag: StemBag, terms: readonly WeightedTerm[]): number {
  if (details.length === 0) return 0
  const matched = tokens.filter((token) => terms.some((term) => term.variants.some((variant) => variant.stem === token.stem || variant.stem === token.cliticFreeStem)))
  if (matched.length === 0 || !bag) return 0
  let best = 0
  for (const detail of details) {
    const first = tokens.findIndex((token) => token.start >= detail.start)
    const last = tokens.findLastIndex((token) => token.end <= detail.end)
    const near = matched.filter((token) => {
      const position = tokens.indexOf(token)
      return position >= first - 4 && position <= last + 4
    }).length
    best = Math.max(best, near / matched.length)
  }
  return best
}

function withContinuation(sentence: Sentence, index: SanadIndex, chosenIds: readonly number[]): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [{ docId: sentence.docId, start: sentence.start, end: sentence.end }]
  const next = neighbour(index, sentence, 1)
  if (!next || chosenIds.includes(next.id)) return spans
  const sameParagraph = !index.documents.get(sentence.docId)!.text.slice(sentence.end, next.start).includes('\n')
  const opener = index.tokensOf(next)[0]?.normalized ?? ''
  if (sameParagraph && CONTINUATION_OPENER.test(opener)) spans.push({ docId: next.docId, start: next.start, end: next.end })
  return spans
}

function candidateSentences(retrieved: readonly RetrievedChunk[], index: SanadIndex): Sentence[] {
  const seen = new Set<number>()
  const sentences: Sentence[] = []
  const poisoned = findPoisonedDocuments(index)
  for (const hit of retrieved) {
    if (poisoned.has(hit.chunk.docId)) continue
    for (const id of hit.chunk.sentenceIds) {
      if (seen.has(id)) continue
      seen.add(id)
      sentences.push(index.sentenceAt(id))
    }
  }
  return sentences
}

function neighbour(index: SanadIndex, sentence: Sentence, step: -1 | 1): Sentence | undefined {
  const other = index.corpus.sentences[sentence.id + step]
  return other && other.docId === sentence.docId && other.section === sentence.section ? other : undefined
}

// Date and number questions are only answered by a sentence holding a date or a count; a question
// that asks for a name ("ما اسم …") only by one holding a name.
function needsDetail(analysis: QuestionAnalysis): boolean {
  if (analysis.kind === 'date' || analysis.kind === 'number') return true
  return analysis.kind === 'person' && /(^|\s)(ما )?اسم|name/.test(normalizeArabic(analysis.question))
}

function headTermOf(analysis: QuestionAnalysis, terms: readonly WeightedTerm[]): WeightedTerm | undefined {
  return terms.find((term) => term.stem === analysis.headStem)
}

const TIME_UNITS = new Set(['سنه', 'سنوات', 'سنين', 'عام', 'اعوام', 'شهر', 'اشهر', 'شهور', 'يوم', 'ايام', 'اسبوع', 'اسابيع', 'عقد', 'عقود', 'قرن', 'years', 'year', 'months', 'days'])

function isDuration(tokens: readonly Token[], span: TokenSpan): boolean {
  return span.lastToken > span.firstToken && TIME_UNITS.has(tokens[span.lastToken]!.normalized)
}

// "كم عدد الضحايا" is not answered by "عشرات الخلايا": a counted noun must be the one asked about.
function countsTheHead(tokens: readonly Token[], span: TokenSpan, head: WeightedTerm | undefined): boolean {
  if (!head || span.lastToken === span.firstToken) return true
  const counted = tokens[span.lastToken]!
  return head.variants.some((variant) => variant.stem === counted.stem || variant.stem === counted.cliticFreeStem)
}

function detailSpans(analysis: QuestionAnalysis, tokens: readonly Token[], text: string, offset: number, head?: WeightedTerm): { start: number; end: number }[] {
  switch (analysis.kind) {
    case 'date':
      // "منذ متى" is also answered by a duration: "تعود الى 225 سنة".
      return [...findDateSpans(tokens, text, offset), ...findCountSpans(tokens, text, offset).filter((span) => isDuration(tokens, span))]
    case 'number':
      return findCountSpans(tokens, text, offset).filter((span) => countsTheHead(tokens, span, head))
    case 'person':
      return [...findQuotedSpans(text, offset), ...findNameSpans(tokens, text, offset)]
    case 'place':
      return findQuotedSpans(text, offset)
    case 'reason':
      return findCauseSpans(tokens)
    default:
      return []
  }
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
function narrowToClause(item: ScoredSentence, terms: readonly WeightedTerm[], analysis: QuestionAnalysis, index: SanadIndex): EvidenceSpan {
  const { sentence } = item
  const whole = { docId: sentence.docId, start: sentence.start, end: sentence.end }
  const text = index.textOf(sentence)
  const clauses = splitClauses(item.tokens, text, sentence.start)
  if (clauses.length < 2 || item.tokens.length < 16) return whole

  const weightIn = (tokens: readonly Token[]) => {
    const bag = new StemBag(tokens)
    return terms.reduce((sum, term) => sum + term.weight * term.idf * bag.match(term), 0)
  }
  const target = weightIn(item.tokens) * 0.9
  const details = detailSpans(analysis, item.tokens, text, sentence.start, headTermOf(analysis, terms))
  let best: { first: number; last: number; length: number } | null = null
  for (let first = 0; first < clauses.length; first++) {
    for (let last = first; last < clauses.length; last++) {
      const tokens = clauses.slice(first, last + 1).flatMap((clause) => clause.tokens)
      const start = clauses[first]!.start
      const end = clauses[last]!.end
      if (tokens.length < 5 || weightIn(tokens) < target) continue
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

function findShortAnswer(analysis: QuestionAnalysis, best: ScoredSentence, claim: EvidenceSpan, terms: readonly WeightedTerm[], index: SanadIndex): EvidenceSpan | null {
  const tokens = best.tokens.filter((token) => token.start >= claim.start && token.end <= claim.end)
  const text = index.textOf(best.sentence)
  const spans = detailSpans(analysis, tokens, text, best.sentence.start, headTermOf(analysis, terms))
    .filter((span) => span.start >= claim.start && span.end <= claim.end)
  if (spans.length === 0) return null
  const questionStems = new Set(terms.flatMap((term) => term.variants.map((variant) => variant.stem)))
  const relevance = (span: { start: number; end: number }) => {
    // A count whose noun the question names (كم دولة → "40 دولة") beats any other number.
    const inside = tokens.filter((token) => token.start >= span.start && token.end <= span.end)
    const named = inside.some((token) => questionStems.has(token.stem)) ? 10 : 0
    const matchedPositions = tokens.filter((token) => questionStems.has(token.stem)).map((token) => token.start)
    const distance = Math.min(...matchedPositions.map((position) => Math.abs(position - span.start)), 10_000)
    // Between two dates, the fuller one: "الخميس7 أغسطس 2014" over "أغسطس الماضي".
    const specificity = inside.filter((token) => token.isNumber || ARABIC_MONTHS.has(token.normalized) || ENGLISH_MONTHS.has(token.normalized)).length
    return named + specificity * 0.5 - distance / 10_000
  }
  const chosen = [...spans].sort((left, right) => relevance(right) - relevance(left))[0]!
  return { docId: best.sentence.docId, start: chosen.start, end: chosen.end }
}

// A yes/no question is answered "no" when the evidence negates what the question asserts.
function polarityOf(analysis: QuestionAnalysis, best: ScoredSentence): 'yes' | 'no' {
  const questionNegated = analysis.question.split(/\s+/).some((word) => NEGATIONS.has(word.replace(/[؟?]/g, '')))
  const evidenceNegated = best.tokens.some((token) => NEGATIONS.has(token.normalized))
  return questionNegated === evidenceNegated ? 'yes' : 'no'
}

export type { TokenSpan }
