import type { Sentence } from '../chunk/corpus.js'
import type { SanadIndex } from '../index/sanad-index.js'
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js'
import { tokenize, type Token } from '../text/tokenize.js'
import type { QuestionAnalysis } from './analyze-question.js'
import { findPoisonedDocuments } from './contains-injected-instructions.js'
import { findAnswerTypeSpans, needsDetail } from './find-answer-type-spans.js'
import type { StemBag, WeightedTerm } from './match-terms.js'
import { headingBagOf, sentenceFactsOf } from './sentence-facts.js'

/** Bumped whenever a feature's meaning changes, so an older model file is refused. */
export const FEATURE_VERSION = 13

/** The features of a candidate sentence, in the order the ranker's weights follow. */
export const SENTENCE_FEATURES = [
  'ownCoverage',
  'contextCoverage',
  'matchedShare',
  'ownMatchedShare',
  'hasAnswerType',
  'answerTypeMissing',
  'answerTypeProximity',
  'headMatched',
  'requiredMatched',
  'chunkReciprocalRank',
  'denseScore',
  'lexicalShare',
  'termDensity',
  'novelty',
  'logLength',
  'keyTermMissing',
  'contextKeyMissing',
  'elsewhereMissing',
  'isFirstSentence',
  'bigramShare',
  'typedElsewhereMissing',
] as const

/** Which way each sentence feature may push the ranker: +1 evidence for, −1 against, 0 either way. */
export const SENTENCE_FEATURE_SIGNS: readonly number[] = [1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 0, 0, -1, -1, -1, 0, 1, -1]

/** The features of a question's best candidate, in the order the decider's weights follow. */
export const DECISION_FEATURES = [
  'bestProbability',
  'ownCoverage',
  'contextCoverage',
  'matchedShare',
  'keyTermMissing',
  'contextKeyMissing',
  'absentShare',
  'headInCandidates',
  'typedQuestion',
  'answerTypeProximity',
  'elsewhereMissing',
] as const

const HEAD_MATCHED = SENTENCE_FEATURES.indexOf('headMatched')
/** Which way each decision feature may push the decider: +1 toward answering, −1 toward refusing, 0 either way. */
export const DECISION_FEATURE_SIGNS: readonly number[] = [1, 1, 1, 1, -1, -1, -1, 1, 0, 1, -1]

// A content word of the question, or one a follow-up carries over from the earlier question (weighed
// a little less); frame words ("اسم", "عدد") weigh a quarter and are not content.
const isContentTerm = (term: WeightedTerm) => term.weight >= 0.5

// A neighbouring sentence's words count for half: context supports an answer, it rarely is one.
const NEIGHBOUR_CREDIT = 0.5

/** A sentence that may answer the question, with what retrieval and matching said about it. */
export interface Candidate {
  sentence: Sentence
  tokens: Token[]
  /** Where the best chunk holding it ranked (0 = first). */
  chunkRank: number
  features: number[]
  /** Offsets of the asked-for type found in it (dates for متى, counts for كم …). */
  answerTypeSpans: { start: number; end: number }[]
  coverage: number
  ownCoverage: number
  /** The ranker's probability that it holds the answer; 0 until ranked. */
  probability: number
  /** Whether it (with its neighbours) holds every stem the question pins its subject with. */
  meetsConstraints: boolean
  /** Whether it (with its context) holds the question's rarest word that the retrieved text holds anywhere: its key entity. */
  holdsKeyTerm: boolean
}

/** The candidate sentences of the retrieved chunks (poisoned documents left out), each with its features. */
export function gatherCandidates(analysis: QuestionAnalysis, terms: readonly WeightedTerm[], retrieved: readonly RetrievedChunk[], index: SanadIndex): Candidate[] {
  const poisoned = findPoisonedDocuments(index)
  const seen = new Set<number>()
  let maxLexical = 0
  for (const hit of retrieved) maxLexical = Math.max(maxLexical, hit.lexical ?? 0)
  const termCount = terms.length
  const isContent = terms.map(isContentTerm)
  const content = terms.filter(isContentTerm)
  let totalWeight = 0
  for (const term of terms) totalWeight += term.weight * term.idf
  totalWeight ||= 1
  const maxIdf = Math.max(0, ...content.map((term) => term.idf)) || 1
  const head = terms.find((term) => term.stem === analysis.headStem)
  const required = new Set(analysis.requiredStems)
  const constraints = analysis.constraintStems.map((stem) => terms.find((term) => term.stem === stem) ?? { stem, normalized: stem, weight: 1, variants: [{ stem, quality: 1 }], idf: 1, documentFrequency: 0 })
  const questionBigrams = bigramsOf(analysis.question)
  const bigramCount = countBigrams(questionBigrams)
  const termOf = indexVariants(terms)
  const candidates: Candidate[] = []
  const matchedIn = new Map<number, Set<string>>()
  // The question words the retrieved text holds anywhere, and in each document.
  const seenAnywhere = new Set<string>()
  const seenInDocument = new Map<string, Set<string>>()

  retrieved.forEach((hit, chunkRank) => {
    if (poisoned.has(hit.chunk.docId)) return
    for (const id of hit.chunk.sentenceIds) {
      if (seen.has(id)) continue
      seen.add(id)
      const sentence = index.sentenceAt(id)
      const facts = sentenceFactsOf(index, sentence)
      const { tokens, bag } = facts
      // Its neighbours and its section's heading are its context ("إعلان الحرب ضد داعش" heads the sentences below it).
      const neighbours: StemBag[] = []
      for (const step of [-1, 1] as const) {
        const other = neighbourOf(index, sentence, step)
        if (other) neighbours.push(sentenceFactsOf(index, other).bag)
      }
      if (sentence.section) neighbours.push(headingBagOf(index, sentence.section))
      let ownWeight = 0
      let withContext = 0
      let matchedContent = 0
      let ownMatchedContent = 0
      let missingIdf = 0
      let contextMissingIdf = 0
      let requiredFound = 0
      const matchedStems = new Set<string>()
      for (let position = 0; position < termCount; position++) {
        const term = terms[position]!
        const weight = term.weight * term.idf
        const match = bag.match(term)
        let neighbourMatch = 0
        for (const other of neighbours) neighbourMatch = Math.max(neighbourMatch, other.match(term))
        const contextMatch = neighbourMatch * NEIGHBOUR_CREDIT
        ownWeight += weight * match
        withContext += weight * Math.max(match, contextMatch)
        if (isContent[position]) {
          matchedContent += Math.max(match, contextMatch)
          ownMatchedContent += match
          if (match === 0) missingIdf = Math.max(missingIdf, term.idf)
          if (match === 0 && contextMatch === 0) contextMissingIdf = Math.max(contextMissingIdf, term.idf)
          if (match > 0 || neighbourMatch > 0) matchedStems.add(term.stem)
        }
        if (match > 0 && required.has(term.stem)) requiredFound++
      }
      matchedIn.set(sentence.id, matchedStems)
      let inDocument = seenInDocument.get(sentence.docId)
      if (!inDocument) seenInDocument.set(sentence.docId, (inDocument = new Set()))
      for (const stem of matchedStems) {
        seenAnywhere.add(stem)
        inDocument.add(stem)
      }
      const meetsConstraints = constraints.every((term) => bag.match(term) > 0 || neighbours.some((other) => other.match(term) > 0))
      const answerTypeSpans = findAnswerTypeSpans(analysis, facts, head)
      // The question's words in the sentence (positions among all tokens), its new words, and its
      // content words in the question's spelling, for word pairs.
      const matchedPositions: number[] = []
      const canonical: string[] = []
      let novelTokens = 0
      for (let position = 0; position < tokens.length; position++) {
        const token = tokens[position]!
        if (token.isStopword) continue
        const termIndex = termOf(token)
        if (termIndex === undefined) {
          novelTokens++
          canonical.push(token.stem)
        } else {
          matchedPositions.push(position)
          canonical.push(terms[termIndex]!.stem)
        }
      }
      const contentTokens = facts.contentTokens
      const window = matchedPositions.length > 0 ? matchedPositions.at(-1)! - matchedPositions[0]! + 1 : 0
      const headMatched = head ? (bag.match(head) > 0 ? 1 : 0) : 0.5
      const hasAnswerType = answerTypeSpans.length > 0 ? 1 : 0
      const coverage = withContext / totalWeight
      const features = [
        ownWeight / totalWeight,
        coverage,
        content.length === 0 ? 1 : matchedContent / content.length,
        content.length === 0 ? 1 : ownMatchedContent / content.length,
        hasAnswerType,
        needsDetail(analysis) && !hasAnswerType ? 1 : 0,
        measureProximity(answerTypeSpans, tokens, matchedPositions),
        headMatched,
        // Every word of a follow-up's new subject ("البنك المركزي الأوروبي"), not just one of them.
        requiredFound >= required.size ? 1 : 0,
        1 / (1 + chunkRank),
        hit.dense ?? 0,
        maxLexical > 0 ? (hit.lexical ?? 0) / maxLexical : 0,
        window > 0 ? matchedPositions.length / window : 0,
        contentTokens > 0 ? novelTokens / contentTokens : 0,
        Math.log(1 + tokens.length),
        content.length === 0 ? 0 : missingIdf / maxIdf,
        content.length === 0 ? 0 : contextMissingIdf / maxIdf,
        0,
        isFirstOfDocument(index, sentence) ? 1 : 0,
        shareOfBigrams(questionBigrams, bigramCount, canonical),
        0,
      ]
      candidates.push({ sentence, tokens: tokens as Token[], chunkRank, features, answerTypeSpans, coverage, ownCoverage: ownWeight / totalWeight, probability: 0, meetsConstraints, holdsKeyTerm: true })
    }
  })
  // A question word the retrieved text holds elsewhere (seenAnywhere) but this sentence and its neighbours
  // lack: the sentence is likely about something else ("مصرف قطر" answered from a sentence on the Saudi bank).
  // The key entity: the rarest question word the retrieved text of the same document holds ("بلجيكا").
  // Not the head: in "ما دور المغرب في التحالف؟" دور is what is asked about, المغرب and التحالف are who.
  const entities = content.filter((term) => term.stem !== analysis.headStem)
  const keyTermIn = new Map([...seenInDocument].map(([docId, seen]) => [docId, entities.filter((term) => seen.has(term.stem)).sort((left, right) => right.idf - left.idf || left.stem.localeCompare(right.stem))[0]]))
  const elsewhere = SENTENCE_FEATURES.indexOf('elsewhereMissing')
  const typedElsewhere = SENTENCE_FEATURES.indexOf('typedElsewhereMissing')
  const typed = ['date', 'number', 'person', 'place'].includes(analysis.kind)
  for (const candidate of candidates) {
    const here = matchedIn.get(candidate.sentence.id)!
    const keyTerm = keyTermIn.get(candidate.sentence.docId)
    candidate.holdsKeyTerm = keyTerm === undefined || here.has(keyTerm.stem)
    let missingIdf = 0
    for (const term of content) if (seenAnywhere.has(term.stem) && !here.has(term.stem)) missingIdf = Math.max(missingIdf, term.idf)
    candidate.features[elsewhere] = missingIdf / maxIdf
    // A date or a number about another subject is the typical wrong short answer ("متى وقع المغرب مع بلجيكا؟" → the US date).
    candidate.features[typedElsewhere] = typed ? candidate.features[elsewhere]! : 0
  }
  return candidates
}

/** The decider's features: how sure the ranker is of the best candidate, and what the question lacks there. */
export function computeDecisionFeatures(ranked: readonly Candidate[], analysis: QuestionAnalysis, terms: readonly WeightedTerm[]): number[] {
  const [best] = ranked
  const feature = (name: (typeof SENTENCE_FEATURES)[number]) => best?.features[SENTENCE_FEATURES.indexOf(name)] ?? 0
  const head = terms.find((term) => term.stem === analysis.headStem)
  const content = terms.filter(isContentTerm)
  return [
    best?.probability ?? 0,
    feature('ownCoverage'),
    feature('contextCoverage'),
    feature('matchedShare'),
    best ? feature('keyTermMissing') : 1,
    best ? feature('contextKeyMissing') : 1,
    content.length === 0 ? 0 : content.filter((term) => term.documentFrequency === 0).length / content.length,
    // What is asked about, in the documents asked of (not merely somewhere in the collection).
    head ? (ranked.some((item) => item.features[HEAD_MATCHED]! > 0) ? 1 : 0) : 0.5,
    ['date', 'number', 'person', 'place'].includes(analysis.kind) ? 1 : 0,
    feature('answerTypeProximity'),
    feature('elsewhereMissing'),
  ]
}

// Pairs of consecutive content words of the question ("مؤتمر جدة", "تمويل الإرهاب"), as stems: each
// first word with the words that follow it.
function bigramsOf(question: string): Map<string, Set<string>> {
  const stems = tokenize(question).filter((token) => !token.isStopword).map((token) => token.stem)
  const bigrams = new Map<string, Set<string>>()
  for (let position = 1; position < stems.length; position++) {
    const following = bigrams.get(stems[position - 1]!)
    if (following) following.add(stems[position]!)
    else bigrams.set(stems[position - 1]!, new Set([stems[position]!]))
  }
  return bigrams
}

function countBigrams(bigrams: ReadonlyMap<string, ReadonlySet<string>>): number {
  let count = 0
  for (const following of bigrams.values()) count += following.size
  return count
}

// The share of the question's word pairs that a sentence has side by side (stopwords skipped, words in
// the question's spelling): phrase evidence.
function shareOfBigrams(bigrams: ReadonlyMap<string, ReadonlySet<string>>, bigramCount: number, content: readonly string[]): number {
  if (bigramCount === 0) return 0
  let found = 0
  for (let position = 1; position < content.length; position++) if (bigrams.get(content[position - 1]!)?.has(content[position]!)) found++
  return Math.min(1, found / bigramCount)
}

/**
 * Finds, for a sentence token, the first question term (in the terms' order) one of whose variants is
 * the token's stem or its stem without clitics; undefined when none is.
 */
function indexVariants(terms: readonly WeightedTerm[]): (token: Token) => number | undefined {
  const firstTerm = new Map<string, number>()
  terms.forEach((term, position) => {
    for (const variant of term.variants) if (!firstTerm.has(variant.stem)) firstTerm.set(variant.stem, position)
  })
  return (token) => {
    const byStem = firstTerm.get(token.stem)
    const byBare = token.cliticFreeStem ? firstTerm.get(token.cliticFreeStem) : undefined
    if (byStem === undefined) return byBare
    return byBare === undefined ? byStem : Math.min(byStem, byBare)
  }
}

// The share of the question's matched words within four words of the asked-for detail: "مقتل بن لادن في 2 مايو 2011".
function measureProximity(spans: readonly { start: number; end: number }[], tokens: readonly Token[], matchedPositions: readonly number[]): number {
  if (spans.length === 0 || matchedPositions.length === 0) return 0
  let best = 0
  for (const span of spans) {
    const first = tokens.findIndex((token) => token.start >= span.start)
    const last = tokens.findLastIndex((token) => token.end <= span.end)
    const near = matchedPositions.filter((position) => position >= first - 4 && position <= last + 4).length
    best = Math.max(best, near / matchedPositions.length)
  }
  return best
}

/** The sentence before or after in the same document section, if any. */
export function neighbourOf(index: SanadIndex, sentence: Sentence, step: -1 | 1): Sentence | undefined {
  const other = index.corpus.sentences[sentence.id + step]
  return other && other.docId === sentence.docId && other.section === sentence.section ? other : undefined
}

function isFirstOfDocument(index: SanadIndex, sentence: Sentence): boolean {
  const previous = index.corpus.sentences[sentence.id - 1]
  return !previous || previous.docId !== sentence.docId
}
