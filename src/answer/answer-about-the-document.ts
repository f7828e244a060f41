import type { SanadIndex } from '../index/sanad-index.js'
import { normalizeArabic } from '../text/normalize-arabic.js'
import { tokenize } from '../text/tokenize.js'
import type { EvidenceSpan } from './extract-answer.js'

const ABOUT_THE_DOCUMENT = /(المقال|النص|الخبر|article|text|story)/
const ASKS_FOR_TITLE = /(عنوان (هذا |هذه )?(المقال|النص|الخبر)|title of|headline)/
const ASKS_FOR_SOURCE = /(مصدر (هذا |هذه )?(المقال|النص|الخبر)|(من|اين|متي) (نشر|نشرت)|ناشر|source of|published|publisher)/
const ATTRIBUTION_MAX_WORDS = 6

/**
 * Answers questions about the document itself rather than its content: its title (its first line)
 * or its source (a short attribution line closing it, such as "ميدل ايست أونلاين").
 */
export function answerAboutTheDocument(question: string, docId: string, index: SanadIndex): EvidenceSpan | null {
  const normalized = normalizeArabic(question)
  if (!ABOUT_THE_DOCUMENT.test(normalized)) return null
  const text = index.documents.get(docId)?.text
  if (text === undefined) return null
  if (ASKS_FOR_TITLE.test(normalized)) {
    const title = index.corpus.documents.find((document) => document.id === docId)?.title
    const start = title ? text.indexOf(title) : -1
    return title && start >= 0 ? { docId, start, end: start + title.length } : null
  }
  if (ASKS_FOR_SOURCE.test(normalized)) {
    const last = index.corpus.sentences.findLast((sentence) => sentence.docId === docId)
    if (!last) return null
    const words = tokenize(index.textOf(last))
    return words.length > 0 && words.length <= ATTRIBUTION_MAX_WORDS ? { docId, start: last.start, end: last.end } : null
  }
  return null
}
