import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { segmentSentences, type SentenceSpan } from '../../src/text/segment-sentences.js'
import { ARTICLE_TEXT, offsetInArticle } from '../fixtures/foundation-article.js'

const sentencesOf = (text: string, from?: number, to?: number): string[] =>
  segmentSentences(text, from, to).map((span) => text.slice(span.start, span.end))

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

describe('segmentSentences', () => {
  it('should end sentences at . ؟ ! ؛ and …', () => {
    expect(sentencesOf('بدأت الحرب. هل انتهت؟ لا! ثم ماذا؛ ربما… نعم')).toEqual([
      'بدأت الحرب.', 'هل انتهت؟', 'لا!', 'ثم ماذا؛', 'ربما…', 'نعم',
    ])
  })

  it('should end a sentence at a newline even without punctuation', () => {
    expect(sentencesOf('التحدي العالمي\nإن التحالف ضد الإرهاب العالمي يتطلب ضبط التمويل')).toEqual([
      'التحدي العالمي', 'إن التحالف ضد الإرهاب العالمي يتطلب ضبط التمويل',
    ])
  })

  it('should keep a run of terminators with the sentence it ends', () => {
    expect(sentencesOf('حقا؟! نعم... انتهى')).toEqual(['حقا؟!', 'نعم...', 'انتهى'])
  })

  it('should split at a full stop that has no space after it', () => {
    const text = 'وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب.إضافة إلى انه صادق على مجموعة اتفاقات'
    expect(sentencesOf(text)).toEqual([
      'وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب.',
      'إضافة إلى انه صادق على مجموعة اتفاقات',
    ])
  })

  it('should not split dates written with a slash or glued to a month', () => {
    const sentence = 'كان الموقف الحاسم الذي اتخذه العاهل المغربي الملك محمد السادس ضد أحداث 11 سبتمبر/أيلول2001، تأكيدا واضحا.'
    expect(sentencesOf(sentence)).toEqual([sentence])
    expect(sentencesOf('أعلن اوباما عن مقتل بن لادن في 2 مايو 2011 بمنطقة “أبوتاباد” في باكستان.')).toHaveLength(1)
  })

  it('should not split a decimal number or a Latin initial', () => {
    expect(sentencesOf('ارتفع التمويل 3.5 مرة. ثم تراجع')).toEqual(['ارتفع التمويل 3.5 مرة.', 'ثم تراجع'])
    expect(sentencesOf('قالت U.S. Army ذلك. وانتهى')).toEqual(['قالت U.S. Army ذلك.', 'وانتهى'])
  })

  it('should not split inside “…” and should keep the closing quote with its sentence', () => {
    const text = 'قال السفير “هو الموقف. كل عمل عربي يهدف إلى مكافحة الإرهاب!” ثم غادر. وانتهى اللقاء'
    expect(sentencesOf(text)).toEqual(['قال السفير “هو الموقف. كل عمل عربي يهدف إلى مكافحة الإرهاب!” ثم غادر.', 'وانتهى اللقاء'])
    expect(sentencesOf('قال “انتهى.” وبدأ غيره')).toEqual(['قال “انتهى.” وبدأ غيره'])
    expect(sentencesOf('وقف تدفق المقاتلين الأجانب”. من هنا تصبح الحرب')).toEqual(['وقف تدفق المقاتلين الأجانب”.', 'من هنا تصبح الحرب'])
    expect(sentencesOf('سألوا: “هل انتهت؟” نعم.')).toEqual(['سألوا: “هل انتهت؟” نعم.'])
  })

  it('should forget an unclosed quote at the end of the line', () => {
    expect(sentencesOf('قال “لم يغلق. هنا\nسطر آخر. وثالث')).toEqual(['قال “لم يغلق. هنا', 'سطر آخر.', 'وثالث'])
  })

  it('should drop pieces without a letter or a digit', () => {
    expect(sentencesOf('…\n  \n؟!\nنص.')).toEqual(['نص.'])
  })

  it('should segment only the range it is given, with offsets into the whole text', () => {
    const from = offsetInArticle('وفي سبتمبر من هذا العام 2014')
    const to = ARTICLE_TEXT.indexOf('\n', from)
    const spans = segmentSentences(ARTICLE_TEXT, from, to)
    expect(spans[0]!.start).toBe(from)
    expect(spans.at(-1)!.end).toBe(to)
    expect(ARTICLE_TEXT.slice(spans[0]!.start, spans[0]!.end)).toBe(
      'وفي سبتمبر من هذا العام 2014، يخطب اوباما خطابا يدعو فيه إلى تحالف دولي ضد داعش، إحدى رضيعات القاعدة القاتلة.',
    )
  })

  it('should cut the article into trimmed sentences that never cross a line', () => {
    const spans = segmentSentences(ARTICLE_TEXT)
    expect(spans.length).toBeGreaterThan(40)
    for (const span of spans) {
      const sentence = ARTICLE_TEXT.slice(span.start, span.end)
      expect(sentence).toBe(sentence.trim())
      expect(sentence).not.toContain('\n')
    }
    expect(sentencesOf(ARTICLE_TEXT)).toContain('منذ سبتمبر 2001 والولايات المتحدة الأميركية في سباق الخطوة الأولى مع بن لادن زعيم القاعدة المقتول.')
  })

  const alphabet = [...'ابتجدرسعفقلمنهويءأةى٢0123456789abcXY    .؟?!؛…“”"\')\n']
  const textAndRange = fc
    .string({ unit: fc.constantFrom(...alphabet), maxLength: 120 })
    .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)))
    .map(([text, a, b]) => ({ text, from: Math.min(a, b), to: Math.max(a, b) }))

  it('should give trimmed, ordered, non-empty spans inside the range for any text', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, from, to }) => {
        let previous: SentenceSpan | null = null
        for (const span of segmentSentences(text, from, to)) {
          const sentence = text.slice(span.start, span.end)
          expect(span.start).toBeGreaterThanOrEqual(previous?.end ?? from)
          expect(span.end).toBeLessThanOrEqual(to)
          expect(sentence).toBe(sentence.trim())
          expect(sentence).not.toContain('\n')
          expect(sentence).toMatch(LETTER_OR_DIGIT)
          previous = span
        }
      }),
    )
  })

  it('should leave no letter or digit of the range outside a sentence', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, from, to }) => {
        const spans = segmentSentences(text, from, to)
        for (let index = from; index < to; index++) {
          if (!LETTER_OR_DIGIT.test(text[index]!)) continue
          expect(spans.some((span) => span.start <= index && index < span.end), `character ${index} of ${JSON.stringify(text)}`).toBe(true)
        }
      }),
    )
  })
})
