import type { Sentence } from '../../chunk/corpus.js'
import type { SanadIndex } from '../../index/sanad-index.js'
import { ATTRIBUTION_PREPOSITIONS, isSpeechVerb, QUOTATION_MARKS, REPORTED_SPEECH_OPENERS } from '../../text/lexicon/attribution-words.js'
import { isPersonRole } from '../../text/person-roles.js'
import { splitIntoClauses } from '../../text/split-into-clauses.js'
import type { Token } from '../../text/tokenize.js'
import type { EvidenceSpan } from '../extract-answer.js'

/** Who is asked about, as stems: the name words, and the words that describe them (roles, nisbas). */
export interface SpeakerStems {
  /** Words of a proper name ("أوباما", "جيروم باول"): any one of them in an attribution names the speaker. */
  names: readonly string[]
  /** Role and description words ("الرئيس الصيني"): when the question gives no name, all must be there. */
  descriptors: readonly string[]
}

/** A statement attributed to someone in a sentence: where it is cited and the words naming the speaker. */
interface Attribution {
  sentence: Sentence
  /** Token positions (in the sentence) of the words naming the speaker; empty for "وأضاف أن …". */
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
export function findStatementsBy(index: SanadIndex, documentIds: readonly string[], speaker: SpeakerStems): EvidenceSpan[] {
  const spans: EvidenceSpan[] = []
  for (const docId of documentIds) {
    const attributions = findAttributions(index, docId)
    const names = new Set(speaker.names)
    let previousMatched = false
    for (const attribution of attributions) {
      const stems = new Set(attribution.speakerTokens.flatMap((token) => [token.stem, token.cliticFreeStem ?? token.stem]))
      const continues: boolean = attribution.speakerTokens.length === 0 && previousMatched && isContinuation(index, attribution, attributions)
      const matched: boolean = continues || isSameSpeaker(stems, names, speaker.descriptors)
      previousMatched = matched
      if (!matched) continue
      // The speaker's name words, once matched by a role, recognise later mentions by the name alone.
      for (const token of attribution.speakerTokens) if (isNameWord(token)) names.add(token.stem)
      const span = statementSpan(index, attribution, attributions)
      if (!spans.some((other) => other.docId === docId && other.start === span.start && other.end === span.end)) spans.push({ docId, ...span })
    }
  }
  return spans
}

function isSameSpeaker(stems: ReadonlySet<string>, names: ReadonlySet<string>, descriptors: readonly string[]): boolean {
  if (names.size > 0) return [...names].some((name) => stems.has(name))
  return descriptors.length > 0 && descriptors.every((descriptor) => stems.has(descriptor))
}

/** A word of a proper name: no article, not a role, not a function word, not a number. */
export function isNameWord(token: Token): boolean {
  return !token.isStopword && !token.isNumber && !token.normalized.startsWith('ال') && !isPersonRole(token.normalized) && token.normalized.length >= 2
}

function findAttributions(index: SanadIndex, docId: string): Attribution[] {
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
      const opensSpeech = tokens.slice(position + 1, position + 2 + after.length + SPEAKER_WINDOW).some((next) => REPORTED_SPEECH_OPENERS.has(next.normalized))
      if (!reportsSpeech && !opensSpeech) return
      // "أما وزير الخارجية … فقال إن": the speaker comes before a verb followed directly by what was said.
      const speakerTokens = after.length > 0 ? after : takeSpeakerBefore(tokens, position, text)
      attributions.push({ sentence, speakerTokens, cue: token })
    })
  }
  return attributions
}

function hasQuotation(text: string): boolean {
  for (const [open, close] of QUOTATION_MARKS) {
    const start = text.indexOf(open)
    if (start !== -1 && text.indexOf(close, start + 1) !== -1) return true
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

function takeSpeakerBefore(tokens: readonly Token[], verb: number, text: string): Token[] {
  const taken: Token[] = []
  for (let position = verb - 1; position >= 0 && taken.length < SPEAKER_WINDOW; position--) {
    const token = tokens[position]!
    if (/[،,:“”«»".]/.test(text.slice(token.end, tokens[position + 1]!.start)) && position !== verb - 1) break
    if (token.isStopword) break
    taken.unshift(token)
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

// The sentence, or, when other speakers are quoted in it too, the clauses from this cue to the next.
function statementSpan(index: SanadIndex, attribution: Attribution, attributions: readonly Attribution[]): { start: number; end: number } {
  const { sentence } = attribution
  const others = attributions.filter((other) => other.sentence.id === sentence.id && other !== attribution && !sameWords(other.speakerTokens, attribution.speakerTokens))
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

function sameWords(left: readonly Token[], right: readonly Token[]): boolean {
  return left.length === right.length && left.every((token, position) => token.stem === right[position]!.stem)
}
