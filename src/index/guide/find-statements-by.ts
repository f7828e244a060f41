import type { Sentence } from '../../chunk/corpus.js'
import type { SanadIndex } from '../sanad-index.js'
import { ATTRIBUTION_PREPOSITIONS, isSpeechVerb, QUOTATION_MARKS, REPORTED_SPEECH_OPENERS, STANCE_VERBS } from '../../text/lexicon/attribution-words.js'
import { NORMALIZED_PERSON_ROLES } from '../../text/person-roles.js'
import { splitIntoClauses } from '../../text/split-into-clauses.js'
import type { Token } from '../../text/tokenize.js'
/** A span of a document. */
export interface StatementSpan {
  docId: string
  start: number
  end: number
}

/** Who is asked about: each word as the stems it may take, names apart from the words describing them. */
export interface SpeakerStems {
  /** Words of a proper name ("أوباما", "جيروم باول"): any one of them in an attribution names the speaker. */
  names: readonly (readonly string[])[]
  /**
   * Words that describe the speaker ("الرئيس الصيني") or whose kind is unknown (an English question's
   * words, translated): without a name, `descriptorShare` of them must be in the attribution.
   */
  descriptors: readonly (readonly string[])[]
  /** The share of the descriptors an attribution must hold: all of an Arabic description; half of translated words, which may be off. */
  descriptorShare?: number
}

/** A statement attributed to someone in a sentence: where it is cited and the words naming the speaker. */
interface Attribution {
  sentence: Sentence
  /** The words naming the speaker; none for "وأضاف أن …". */
  speakerTokens: Token[]
  /** The token that attributes: the verb of saying or the preposition. */
  cue: Token
}

// How far after a verb of saying (or before it, when it is followed by what was said) the speaker is named.
const SPEAKER_WINDOW = 9

/**
 * The statements attributed to a speaker in the given documents, in reading order, each cited to its
 * sentence (or to its clause when the sentence quotes someone else too). A statement is a verb of
 * saying or an attributing preposition (حسب، وفق) naming the speaker, in a sentence that reports
 * speech: a quotation, a colon, or إن/أن after the verb ("أعلن عن مقتل …" reports an act, not words).
 * A sentence that opens with a verb of saying and no new speaker ("وأضاف أن …") continues the previous
 * statement's speaker. A speaker named by a role and a name is also recognised later by the name alone.
 */
export function findStatementsBy(index: SanadIndex, documentIds: readonly string[], speaker: SpeakerStems): StatementSpan[] {
  const spans: StatementSpan[] = []
  for (const docId of documentIds) {
    const text = index.documents.get(docId)?.text ?? ''
    const attributions = findAttributions(index, docId)
    const names = speaker.names.map((alternatives) => [...alternatives])
    const matched = new Set<Attribution>()
    let previousMatched = false
    for (const attribution of attributions) {
      const stems = new Set(attribution.speakerTokens.flatMap((token) => [token.stem, token.cliticFreeStem ?? token.stem]))
      const continues: boolean = !attribution.speakerTokens.some((token) => isNameWord(token, text)) && previousMatched && isContinuation(index, attribution, attributions)
      previousMatched = continues || isSameSpeaker(stems, names, speaker.descriptors, speaker.descriptorShare ?? 1)
      if (!previousMatched) continue
      matched.add(attribution)
      // Asked by role ("ماذا قال الرئيس الصيني؟"), the speaker is recognised later by the name the role introduced.
      if (speaker.names.length === 0) for (const token of attribution.speakerTokens) if (isNameWord(token, text)) names.push([token.stem])
    }
    for (const attribution of matched) {
      const span = statementSpan(index, attribution, attributions.filter((other) => !matched.has(other)))
      if (!spans.some((other) => other.docId === docId && other.start === span.start && other.end === span.end)) spans.push({ docId, ...span })
    }
  }
  return spans
}

function isSameSpeaker(stems: ReadonlySet<string>, names: readonly (readonly string[])[], descriptors: readonly (readonly string[])[], share: number): boolean {
  const present = (alternatives: readonly string[]) => alternatives.some((stem) => stems.has(stem))
  if (names.length > 0) return names.some(present)
  return descriptors.length > 0 && descriptors.filter(present).length >= descriptors.length * share
}

// Attached pronouns end common nouns ("كلمتها", "وصفته"), not names; read on the written word, where ة is not ته.
const PRONOUN_SUFFIX = /[\u0621-\u064A]{2,}(ته|ها|هم|هما|هن|كم)$/

/**
 * A word of a proper name: no article, no attached pronoun, not a role, not a function word, not a
 * number. `text` is what the token's offsets index into, to read its spelling before normalization.
 */
export function isNameWord(token: Token, text: string): boolean {
  const bare = token.normalized.replace(/^(و|ف)/, '')
  const written = text.slice(token.start, token.end)
  return !token.isStopword && !token.isNumber && !bare.startsWith('ال') && !NORMALIZED_PERSON_ROLES.has(bare) && !PRONOUN_SUFFIX.test(written) && bare.length >= 2
}

// A document's attributions depend only on its text: found once per index and document.
const attributionCache = new WeakMap<SanadIndex, Map<string, Attribution[]>>()

function findAttributions(index: SanadIndex, docId: string): Attribution[] {
  let cached = attributionCache.get(index)
  if (!cached) attributionCache.set(index, (cached = new Map()))
  const known = cached.get(docId)
  if (known) return known
  const found = readAttributions(index, docId)
  cached.set(docId, found)
  return found
}

function readAttributions(index: SanadIndex, docId: string): Attribution[] {
  const text = index.documents.get(docId)?.text ?? ''
  const attributions: Attribution[] = []
  for (const sentence of index.sentencesOf(docId)) {
    const sentenceText = text.slice(sentence.start, sentence.end)
    const tokens = index.tokensOf(sentence)
    const reportsSpeech = hasQuotation(sentenceText) || sentenceText.includes(':')
    tokens.forEach((token, position) => {
      if (ATTRIBUTION_PREPOSITIONS.has(token.normalized)) {
        // "…»، حسب X" after what was said, or "حسب X إلى “…”" before a quotation; not "تتلون حسب الجهة".
        const postposed = position > 0 && /[،,]/.test(text.slice(tokens[position - 1]!.end, token.start))
        if (!postposed && !reportsSpeech) return
        // "نقلا عن X", "على لسان X": the name comes after the second word.
        const skip = tokens[position + 1]?.normalized === 'عن' || tokens[position + 1]?.normalized === 'to' ? 2 : 1
        const speakerTokens = takeSpeaker(tokens, position + skip, text)
        if (speakerTokens.length > 0) attributions.push({ sentence, speakerTokens, cue: token })
        return
      }
      if (!isSpeechVerb(token.normalized)) return
      const after = takeSpeaker(tokens, position + 1, text)
      const opensSpeech = STANCE_VERBS.has(token.normalized) || tokens.slice(position + 1, position + 2 + after.length + SPEAKER_WINDOW).some((next) => REPORTED_SPEECH_OPENERS.has(next.normalized))
      if (!reportsSpeech && !opensSpeech) return
      // "أما وزير الخارجية … فقال إن", "ولم يمر تتويج ترييه دون جدل، إذ انتقدت …": a verb with no named subject
      // after it says what the person named before it in the sentence said; "…، ونددت …" shares the subject
      // of the verb of saying it is joined to.
      let speakerTokens = after
      if (!after.some((word) => isNameWord(word, text))) {
        const before = takeSpeakerBefore(tokens, position, text)
        const joinedTo = attributions.findLast((other) => other.sentence.id === sentence.id && other.cue.end <= token.start)
        const reachesIt = joinedTo !== undefined && (before.length === 0 || before[0]!.start > joinedTo.cue.start)
        speakerTokens = [...(reachesIt ? joinedTo.speakerTokens : []), ...before, ...after]
      }
      attributions.push({ sentence, speakerTokens, cue: token })
    })
  }
  return attributions
}

// A quotation of some words; a quoted name or title ("“أبوتاباد”", "«البيانو»") is not speech.
const MIN_QUOTED_WORDS = 4

function hasQuotation(text: string): boolean {
  for (const [open, close] of QUOTATION_MARKS) {
    let start = text.indexOf(open)
    while (start !== -1) {
      const end = text.indexOf(close, start + 1)
      if (end === -1) break
      if (text.slice(start + 1, end).trim().split(/\s+/).length >= MIN_QUOTED_WORDS) return true
      start = text.indexOf(open, end + 1)
    }
  }
  return false
}

// The words naming a speaker after a cue: up to the window, stopping at what was said (إن، أن، a quote,
// a colon, a comma) or at a preposition that starts the circumstances ("في مؤتمر صحفي").
function takeSpeaker(tokens: readonly Token[], from: number, text: string): Token[] {
  const taken: Token[] = []
  for (let position = from; position < tokens.length && taken.length < SPEAKER_WINDOW; position++) {
    const token = tokens[position]!
    if (REPORTED_SPEECH_OPENERS.has(token.normalized) || isSpeechVerb(token.normalized)) break
    if (position > from && /[،,:“”«»"]/.test(text.slice(tokens[position - 1]!.end, token.start))) break
    if (token.isStopword && taken.length > 0) break
    if (token.isStopword) continue
    taken.push(token)
  }
  return taken.filter((token) => !token.isNumber)
}

// The words before a verb with no subject after it, back to a quotation or another verb of saying.
function takeSpeakerBefore(tokens: readonly Token[], verb: number, text: string): Token[] {
  const taken: Token[] = []
  for (let position = verb - 1; position >= 0 && taken.length < SPEAKER_WINDOW; position--) {
    const token = tokens[position]!
    if (/[:“”«»"]/.test(text.slice(token.end, tokens[position + 1]!.start)) || isSpeechVerb(token.normalized)) break
    if (!token.isStopword) taken.unshift(token)
  }
  return taken
}

// "وأضاف أن …" continues the statement before it when it follows in the same paragraph or the next sentence.
function isContinuation(index: SanadIndex, attribution: Attribution, attributions: readonly Attribution[]): boolean {
  const position = attributions.indexOf(attribution)
  const previous = attributions[position - 1]
  if (!previous) return false
  const gap = attribution.sentence.id - previous.sentence.id
  const opensSentence = index.tokensOf(attribution.sentence)[0] === attribution.cue
  return opensSentence && gap <= 1
}

// Words that open a second statement inside a sentence: "…، فيما قال مودي إن …", "بينما أكدت …".
const COORDINATORS = new Set(['فيما', 'بينما', 'حين', 'كما', 'اما', 'while', 'whereas'])

// Whether a cue opens a statement of its own: it is joined by a conjunction (ووصف، وقال) or follows a coordinator.
function opensOwnStatement(index: SanadIndex, attribution: Attribution): boolean {
  const tokens = index.tokensOf(attribution.sentence)
  const position = tokens.indexOf(attribution.cue)
  return /^[وف]/.test(attribution.cue.normalized) || COORDINATORS.has(tokens[position - 1]?.normalized ?? '') || COORDINATORS.has(tokens[position - 2]?.normalized ?? '')
}

// The sentence, or, when another speaker's statement is joined to it ("…، فيما قال مودي …"), the clauses from this cue to that one.
function statementSpan(index: SanadIndex, attribution: Attribution, otherSpeakers: readonly Attribution[]): { start: number; end: number } {
  const { sentence } = attribution
  const others = otherSpeakers.filter((other) => other.sentence.id === sentence.id && opensOwnStatement(index, other))
  if (others.length === 0) return { start: sentence.start, end: sentence.end }
  const clauses = splitIntoClauses(index.textOf(sentence), sentence.start)
  const own = clauses.findIndex((clause) => clause.start <= attribution.cue.start && attribution.cue.start < clause.end)
  const owners = new Set(others.map((other) => clauses.findIndex((clause) => clause.start <= other.cue.start && other.cue.start < clause.end)))
  let first = own
  let last = own
  // A cue after what was said ("…»، حسب X") owns the clauses before it; a cue before it, those after.
  const cueFirst = index.tokensOf(sentence).find((token) => token.start >= clauses[own]!.start) === attribution.cue
  if (cueFirst) while (last + 1 < clauses.length && !owners.has(last + 1)) last++
  else while (first - 1 >= 0 && !owners.has(first - 1)) first--
  return { start: clauses[first]!.start, end: Math.min(sentence.end, clauses[last]!.end + (/[”"».]/.test(index.documents.get(sentence.docId)!.text[clauses[last]!.end] ?? '') ? 1 : 0)) }
}
