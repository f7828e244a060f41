import type { Sentence } from '../../chunk/corpus.js'
import { findDateSpans } from '../../text/find-date-spans.js'
import { readDateExpression, type DateReading } from '../../text/read-date-expression.js'
import type { Token } from '../../text/tokenize.js'
import type { SanadIndex } from '../sanad-index.js'
import { findClauseAround } from './find-clause-around.js'

/** A dated event of a document: the span that tells it, the date expression in it, and where it falls. */
export interface TimelineEvent {
  docId: string
  /** The cited span: the sentence, or the clause that holds the date when the sentence holds several. */
  start: number
  end: number
  /** The date expression as written ("يونيو الماضي"). */
  dateStart: number
  dateEnd: number
  /** The calendar date it was placed at; month and day are null when the text does not give them. */
  year: number | null
  month: number | null
  day: number | null
  /**
   * How the date was placed: `absolute` as written; `inferred` when the year (or the month) came from the
   * article's own dates ("يونيو الماضي" before a June 2014 reference); `relative` when the text does not
   * allow placing it ("الخميس الماضي" in an article without a day-exact date), sorted at the reference.
   */
  placement: 'absolute' | 'inferred' | 'relative'
}

interface DatedMention {
  sentence: Sentence
  reading: DateReading
  start: number
  end: number
  order: number
}

// A sentence longer than this is cut to the clause around each of its dates.
const LONG_SENTENCE = 220

/**
 * The dated events of a document in chronological order. Each date expression is read, then placed by
 * the article's own dates: its reference ("now") is the day-exact date of its lead sentence (news
 * writes the event's date there), or else a date marked as the present ("هذا العام 2014"), or else
 * the latest date it gives. A month without a year takes the reference's year (the year before when
 * that would put a past month after the reference); "الماضي" counts back from the reference, "المقبل"
 * forward, "من العام نفسه" takes the year of the date before it.
 */
export function buildTimeline(index: SanadIndex, docId: string): TimelineEvent[] {
  const mentions = findDatedMentions(index, docId)
  const reference = findReference(mentions)
  const events: (TimelineEvent & { order: number })[] = []
  let previousYear: number | null = null
  for (const mention of mentions) {
    const placed = placeDate(mention.reading, reference, previousYear)
    if (placed.year !== null && placed.placement !== 'relative') previousYear = placed.year
    const span = eventSpan(index, mention, mentions)
    events.push({ docId, start: span.start, end: span.end, dateStart: mention.start, dateEnd: mention.end, ...placed, order: mention.order })
  }
  // One span told with two dates ("في أغسطس الماضي … يوم الخميس7 أغسطس 2014", "من 16 مايو إلى 27 مايو")
  // is one event: the most exact date is kept, and the earliest of equally exact ones.
  const unique = events.filter((event) => !events.some((other) => other !== event && other.start === event.start && other.end === event.end && isBetterDate(other, event)))
  return unique
    .sort((left, right) => sortKey(left) - sortKey(right) || left.order - right.order)
    .map(({ order: _order, ...event }) => event)
}

function findDatedMentions(index: SanadIndex, docId: string): DatedMention[] {
  const text = index.documents.get(docId)?.text ?? ''
  const mentions: DatedMention[] = []
  for (const sentence of index.sentencesOf(docId)) {
    const tokens = index.tokensOf(sentence)
    for (const span of findDateSpans(tokens, text.slice(sentence.start, sentence.end), sentence.start)) {
      const reading = readDateExpression(tokens.slice(span.firstToken, span.lastToken + 1), tokens.slice(span.lastToken + 1))
      // A weekday alone ("يوم الخميس") or a bare day number places nothing.
      if (reading.year === null && reading.month === null && reading.relative === null) continue
      mentions.push({ sentence, reading, start: span.start, end: span.end, order: mentions.length })
    }
  }
  return mentions
}

interface Reference {
  year: number
  month: number | null
  day: number | null
}

function findReference(mentions: readonly DatedMention[]): Reference | null {
  const complete = (mention: DatedMention) => mention.reading.year !== null && mention.reading.month !== null && mention.reading.day !== null && mention.reading.relative === null
  const firstSentence = mentions[0]?.sentence.docId !== undefined ? Math.min(...mentions.map((mention) => mention.sentence.id)) : -1
  const lead = mentions.find((mention) => mention.sentence.id === firstSentence && complete(mention) && isLeadSentence(mention))
  const present = mentions.find((mention) => mention.reading.relative === 'this' && mention.reading.year !== null)
  const chosen = lead ?? present
  if (chosen) return { year: chosen.reading.year!, month: chosen.reading.month, day: chosen.reading.day }
  const absolute = mentions.filter((mention) => mention.reading.year !== null && mention.reading.relative === null)
  if (absolute.length === 0) return null
  const latest = absolute.reduce((best, mention) => (compare(mention.reading, best.reading) > 0 ? mention : best))
  return { year: latest.reading.year!, month: latest.reading.month, day: latest.reading.day }
}

// The lead is the document's first sentence: its date is the event's, and so the article's present.
function isLeadSentence(mention: DatedMention): boolean {
  return mention.sentence.section === null
}

function compare(left: Pick<DateReading, 'year' | 'month' | 'day'>, right: Pick<DateReading, 'year' | 'month' | 'day'>): number {
  return (left.year ?? 0) - (right.year ?? 0) || (left.month ?? 0) - (right.month ?? 0) || (left.day ?? 0) - (right.day ?? 0)
}

function placeDate(reading: DateReading, reference: Reference | null, previousYear: number | null): Pick<TimelineEvent, 'year' | 'month' | 'day' | 'placement'> {
  const { year, month, day } = reading
  if (year !== null && reading.relative !== 'same') return { year, month, day, placement: 'absolute' }
  if (reading.relative === 'same' && previousYear !== null) return { year: previousYear, month, day, placement: 'inferred' }
  if (!reference) return { year: null, month, day, placement: 'relative' }
  if (month === null) {
    // "الخميس الماضي": a weekday counted from a present the article gives only to the month, or not at all.
    return { year: reference.year, month: reference.month, day: reference.day, placement: 'relative' }
  }
  let placedYear = reference.year
  const after = reference.month !== null && (month > reference.month || (month === reference.month && day !== null && reference.day !== null && day > reference.day))
  const before = reference.month !== null && (month < reference.month || (month === reference.month && day !== null && reference.day !== null && day < reference.day))
  if (reading.relative === 'past' && (after || (reference.month === month && day === null))) placedYear -= 1
  if (reading.relative === 'next' && before) placedYear += 1
  // An unmarked month well after the present is last year's: news reports what has happened.
  if (reading.relative === null && after && reference.month !== null && month - reference.month > 1) placedYear -= 1
  return { year: placedYear, month, day, placement: 'inferred' }
}

function precisionOf(event: Pick<TimelineEvent, 'month' | 'day' | 'placement'>): number {
  return (event.placement === 'relative' ? 0 : 1) + (event.month !== null ? 1 : 0) + (event.day !== null ? 1 : 0)
}

function isBetterDate(left: TimelineEvent & { order: number }, right: TimelineEvent & { order: number }): boolean {
  const difference = precisionOf(left) - precisionOf(right)
  return difference > 0 || (difference === 0 && left.order < right.order)
}

function sortKey(event: Pick<TimelineEvent, 'year' | 'month' | 'day'>): number {
  // Undated events sort last; a year alone sorts before its months, a month alone before its days.
  if (event.year === null) return Number.MAX_SAFE_INTEGER
  return event.year * 10_000 + (event.month ?? 0) * 100 + (event.day ?? 0)
}

// The sentence, unless it is long or holds other dates: then the clause around this date.
function eventSpan(index: SanadIndex, mention: DatedMention, mentions: readonly DatedMention[]): { start: number; end: number } {
  const { sentence } = mention
  const others = mentions.filter((other) => other.sentence.id === sentence.id && other !== mention && compare(other.reading, mention.reading) !== 0)
  if (others.length === 0 && sentence.end - sentence.start <= LONG_SENTENCE) return { start: sentence.start, end: sentence.end }
  const tokens: readonly Token[] = index.tokensOf(sentence)
  return findClauseAround(index.textOf(sentence), sentence.start, tokens, { start: mention.start, end: mention.end })
}
