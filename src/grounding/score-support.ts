import { consonantSkeleton } from '../text/consonant-skeleton.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { DENIAL_SCOPE } from '../text/lexicon/polarity-lexicon.js'
import { segmentSentences, type SentenceSpan } from '../text/segment-sentences.js'
import { stemWord } from '../text/stem-word.js'
import { measureBigramSimilarity, spellInArabic } from '../translate/transliterate-name.js'
import { analyzePassage, isTitle, type AnalyzedText, type AnalyzedWord, type EntityMention } from './analyze-text.js'
import { approximateRoot } from './approximate-root.js'
import { measureWordSimilarity, type WordForms } from './measure-word-similarity.js'
import { areRivalKinds } from './name-gazetteer.js'
import { describeForLexicon, endsNegation, findOppositeKeys, findSynonymKeys, measureNegationScope } from './polarity-words.js'
import type { SupportIssue } from './support-issue.js'

/** A span of a source document offered as evidence for a claim. */
export interface SupportPassage {
  docId: string
  start: number
  end: number
  text: string
}

/** How well passages support a claim: a score in [0,1], the passages that contribute, and why not more. */
export interface SupportResult {
  score: number
  /** True exactly when `score >= SUPPORT_THRESHOLD`. */
  supported: boolean
  supportedBy: SupportPassage[]
  /** What keeps the claim from full support, as typed data (`{ kind: 'number-mismatch', claim: '2012', evidence: '2011' }`). */
  issues: SupportIssue[]
  /** The sentences of the passages the claim was aligned with: the evidence it actually rests on. */
  evidence?: string[]
}

/** Optional knowledge the scorer can use; without it, it stays purely lexical. */
export interface ScoreSupportOptions {
  /**
   * Arabic renderings of an English word (a bilingual dictionary), so English claims over Arabic
   * passages are checked word by word; with it, a word it cannot translate counts as unmatched.
   */
  translateWord?: (word: string) => readonly string[]
}

/** The score from which a claim counts as supported. */
export const SUPPORT_THRESHOLD = 0.5

// Caps applied when an exact check fails: any of them makes the claim unsupported.
const CAP_MISMATCH = 0.2
const CAP_MISSING_NAME = 0.25
// Below this similarity a word is not matched at all.
const MATCH_FLOOR = 0.6
// Numbers, dates and names weigh more than a content word of average length.
const ANCHOR_WEIGHT = 1.5
// How far a negation may stand from a matched word to pair with the claim's, and how close
// participants sit to their predicate.
const NEAR_MATCH = 3
const ROLE_WINDOW = 4
const NAME_SIMILARITY = 0.75

interface PooledWord {
  passage: number
  word: AnalyzedWord
}

interface UnitMatch {
  similarity: number
  /** Every passage word the unit matched at its best similarity. */
  at: PooledWord[]
}

interface Unit {
  kind: 'word' | 'number' | 'date' | 'entity' | 'name'
  label: string
  weight: number
  /** False for an unverifiable word: an English word checked against Arabic text with no dictionary. */
  counted: boolean
  /** False when a missing match only lowers coverage (an unconfirmed nationality adjective, say). */
  required: boolean
  match: UnitMatch
  /** Claim word indices the unit covers (its first occurrence). */
  first: number
  last: number
  /** Every claim word index where the unit's word occurs (a word repeated in the claim is one unit), once it occurs twice. */
  positions: number[] | undefined
  /** The gazetteer mention a unit of kind 'entity' stands for. */
  entity: EntityMention | undefined
}

/** A unit, its fields always in one order (one object shape keeps the scorer's property reads fast). */
function makeUnit(
  kind: Unit['kind'],
  label: string,
  weight: number,
  counted: boolean,
  required: boolean,
  match: UnitMatch,
  first: number,
  last: number,
  entity?: EntityMention,
): Unit {
  return { kind, label, weight, counted, required, match, first, last, positions: undefined, entity }
}

const NO_MATCH: UnitMatch = { similarity: 0, at: [] }

/**
 * Scores how well `passages`, taken together, support `claim`: weighted coverage of the claim's
 * content words (normalized, Light10-stemmed, tolerant of spelling variants), with exact checks
 * that override coverage: every number, date and name of the claim must appear in the passages,
 * and the claim must not negate or invert what they say.
 *
 * An English claim over Arabic passages can only be checked through numbers, dates and names unless
 * `options.translateWord` is given; its score then stays below 0.5 unless at least two of them match.
 */
export function scoreSupport(claim: string, passages: readonly SupportPassage[], options: ScoreSupportOptions = {}): SupportResult {
  // Claims recur too: an extractive answer quotes the sentences it cites, and the same sentence answers many questions.
  const claimText = analyzePassage(claim)
  const passageTexts = passages.map((passage) => analyzePassage(passage.text))
  const pool = poolOf(passageTexts)
  const units = collectUnits(claimText, passageTexts, pool, options)
  const counted = units.filter((unit) => unit.counted)
  if (counted.length === 0) return { score: 0, supported: false, supportedBy: [], issues: [{ kind: 'no-content' }] }

  const issues: SupportIssue[] = []
  const totalWeight = counted.reduce((sum, unit) => sum + unit.weight, 0)
  let score = counted.reduce((sum, unit) => sum + unit.weight * unit.match.similarity, 0) / totalWeight
  const crossLanguage = units.some((unit) => !unit.counted)
  if (crossLanguage) {
    // Only anchors could be checked: trust grows with how many there are, never beyond 0.75.
    issues.push({ kind: 'cross-language', anchors: counted.length })
    score *= Math.min(0.75, 0.3 + 0.15 * counted.length)
  }
  const cap = (limit: number, issue: SupportIssue) => {
    score = Math.min(score, limit)
    issues.push(issue)
  }
  const alignment = alignWithSentences(units, passageTexts)
  for (const unit of units) {
    if (unit.match.similarity > 0) continue
    if (unit.kind === 'entity' || unit.kind === 'name') {
      const conflict = findEntityConflict(unit, claimText, units, passageTexts, alignment)
      if (conflict) cap(CAP_MISMATCH, conflict)
      else if (unit.required) cap(CAP_MISSING_NAME, { kind: 'missing-name', claim: unit.label })
      continue
    }
    // A word that could be a name (no article, no attached pronoun) right where the passages name a
    // person: another person (وقال سامي العلي against وقال باول).
    if (unit.kind === 'word' && unit.counted && looksLikeName(claimText.words[unit.first]!)) {
      const conflict = findEntityConflict(makeUnit('name', unit.label, unit.weight, unit.counted, unit.required, unit.match, unit.first, unit.last, unit.entity), claimText, units, passageTexts, alignment, { steps: 1, window: 1 })
      if (conflict) cap(CAP_MISMATCH, conflict)
    }
    if (!unit.required) continue
    if (unit.kind === 'number') cap(CAP_MISMATCH, { kind: 'number-mismatch', claim: unit.label, evidence: findOtherNumber(unit, claimText, passageTexts, alignment) })
    else if (unit.kind === 'date') cap(CAP_MISMATCH, { kind: 'date-mismatch', claim: unit.label, evidence: findOtherDate(unit, claimText, passageTexts, alignment) })
  }
  const matched = collectMatchedPositions(units, passageTexts.length)
  const negation = findNegationMismatch(claimText, units, passageTexts, matched)
  if (negation) cap(CAP_MISMATCH, negation)
  const opposite = findOpposite(claimText, units, passageTexts, matched, options)
  if (opposite) cap(CAP_MISMATCH, { kind: 'event-contradiction', ...opposite })
  // Word order says who did what only within one language.
  const sameScript = passageTexts.every((text) => text.script === claimText.script)
  const swapped = sameScript ? findRoleSwap(units, claimText, passageTexts) : null
  if (swapped) cap(CAP_MISMATCH, { kind: 'role-swap', ...swapped })
  if (score < SUPPORT_THRESHOLD && issues.length === (crossLanguage ? 1 : 0)) {
    const missing = counted.filter((unit) => unit.match.similarity < MATCH_FLOOR).map((unit) => unit.label)
    issues.push({ kind: 'low-coverage', coverage: Math.round(score * 1000) / 1000, missing })
  }

  const rounded = Math.round(score * 1000) / 1000
  return {
    score: rounded,
    supported: rounded >= SUPPORT_THRESHOLD,
    supportedBy: passages.filter((_, index) => alignment.passages.has(index)),
    issues,
    evidence: alignment.sentences,
  }
}

/** The sentences a claim was aligned with: their passages, and whether a passage word lies in one of them. */
interface Alignment {
  passages: Set<number>
  contains: (passage: number, wordIndex: number) => boolean
  /** The text of the aligned sentences, in passage order. */
  sentences: string[]
}

// How far from the passage match of the claim word beside an entity another name may stand to take its place.
const ENTITY_SLOT_WINDOW = 3

/**
 * Another name standing where the claim's missing entity or person name stands: an entity mention
 * or a person's name of the passages, inside the aligned sentences, that the claim does not make,
 * within a few words after the passage match of the claim's word just before it (الحكومة الفرنسية
 * against الحكومة البلجيكية) or before the match of its word just after. A missing country or
 * organisation noun also conflicts with one of its class anywhere in the aligned sentences.
 */
function findEntityConflict(
  unit: Unit,
  claim: AnalyzedText,
  units: readonly Unit[],
  passages: readonly AnalyzedText[],
  alignment: Alignment,
  reach: { steps: number; window: number } = { steps: 2, window: ENTITY_SLOT_WINDOW },
): SupportIssue | null {
  const claimIds = new Set(claim.entities.flatMap((mention) => [mention.id, ...mention.sameAs]))
  const matchedByClaim = collectMatchedPositions(units, passages.length)
  const isPerson = unit.kind === 'name'
  const script = claim.words[unit.first]!.script
  // The passage word that stands for an unclaimed entity or an unmatched name at a position, if any.
  const competitorAt = (passage: number, index: number): { text: string; kind: EntityMention['kind'] | 'person' } | null => {
    if (!alignment.contains(passage, index) || matchedByClaim[passage]!.has(index)) return null
    const text = passages[passage]!
    const mention = text.entities.find((candidate) => candidate.first <= index && index <= candidate.last && !claimIds.has(candidate.id))
    if (mention && !isPerson) return { text: text.words.slice(mention.first, mention.last + 1).map((word) => word.text).join(' '), kind: mention.kind }
    const name = text.names.find((candidate) => candidate.index === index && candidate.strong)
    if (name && isPerson && text.words[index]!.script === script) {
      const run = text.names.filter((candidate) => Math.abs(candidate.index - index) <= 1).map((candidate) => text.words[candidate.index]!.text)
      return { text: run.join(' '), kind: 'person' }
    }
    return null
  }
  for (const { passage, index } of findSlots(unit, units, claim, reach)) {
    const competitor = competitorAt(passage, index)
    if (competitor) return { kind: 'entity-conflict', entity: toEntityKind(competitor.kind), claim: unit.label, evidence: competitor.text }
  }
  if (!unit.entity || unit.entity.isAdjective) return null
  const kind = unit.entity.kind
  for (const [passage, text] of passages.entries()) {
    const rival = text.entities.find((mention) => !claimIds.has(mention.id) && alignment.contains(passage, mention.first) && areRivalKinds(mention.kind, kind))
    if (rival) return { kind: 'entity-conflict', entity: toEntityKind(rival.kind), claim: unit.label, evidence: text.words.slice(rival.first, rival.last + 1).map((word) => word.text).join(' ') }
  }
  return null
}

/** Whether a unit names a participant rather than an event: a name, a place, a person's title, or a word the passages use as a name. */
function isParticipant(unit: Unit, claim: AnalyzedText, passages: readonly AnalyzedText[]): boolean {
  if (unit.kind === 'name' || unit.kind === 'entity') return true
  if (unit.kind === 'word' && isTitle(claim.words[unit.first]!.normalized)) return true
  return unit.match.at.some(({ passage, word }) => namedPositionsOf(passages[passage]!).has(word.index))
}

const namedPositions = new WeakMap<AnalyzedText, Set<number>>()

// Where a text names a person (strongly), kept per analyzed text.
function namedPositionsOf(text: AnalyzedText): Set<number> {
  let positions = namedPositions.get(text)
  if (!positions) {
    positions = new Set(text.names.filter((name) => name.strong).map((name) => name.index))
    namedPositions.set(text, positions)
  }
  return positions
}

/** A word that could be a person's name: Arabic, without the article and without an attached pronoun. */
function looksLikeName(word: AnalyzedWord): boolean {
  if (word.script !== 'arabic' || /^[وفبلك]?ال/.test(word.normalized) || word.normalized.length < 3) return false
  return !/(?:ه|ها|هم|هما|هن)$/.test(word.text.replace(/[\u064B-\u065F\u0670\u0640]/g, ''))
}

function toEntityKind(kind: EntityMention['kind'] | 'person'): 'place' | 'organisation' | 'person' {
  return kind === 'person' || kind === 'organisation' ? kind : 'place'
}

/** A number of the aligned sentences that the claim does not state, a year for a year: what the claim's number replaced. */
function findOtherNumber(unit: Unit, claim: AnalyzedText, passages: readonly AnalyzedText[], alignment: Alignment): string | null {
  const claimValues = new Set(claim.quantities.map((quantity) => quantity.value))
  const isYear = (value: number) => value >= 1500 && value <= 2100 && Number.isInteger(value)
  const wantYear = isYear(Number(unit.label))
  for (const [passage, text] of passages.entries()) {
    const other = text.quantities.find(
      (quantity) => alignment.contains(passage, quantity.index) && !claimValues.has(quantity.value) && isYear(quantity.value) === wantYear,
    )
    if (other) return text.words[other.index]!.text
  }
  return null
}

/** A month (for a month) or weekday (for a weekday) of the aligned sentences that the claim does not name. */
function findOtherDate(unit: Unit, claim: AnalyzedText, passages: readonly AnalyzedText[], alignment: Alignment): string | null {
  const claimIds = new Set(claim.calendar.map((date) => date.id))
  const family = claim.calendar.find((date) => date.first === unit.first)?.id.split(':')[0]
  for (const [passage, text] of passages.entries()) {
    const other = text.calendar.find((date) => alignment.contains(passage, date.first) && !claimIds.has(date.id) && date.id.startsWith(`${family}:`))
    if (other) return text.words.slice(other.first, other.last + 1).map((word) => word.text).join(' ')
  }
  return null
}

/**
 * Aligns the claim with the fewest sentences of the passages that hold its matched units (greedy
 * weighted set cover), then keeps only the matches inside them, so a negation or a name elsewhere
 * in a long passage does not count. Returns the passages of those sentences.
 */
// Passages are analyzed once and kept (analyzePassage): so are their sentences.
const sentencesOfPassage = new WeakMap<AnalyzedText, { spans: SentenceSpan[]; sentenceOf: number[] }>()

function locateSentences(text: AnalyzedText): { spans: SentenceSpan[]; sentenceOf: number[] } {
  let located = sentencesOfPassage.get(text)
  if (!located) {
    const spans = segmentSentences(text.text)
    located = { spans, sentenceOf: text.words.map((word) => spans.findIndex((span) => word.start >= span.start && word.start < span.end)) }
    sentencesOfPassage.set(text, located)
  }
  return located
}

function alignWithSentences(units: readonly Unit[], passages: readonly AnalyzedText[]): Alignment {
  const located = passages.map(locateSentences)
  // A site is a sentence of a passage, as one number; ties between equally weighted sites go to the
  // first in the order of their "passage:sentence" names.
  // (A word outside every sentence span has sentence −1, hence the + 1.)
  const siteAt = (passage: number, wordIndex: number) => passage * SITES_PER_PASSAGE + located[passage]!.sentenceOf[wordIndex]! + 1
  const siteOf = (entry: PooledWord) => siteAt(entry.passage, entry.word.index)
  const nameOf = (site: number) => `${Math.floor(site / SITES_PER_PASSAGE)}:${(site % SITES_PER_PASSAGE) - 1}`
  const matched = units.filter((unit) => unit.match.similarity >= MATCH_FLOOR)
  let remaining = matched.map((unit) => ({ weight: unit.weight * unit.match.similarity, sites: new Set(unit.match.at.map(siteOf)) }))
  const chosen = new Set<number>()
  while (remaining.length > 0) {
    const weights = new Map<number, number>()
    for (const { weight, sites } of remaining) for (const site of sites) weights.set(site, (weights.get(site) ?? 0) + weight)
    let best: number | undefined
    let bestWeight = 0
    for (const [site, weight] of weights) {
      if (best === undefined || weight > bestWeight || (weight === bestWeight && nameOf(site).localeCompare(nameOf(best)) < 0)) {
        best = site
        bestWeight = weight
      }
    }
    if (best === undefined) break
    chosen.add(best)
    remaining = remaining.filter(({ sites }) => !sites.has(best))
  }
  for (const unit of matched) {
    const inside = unit.match.at.filter((entry) => chosen.has(siteOf(entry)))
    if (inside.length > 0) unit.match.at = inside
  }
  const sites = [...chosen].sort((first, second) => first - second)
  return {
    passages: new Set(sites.map((site) => Math.floor(site / SITES_PER_PASSAGE))),
    contains: (passage, wordIndex) => chosen.has(siteAt(passage, wordIndex)),
    sentences: sites.flatMap((site) => {
      const passage = Math.floor(site / SITES_PER_PASSAGE)
      const span = located[passage]!.spans[(site % SITES_PER_PASSAGE) - 1]
      return span ? [passages[passage]!.text.slice(span.start, span.end)] : []
    }),
  }
}

// Sites are numbered passage × this + sentence: more sentences than any passage has.
const SITES_PER_PASSAGE = 1 << 20

function collectUnits(claim: AnalyzedText, passages: readonly AnalyzedText[], pool: readonly PooledWord[], options: ScoreSupportOptions): Unit[] {
  const units: Unit[] = []
  const byKey = new Map<string, Unit>()
  // A word the claim repeats is one unit, matched once, that remembers every place it takes.
  const add = (key: string, first: number, make: () => Unit) => {
    const existing = byKey.get(key)
    if (existing) {
      ;(existing.positions ??= [existing.first]).push(first)
      return
    }
    const unit = make()
    byKey.set(key, unit)
    units.push(unit)
  }
  const poolHasLatin = hasLatin(pool)

  // A capitalised English word the dictionary knows (the Moon, the Prize) is a word, not a name.
  const isKnownWord = (word: AnalyzedWord) => word.script === 'latin' && !poolHasLatin && (options.translateWord?.(word.normalized).length ?? 0) > 0
  const nameIndices = new Set(claim.names.map((name) => name.index))
  for (const word of claim.words) {
    if (word.isStopword || word.script === 'digit' || (claim.anchored.has(word.index) && !(nameIndices.has(word.index) && isKnownWord(word)))) continue
    if (claim.negators.includes(word.index)) continue
    if (word.stem.length < (word.script === 'latin' ? 3 : 2)) continue
    add(`word:${word.stem}`, word.index, () => {
      const weight = Math.min(1.6, Math.max(0.8, 0.6 + 0.2 * word.skeleton.length))
      if (word.script === 'latin' && !poolHasLatin) {
        return makeUnit('word', word.text, weight, options.translateWord !== undefined, false, matchTranslations(options.translateWord?.(word.normalized) ?? [], pool), word.index, word.index)
      }
      return makeUnit('word', word.text, weight, true, false, matchWord(word, pool), word.index, word.index)
    })
  }
  for (const name of claim.names) {
    const word = claim.words[name.index]!
    const acrossScripts = word.script === 'latin' && !poolHasLatin
    if (isKnownWord(word)) continue
    // Spelling a name across scripts often fails (Triet: ترييه): then it only lowers coverage.
    add(`name:${word.stem}`, word.index, () => makeUnit('name', word.text, name.strong ? ANCHOR_WEIGHT : 1, true, name.strong && !acrossScripts, matchName(word, pool), word.index, word.index))
  }
  for (const quantity of claim.quantities) {
    add(`number:${quantity.value}`, quantity.index, () => {
      const at = collectInPassages(passages, (text) => text.quantities.filter((candidate) => candidate.value === quantity.value).map((candidate) => candidate.index))
      return anchorUnit('number', String(quantity.value), at, quantity.index, quantity.index)
    })
  }
  for (const date of claim.calendar) {
    add(`date:${date.id}`, date.first, () => {
      const at = collectInPassages(passages, (text) => text.calendar.filter((candidate) => candidate.id === date.id).map((candidate) => candidate.first))
      return anchorUnit('date', claim.words[date.first]!.text, at, date.first, date.last)
    })
  }
  for (const entity of claim.entities) add(`entity:${entity.id}`, entity.first, () => matchEntity(entity, claim, passages))
  return units
}

function anchorUnit(kind: Unit['kind'], label: string, at: PooledWord[], first: number, last: number): Unit {
  return makeUnit(kind, label, ANCHOR_WEIGHT, true, true, { similarity: at.length > 0 ? 1 : 0, at }, first, last)
}

function collectInPassages(passages: readonly AnalyzedText[], find: (text: AnalyzedText) => number[]): PooledWord[] {
  return passages.flatMap((text, passage) => find(text).map((index) => ({ passage, word: text.words[index]! })))
}

/**
 * A gazetteer name of the claim must be in the passages. A capital may stand for its country and
 * back (الرباط for المغرب), unless the claim names both or the passages name another city. A
 * nationality adjective that the passages do not contradict only lowers coverage, since a claim
 * may describe (الرئيس الأميركي) what the passage names.
 */
function matchEntity(entity: EntityMention, claim: AnalyzedText, passages: readonly AnalyzedText[]): Unit {
  const label = claim.words.slice(entity.first, entity.last + 1).map((word) => word.text).join(' ')
  const unit = (match: UnitMatch, weight = ANCHOR_WEIGHT, required = true) => makeUnit('entity', label, weight, true, required, match, entity.first, entity.last, entity)
  const direct = collectInPassages(passages, (text) => text.entities.filter((mention) => mention.id === entity.id).map((mention) => mention.first))
  if (direct.length > 0) return unit({ similarity: 1, at: direct })

  // The claim's own places, and what stands for them (روما for الإيطالية), are not "another city".
  const claimIds = new Set(claim.entities.flatMap((mention) => [mention.id, ...mention.sameAs]))
  const standIns = collectInPassages(passages, (text) =>
    text.entities.filter((mention) => entity.sameAs.includes(mention.id)).map((mention) => mention.first),
  )
  const otherCity = passages.some((text) =>
    text.entities.some((mention) => (mention.kind === 'city' || mention.kind === 'capital') && !claimIds.has(mention.id) && !entity.sameAs.includes(mention.id)),
  )
  const namesBoth = entity.sameAs.some((id) => claim.entities.some((mention) => mention.id === id))
  if (standIns.length > 0 && !otherCity && !namesBoth) return unit({ similarity: 0.9, at: standIns })

  // A nationality adjective the passages do not give may describe what they name (الرئيس الأميركي for
  // أوباما): it only lowers coverage, unless another name stands in its place (see findEntityConflict).
  if (entity.isAdjective) return unit(NO_MATCH, 1, false)
  return unit(NO_MATCH)
}

// A near-synonym from the polarity lexicon (حضر for المشاركة) matches, though less than the same word.
const SYNONYM_SIMILARITY = 0.8

// The passages' words as one pool. Most claims cite one passage, which recurs (analyzePassage keeps
// it): its pool, and with it the pool's index of exact forms, is made once.
const poolOfPassage = new WeakMap<AnalyzedText, readonly PooledWord[]>()

const latinPools = new WeakMap<readonly PooledWord[], boolean>()

// Whether a pool has a word in Latin script (kept per pool, which recurs with its passage).
function hasLatin(pool: readonly PooledWord[]): boolean {
  let latin = latinPools.get(pool)
  if (latin === undefined) latinPools.set(pool, (latin = pool.some(({ word }) => word.script === 'latin')))
  return latin
}

function poolOf(passages: readonly AnalyzedText[]): readonly PooledWord[] {
  const build = () => passages.flatMap((analyzed, passage) => analyzed.words.map((word): PooledWord => ({ passage, word })))
  if (passages.length !== 1) return build()
  let pool = poolOfPassage.get(passages[0]!)
  if (!pool) poolOfPassage.set(passages[0]!, (pool = build()))
  return pool
}

// The pool's words by their exact forms (stem, normalized, and both without a proclitic), for the
// common case of a claim word the passages use as is: found without comparing it to every word.
interface ExactForms {
  stem: Map<string, PooledWord[]>
  normalized: Map<string, PooledWord[]>
  bareStem: Map<string, PooledWord[]>
  bareNormalized: Map<string, PooledWord[]>
}

const exactFormsOf = new WeakMap<readonly PooledWord[], ExactForms>()

function indexExactForms(pool: readonly PooledWord[]): ExactForms {
  let index = exactFormsOf.get(pool)
  if (!index) {
    index = { stem: new Map(), normalized: new Map(), bareStem: new Map(), bareNormalized: new Map() }
    const add = (map: Map<string, PooledWord[]>, key: string, entry: PooledWord) => {
      const entries = map.get(key)
      if (entries) entries.push(entry)
      else map.set(key, [entry])
    }
    for (const entry of pool) {
      add(index.stem, entry.word.stem, entry)
      add(index.normalized, entry.word.normalized, entry)
      if (entry.word.bare) {
        add(index.bareStem, entry.word.bare.stem, entry)
        add(index.bareNormalized, entry.word.bare.normalized, entry)
      }
    }
    exactFormsOf.set(pool, index)
  }
  return index
}

function matchWord(word: WordForms & { script?: AnalyzedWord['script']; lexiconKeys?: readonly string[] }, pool: readonly PooledWord[]): UnitMatch {
  // measureWordSimilarity is 1 exactly when a stem or normalized form is shared, directly or without a proclitic.
  const index = indexExactForms(pool)
  const exact = new Set<PooledWord>()
  const collect = (entries: readonly PooledWord[] | undefined) => {
    if (entries) for (const entry of entries) if (word.script === undefined || entry.word.script === word.script) exact.add(entry)
  }
  collect(index.stem.get(word.stem))
  collect(index.normalized.get(word.normalized))
  collect(index.bareStem.get(word.stem))
  collect(index.bareNormalized.get(word.normalized))
  if (word.bare) {
    collect(index.stem.get(word.bare.stem))
    collect(index.normalized.get(word.bare.normalized))
  }
  if (exact.size > 0) return { similarity: 1, at: [...exact].sort((first, second) => first.passage - second.passage || first.word.index - second.word.index) }
  let best = 0
  let at: PooledWord[] = []
  const synonyms = new Set(findSynonymKeys(word.lexiconKeys ?? []))
  for (const candidate of pool) {
    if (word.script !== undefined && candidate.word.script !== word.script) continue
    let similarity = measureWordSimilarity(word, candidate.word)
    if (similarity < SYNONYM_SIMILARITY && synonyms.size > 0 && !candidate.word.isStopword && candidate.word.lexiconKeys.some((key) => synonyms.has(key))) similarity = SYNONYM_SIMILARITY
    if (similarity > best) {
      best = similarity
      at = [candidate]
    } else if (similarity === best && similarity > 0) {
      at.push(candidate)
    }
  }
  return best >= MATCH_FLOOR ? { similarity: best, at } : NO_MATCH
}

function matchTranslations(translations: readonly string[], pool: readonly PooledWord[]): UnitMatch {
  let best = NO_MATCH
  for (const translation of translations) {
    const normalized = normalizeArabic(translation)
    const stem = stemWord(normalized)
    const match = matchWord({ normalized, stem, skeleton: consonantSkeleton(stem), root: approximateRoot(stem), script: 'arabic' }, pool)
    if (match.similarity > best.similarity) best = match
  }
  return best
}

function matchName(word: AnalyzedWord, pool: readonly PooledWord[]): UnitMatch {
  if (word.script === 'arabic' || pool.some((candidate) => candidate.word.script === 'latin')) {
    const match = matchWord(word, pool)
    return match.similarity >= 0.85 ? match : NO_MATCH
  }
  // A Latin-script name over Arabic text: compare its likely Arabic spellings with each word, with and without the article.
  // Vowels are where spellings differ most (James: جيمس or جمس), so equal consonant skeletons also count.
  const { spellings, skeletons } = spellName(word.text)
  let best = 0
  let at: PooledWord[] = []
  for (const entry of pool) {
    if (entry.word.script !== 'arabic' || entry.word.isStopword) continue
    let similarity = 0
    for (const { form, skeleton } of nameFormsOf(entry.word.normalized)) {
      if (skeletons.has(skeleton)) similarity = Math.max(similarity, 0.9)
      for (const spelling of spellings) similarity = Math.max(similarity, measureBigramSimilarity(spelling, form))
    }
    if (similarity < NAME_SIMILARITY) continue
    if (similarity > best) {
      best = similarity
      at = [entry]
    } else if (similarity === best) {
      at.push(entry)
    }
  }
  return best > 0 ? { similarity: best, at } : NO_MATCH
}

// A Latin name's likely Arabic spellings, and an Arabic word's forms a name may take (with and
// without the article), are the same every time: kept once worked out (bounded).
const NAME_MEMO_SIZE = 20_000
const spellingsOfName = new Map<string, { spellings: string[]; skeletons: Set<string> }>()
const nameFormsOfWord = new Map<string, { form: string; skeleton: string }[]>()

function spellName(name: string): { spellings: string[]; skeletons: Set<string> } {
  let spelled = spellingsOfName.get(name)
  if (!spelled) {
    const spellings = spellInArabic(name)
    spelled = { spellings, skeletons: new Set(spellings.map(consonantSkeleton).filter((skeleton) => skeleton.length >= 2)) }
    if (spellingsOfName.size >= NAME_MEMO_SIZE) spellingsOfName.clear()
    spellingsOfName.set(name, spelled)
  }
  return spelled
}

function nameFormsOf(normalized: string): { form: string; skeleton: string }[] {
  let forms = nameFormsOfWord.get(normalized)
  if (!forms) {
    forms = [...new Set([normalized, normalized.replace(/^(?:[وبلفك]?ال|[وبلفك])(?=..)/, '')])].map((form) => ({ form, skeleton: consonantSkeleton(form) }))
    if (nameFormsOfWord.size >= NAME_MEMO_SIZE) nameFormsOfWord.clear()
    nameFormsOfWord.set(normalized, forms)
  }
  return forms
}

function collectMatchedPositions(units: readonly Unit[], passageCount: number): Set<number>[] {
  const positions = Array.from({ length: passageCount }, () => new Set<number>())
  for (const unit of units) {
    if (unit.match.similarity < MATCH_FLOOR) continue
    for (const { passage, word } of unit.match.at) positions[passage]!.add(word.index)
  }
  return positions
}

function isNear(positions: ReadonlySet<number>, index: number, distance: number): boolean {
  for (let offset = -distance; offset <= distance; offset++) if (positions.has(index + offset)) return true
  return false
}

/**
 * Negation parity: the claim must negate (by a particle, or a word like رفض or فشل) an odd number
 * of times exactly when the passages do where the claim matched them. A negation counts when its
 * scope holds a matched word; one whose scope is unmatched on each side pairs with one of the other
 * side standing in the matched region (لم تتمكن ~ لم تستطع, غير نمطية ~ غير تقليدية), and is
 * ignored otherwise. A claim that negates more is a negation mismatch; one that states plainly what
 * a passage says did not or could not happen (عدم توجيه دعوة، فشلت في، لم تستطع) is an event
 * contradiction, naming the denied claim word and the passage's words of denial.
 */
function findNegationMismatch(
  claim: AnalyzedText,
  units: readonly Unit[],
  passages: readonly AnalyzedText[],
  matched: readonly Set<number>[],
): SupportIssue | null {
  const matchedClaimWords = new Set<number>()
  for (const unit of units) {
    if (unit.match.similarity < MATCH_FLOOR) continue
    for (let position = unit.first; position <= unit.last; position++) matchedClaimWords.add(position)
  }
  const claimNegations = findNegations(claim)
  // Neither side negates anything: the parities agree.
  if (claimNegations.length === 0 && passages.every((text) => findNegations(text).length === 0)) return null
  const unpaired = claimNegations.filter(({ index, scope }) => ![index, ...scope].some((position) => matchedClaimWords.has(position))).length
  // A matched word that the passages also state outside any negation is not negated by them.
  const negated = passages.map(findNegatedPositions)
  const statedPlainly = new Set(
    units.filter((unit) => unit.match.at.some(({ passage, word }) => !negated[passage]!.has(word.index))),
  )
  // …unless the claim negates it too: then a negated occurrence is the one it stands for.
  const claimNegatedWords = new Set(claimNegations.flatMap(({ scope }) => scope))
  const negatedPositions = matched.map(() => new Map<number, Unit>())
  for (const unit of units) {
    const negatedInClaim = claimNegatedWords.size > 0 && (unit.positions ?? range(unit.first, unit.last)).some((position) => claimNegatedWords.has(position))
    if (unit.match.similarity < MATCH_FLOOR || (statedPlainly.has(unit) && !negatedInClaim)) continue
    for (const { passage, word } of unit.match.at) negatedPositions[passage]!.set(word.index, unit)
  }
  // Each counted passage negation: the words that say "not" (عدم توجيه دعوة) and the claim unit it denies.
  const counted: { phrase: string; denied: Unit | undefined }[] = []
  const pairable: { phrase: string; denied: undefined }[] = []
  for (const [passage, text] of passages.entries()) {
    const positions = matched[passage]!
    for (const { index, scope } of findNegations(text)) {
      const isNegatorWord = text.negators.includes(index)
      // A negation denies the claim's statement when it covers one of its event words, not only a
      // participant: رحبت بلاد الوزير is not denied by عدم توجيه دعوة إلى الوزير.
      const deniedUnits = scope.map((position) => negatedPositions[passage]!.get(position)).filter((unit) => unit !== undefined)
      const denied = deniedUnits.find((unit) => !isParticipant(unit, claim, passages))
      const phrase = text.words.slice(index, (scope.at(-1) ?? index) + 1).slice(0, 4).map((word) => word.text).join(' ')
      if (denied || (!isNegatorWord && positions.has(index) && deniedUnits.length === 0)) counted.push({ phrase, denied })
      else if (isNear(positions, index, NEAR_MATCH)) pairable.push({ phrase, denied: undefined })
    }
  }
  // A claim negation of words the passages do not have says nothing checkable, unless a passage
  // negation near the match pairs with it: both count then.
  const paired = Math.min(pairable.length, unpaired)
  const claimCount = claimNegations.length - unpaired + paired
  const passageNegations = [...counted, ...pairable.slice(0, paired)]
  if (claimCount % 2 === passageNegations.length % 2) return null
  const claimWord = claimNegations.find(({ index, scope }) => [index, ...scope].some((position) => matchedClaimWords.has(position))) ?? claimNegations[0]
  if (claimCount > passageNegations.length && claimWord) return { kind: 'negation-mismatch', claim: claim.words[claimWord.index]!.text, evidence: null }
  // The claim states as done what the passage says did not or could not happen.
  const denial = passageNegations.find((negation) => negation.denied) ?? passageNegations[0]
  if (claimNegations.length === 0 && denial?.denied) return { kind: 'event-contradiction', claim: denial.denied.label, evidence: denial.phrase }
  return { kind: 'negation-mismatch', claim: null, evidence: denial?.phrase.split(' ')[0] ?? null }
}

/**
 * Negating particles and denial words (فشل، غاب), each with the words it can negate: up to its
 * reach, but not past punctuation, a word that opens a new clause (لكن، فإن) or, for a noun-phrase
 * negator, a preposition (دون تغيير في).
 */
const negationsOf = new WeakMap<AnalyzedText, { index: number; scope: number[] }[]>()

function findNegations(text: AnalyzedText): { index: number; scope: number[] }[] {
  let negations = negationsOf.get(text)
  if (!negations) {
    negations = locateNegations(text)
    negationsOf.set(text, negations)
  }
  return negations
}

const negatedPositions = new WeakMap<AnalyzedText, Set<number>>()

// The positions of a text that one of its negations covers (kept per analyzed text).
function findNegatedPositions(text: AnalyzedText): Set<number> {
  let positions = negatedPositions.get(text)
  if (!positions) negatedPositions.set(text, (positions = new Set(findNegations(text).flatMap(({ scope }) => scope))))
  return positions
}

function locateNegations(text: AnalyzedText): { index: number; scope: number[] }[] {
  const reach = (index: number, length: number) => {
    const scope: number[] = []
    const negator = text.words[index]!.normalized
    for (let next = index + 1; next <= index + length && next < text.words.length; next++) {
      const word = text.words[next]!
      const previous = text.words[next - 1]!
      if (/[،,؛;:.!?؟()«»"“”]/.test(text.text.slice(previous.end, word.start)) || endsNegation(word.normalized, negator, previous.lexiconKeys)) break
      scope.push(next)
    }
    return scope
  }
  const particles = text.negators.map((index) => ({ index, scope: reach(index, measureNegationScope(text.words[index]!.normalized)) }))
  const words = text.words.filter((word) => word.isNegative).map((word) => ({ index: word.index, scope: reach(word.index, DENIAL_SCOPE) }))
  return [...particles, ...words]
}

function range(first: number, last: number): number[] {
  const values: number[] = []
  for (let value = first; value <= last; value++) values.push(value)
  return values
}

/**
 * A claim word whose opposite (نجح/فشل، ارتفع/تراجع) the passages state instead, unless one side
 * negates it (السلمية against غير العنيفة agree): an opposite that stands among the passage matches
 * of the claim's other words, nearer them than the claim word's own match, or right where the claim
 * word should stand, next to the passage match of its neighbour word (الجزء الشرقي against الجزء
 * الغربي). Returns both words.
 */
function findOpposite(
  claim: AnalyzedText,
  units: readonly Unit[],
  passages: readonly AnalyzedText[],
  matched: readonly Set<number>[],
  options: ScoreSupportOptions,
): { claim: string; evidence: string } | null {
  const hasOpposites = (unit: Unit) =>
    unit.kind === 'word' && unit.counted && (claim.words[unit.first]!.oppositeKeys.length > 0 || (claim.words[unit.first]!.script === 'latin' && options.translateWord !== undefined))
  // Most claims have no word with a listed opposite: nothing to look for.
  if (!units.some(hasOpposites)) return null
  const negatedIn = passages.map(findNegatedPositions)
  const claimNegated = new Set(findNegations(claim).flatMap(({ index, scope }) => [index, ...scope]))
  // How many units matched each passage position.
  const matchCounts = passages.map(() => new Map<number, number>())
  for (const other of units) {
    if (other.match.similarity < MATCH_FLOOR) continue
    for (const { passage, word } of other.match.at) matchCounts[passage]!.set(word.index, (matchCounts[passage]!.get(word.index) ?? 0) + 1)
  }
  for (const unit of units) {
    if (unit.kind !== 'word' || !unit.counted) continue
    const word = claim.words[unit.first]!
    // An English word over Arabic text is opposed to what its Arabic renderings are opposed to.
    const translated = word.script === 'latin' && options.translateWord ? options.translateWord(word.normalized).flatMap(describeForLexicon) : []
    const oppositeKeys = translated.length > 0 ? [...word.oppositeKeys, ...findOppositeKeys(translated)] : word.oppositeKeys
    if (oppositeKeys.length === 0 || claimNegated.has(word.index)) continue
    // A claim that names both sides together (من الشمال إلى الجنوب) opposes nothing.
    if (namesBothSides(claim, word.index, oppositeKeys)) continue
    // The passage words, in order, that carry an opposite of the claim word and no negation: usually none.
    const opposing = passages.map((text, passage) => findWordsByKeys(text, oppositeKeys).filter((index) => !negatedIn[passage]!.has(index)))
    if (opposing.every((positions) => positions.length === 0)) continue
    // The opposite must stand nearer the rest of the claim's match than the claim word's own match
    // does (an unmatched word has none): تحطم المسبار against هبط المسبار بنجاح, where النجاح is another event's.
    const own = passages.map(() => new Set<number>())
    if (unit.match.similarity >= MATCH_FLOOR) for (const { passage, word } of unit.match.at) own[passage]!.add(word.index)
    const distance = (passage: number, index: number) => {
      let nearest = Number.POSITIVE_INFINITY
      const ownHere = own[passage]!
      for (const [position, count] of matchCounts[passage]!) {
        // A position only this unit matched is not the rest of the claim.
        if (position === index || count - (ownHere.has(position) ? 1 : 0) === 0) continue
        nearest = Math.min(nearest, Math.abs(position - index))
      }
      return nearest
    }
    const ownDistance = unit.match.similarity >= 0.85 ? Math.min(...unit.match.at.map(({ passage, word }) => distance(passage, word.index))) : Number.POSITIVE_INFINITY
    for (const [passage, text] of passages.entries()) {
      const opposite = opposing[passage]!.find((index) => {
        const away = distance(passage, index)
        return away <= NEAR_MATCH + 1 && away < ownDistance
      })
      if (opposite !== undefined) return { claim: word.text, evidence: text.words[opposite]!.text }
    }
    if (unit.match.similarity < 0.85) continue
    for (const { passage, index } of findSlots(unit, units, claim)) {
      if (opposing[passage]!.includes(index) && !unit.match.at.some((entry) => entry.passage === passage && entry.word.index === index)) {
        return { claim: word.text, evidence: passages[passage]!.words[index]!.text }
      }
    }
  }
  return null
}

const wordsByLexiconKey = new WeakMap<AnalyzedText, Map<string, number[]>>()

/** The positions, in order, of a text's content words that carry one of the lexicon keys (kept per analyzed text). */
function findWordsByKeys(text: AnalyzedText, keys: readonly string[]): number[] {
  let byKey = wordsByLexiconKey.get(text)
  if (!byKey) {
    byKey = new Map()
    for (const word of text.words) {
      if (word.isStopword) continue
      for (const key of word.lexiconKeys) {
        const positions = byKey.get(key)
        if (!positions) byKey.set(key, [word.index])
        else if (positions.at(-1) !== word.index) positions.push(word.index)
      }
    }
    wordsByLexiconKey.set(text, byKey)
  }
  const found = new Set<number>()
  for (const key of keys) for (const position of byKey.get(key) ?? []) found.add(position)
  return [...found].sort((first, second) => first - second)
}

// Whether the claim names a word and its opposite within three words of each other (من الشمال إلى الجنوب).
function namesBothSides(claim: AnalyzedText, index: number, oppositeKeys: readonly string[]): boolean {
  for (let other = Math.max(0, index - 3); other <= index + 3 && other < claim.words.length; other++) {
    if (claim.words[other]!.lexiconKeys.some((key) => oppositeKeys.includes(key))) return true
  }
  return false
}

// How far from the passage match of a neighbour word another word may stand to take a claim word's place.
const SLOT_REACH = { steps: 2, window: 2 }

/**
 * The passage positions where a claim unit "should" stand: the few words after the passage match of
 * a matched claim word just before it, and before that of one just after, for every place the unit's
 * word takes in the claim (`reach.steps` counts the claim's content words between, stopwords skipped).
 */
function findSlots(unit: Unit, units: readonly Unit[], claim: AnalyzedText, reach: { steps: number; window: number } = SLOT_REACH): { passage: number; index: number }[] {
  const anchorAt = new Map<number, Unit>()
  for (const other of units) {
    if (other === unit || !other.counted || other.match.similarity < MATCH_FLOOR) continue
    for (const position of other.positions ?? range(other.first, other.last)) anchorAt.set(position, other)
  }
  const slots: { passage: number; index: number }[] = []
  for (const position of unit.positions ?? [unit.first]) {
    const span = position === unit.first ? [unit.first, unit.last] : [position, position]
    for (const direction of [-1, 1] as const) {
      let steps = 0
      for (let at = (direction < 0 ? span[0]! : span[1]!) + direction; at >= 0 && at < claim.words.length && steps < reach.steps; at += direction) {
        const anchor = anchorAt.get(at)
        if (anchor) {
          for (const { passage, word } of anchor.match.at) {
            for (let offset = 1; offset <= reach.window; offset++) slots.push({ passage, index: word.index - direction * offset })
          }
        }
        if (!claim.words[at]!.isStopword) steps++
      }
    }
  }
  return slots
}

/**
 * Two participants that sit close on either side of a predicate in the claim, and on the swapped
 * sides of it in a passage with no occurrence in the claim's order (أعلن بن لادن عن مقتل أوباما
 * against أعلن أوباما عن مقتل بن لادن): who did what to whom is reversed though every word matches.
 */
function findRoleSwap(units: readonly Unit[], claim: AnalyzedText, passages: readonly AnalyzedText[]): { first: string; second: string } | null {
  const participants = units.filter((unit) => unit.counted && unit.kind !== 'number' && unit.kind !== 'date' && unit.match.similarity >= 0.85 && isParticipant(unit, claim, passages))
  const predicates = units.filter((unit) => unit.kind === 'word' && unit.match.similarity >= MATCH_FLOOR)
  const near = (first: number, second: number) => Math.abs(first - second) <= ROLE_WINDOW
  for (const predicate of predicates) {
    const before = participants.filter((unit) => unit.last < predicate.first && near(unit.last, predicate.first))
    const after = participants.filter((unit) => unit.first > predicate.last && near(unit.first, predicate.last))
    for (const first of before) {
      for (const second of after) {
        let swapped = false
        let inOrder = false
        for (const { passage, word } of predicate.match.at) {
          const around = (unit: Unit) => unit.match.at.filter((entry) => entry.passage === passage && near(entry.word.index, word.index)).map((entry) => entry.word.index)
          const firstAt = around(first)
          const secondAt = around(second)
          if (firstAt.some((position) => position < word.index) && secondAt.some((position) => position > word.index)) inOrder = true
          if (firstAt.some((position) => position > word.index) && secondAt.some((position) => position < word.index)) swapped = true
        }
        if (swapped && !inOrder) return { first: first.label, second: second.label }
      }
    }
  }
  return null
}
