import { normalizeArabic } from '../text/normalize-arabic.js'
import {
  ABILITY_WORDS,
  ANTONYM_GROUPS,
  CLAUSE_BREAKERS,
  DENIAL_WORDS,
  ENGLISH_NEGATORS,
  NEGATED_BOUND_VERBS,
  NEGATING_PARTICLES,
  NEGATING_PROCLITICS,
  NEGATION_IDIOM_FOLLOWERS,
  NOMINAL_NEGATORS,
  PHRASE_ENDING_PREPOSITIONS,
} from '../text/lexicon/polarity-lexicon.js'
import { stemWord } from '../text/stem-word.js'
import { approximateRoot } from './approximate-root.js'

// Each particle with its reach, also with a proclitic (ولم، بعدم). ما is left out: it is far more often a relative pronoun.
const PARTICLE_REACH = new Map<string, number>()
for (const [particle, reach] of Object.entries(NEGATING_PARTICLES)) {
  const normalized = normalizeArabic(particle)
  PARTICLE_REACH.set(normalized, reach)
  for (const proclitic of NEGATING_PROCLITICS) PARTICLE_REACH.set(proclitic + normalized, reach)
}
const ENGLISH_NEGATOR_SET = new Set(ENGLISH_NEGATORS)
const IDIOM_FOLLOWERS = new Set([...NEGATION_IDIOM_FOLLOWERS, ...NEGATED_BOUND_VERBS].map((word) => normalizeArabic(word)))
const NOMINAL = new Set(NOMINAL_NEGATORS.flatMap((word) => [normalizeArabic(word), ...NEGATING_PROCLITICS.map((proclitic) => proclitic + normalizeArabic(word))]))
const PREPOSITIONS = new Set(PHRASE_ENDING_PREPOSITIONS.map((word) => normalizeArabic(word)))
const BREAKERS = new Set(CLAUSE_BREAKERS.map((word) => normalizeArabic(word)))

/** True when a normalized word negates what follows it (given the word that follows: لا سيما and لا يتجاوز negate nothing). */
export function isNegator(word: string, nextWord: string | undefined): boolean {
  if (ENGLISH_NEGATOR_SET.has(word) || /n't$/.test(word)) return true
  if (!PARTICLE_REACH.has(word)) return false
  return nextWord === undefined || !IDIOM_FOLLOWERS.has(nextWord)
}

/** How many following words a negating particle can negate (English negators reach three). */
export function measureNegationScope(word: string): number {
  return PARTICLE_REACH.get(word) ?? 3
}

const ABILITY_KEYS = new Set(ABILITY_WORDS.flatMap(describeForLexicon))

/**
 * True when `word` ends the reach of the negation `negator` before it: a new clause, or a
 * preposition after a noun-phrase negator (دون تغيير في), unless the word before the preposition
 * (given by its lexicon keys) is one of ability, which passes the negation on (عدم قدرتهما على تحمل).
 */
export function endsNegation(word: string, negator: string, previousKeys: readonly string[] = []): boolean {
  if (BREAKERS.has(word)) return true
  return NOMINAL.has(negator) && PREPOSITIONS.has(word) && !previousKeys.some((key) => ABILITY_KEYS.has(key))
}

const DENIAL_KEYS = new Set(DENIAL_WORDS.flatMap(describeForLexicon))

/** True when a word, given by its lexicon keys, says that something did not or could not happen (فشل، رفض، غاب، refuse). */
export function isNegativeWord(keys: readonly string[]): boolean {
  return keys.some((key) => DENIAL_KEYS.has(key))
}

const OPPOSITE_KEYS = new Map<string, Set<string>>()
const SYNONYM_KEYS = new Map<string, Set<string>>()
const addAll = (map: Map<string, Set<string>>, keys: readonly string[], values: readonly string[]) => {
  for (const key of keys) map.set(key, new Set([...(map.get(key) ?? []), ...values]))
}
for (const [first, second] of ANTONYM_GROUPS) {
  const firstKeys = first.flatMap(describeForLexicon)
  const secondKeys = second.flatMap(describeForLexicon)
  addAll(OPPOSITE_KEYS, firstKeys, secondKeys)
  addAll(OPPOSITE_KEYS, secondKeys, firstKeys)
  addAll(SYNONYM_KEYS, firstKeys, firstKeys)
  addAll(SYNONYM_KEYS, secondKeys, secondKeys)
}

/** The lexicon keys of words on the same side of an antonym group as a word (حضر and شارك), the word's own included. */
export function findSynonymKeys(keys: readonly string[]): string[] {
  const synonyms = new Set<string>()
  for (const key of keys) for (const other of SYNONYM_KEYS.get(key) ?? []) synonyms.add(other)
  return [...synonyms]
}

/** The lexicon keys opposed to a word's keys (نجح for فشل), or an empty list when it has no listed opposite. */
export function findOppositeKeys(keys: readonly string[]): string[] {
  const opposite = new Set<string>()
  for (const key of keys) for (const other of OPPOSITE_KEYS.get(key) ?? []) opposite.add(other)
  return [...opposite]
}

/**
 * The keys a word is looked up by in the polarity lexicons: its stem and its root guess, also
 * without a و/ف/ب/ل/ك proclitic (بحرية → حرية), an accusative ا (قويا) or an attached pronoun
 * (قدرتهما); a root guess of two
 * letters is too ambiguous (أقل and قال share قل), so short words are matched by stem only.
 */
export function describeForLexicon(word: string): string[] {
  const normalized = normalizeArabic(word)
  const arabic = /^[\u0621-\u064A]/.test(normalized)
  const variants = arabic && /^[وفبلك]/.test(normalized) && normalized.length > 4 ? [normalized, normalized.slice(1)] : [normalized]
  // The accusative ending of an indefinite adjective (قويا، مرتفعا) and an attached pronoun
  // (قدرتهما، دعوتهم) are not part of the word.
  for (const variant of [...variants]) {
    if (!arabic || variant.length <= 4) continue
    if (variant.endsWith('ا') && !/(?:ها|هما|نا)$/.test(variant)) variants.push(variant.slice(0, -1))
    const pronoun = /(?:هما|هم|هن|ها|كم|نا)$/.exec(variant)
    if (pronoun && variant.length - pronoun[0].length >= 3) variants.push(variant.slice(0, -pronoun[0].length))
  }
  const keys = new Set<string>()
  for (const variant of variants) {
    const stem = stemWord(variant)
    keys.add(stem)
    const root = approximateRoot(stem)
    if (root.length >= 3) keys.add(root)
  }
  return [...keys]
}
