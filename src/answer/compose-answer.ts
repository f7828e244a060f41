import type { SanadIndex } from '../index/sanad-index.js'
import type { Citation } from './answer-schemas.js'
import type { EvidenceSpan } from './extract-answer.js'

/** An extracted answer in words: a lead (short answer or yes/no) and quoted claims with their citations. */
export interface ComposedAnswer {
  answer: string
  shortAnswer: string | null
  citations: Citation[]
}

const POLARITY_WORDS = { ar: { yes: 'نعم', no: 'لا' }, en: { yes: 'Yes', no: 'No' } } as const

/** Writes an answer: the short answer first, then each claim quoted with its `[n]`, numbered in order of use. */
export function composeAnswer(
  extracted: { shortAnswer: EvidenceSpan | null; polarity: 'yes' | 'no' | null; claims: EvidenceSpan[] },
  language: 'ar' | 'en',
  index: SanadIndex,
  renderShortAnswer: (arabic: string) => string = (arabic) => arabic,
): ComposedAnswer {
  const citations: Citation[] = extracted.claims.map((span, position) => ({ n: position + 1, ...span, quote: index.textOf(span) }))
  const shortAnswer = extracted.shortAnswer ? renderShortAnswer(index.textOf(extracted.shortAnswer)) : null
  const lead = [extracted.polarity ? POLARITY_WORDS[language][extracted.polarity] : null, shortAnswer].filter(Boolean).join(' — ')
  const claims = citations.map((citation) => `${citation.quote} [${citation.n}]`)
  const body = claims.length > 1 ? claims.map((claim) => `• ${claim}`).join('\n') : (claims[0] ?? '')
  const answer = lead ? (claims.length > 1 ? `${lead}:\n${body}` : `${lead} — ${body}`) : body
  return { answer, shortAnswer, citations }
}
