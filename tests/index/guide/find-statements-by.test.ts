import { beforeAll, describe, expect, it } from 'vitest'
import { findStatementsBy } from '../../../src/index/guide/find-statements-by.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { tokenize } from '../../../src/text/tokenize.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({
    news: BROAD_ARTICLE,
    summit: [
      'قمة المناخ',
      '',
      'ووصف الرئيس الفرنسي القرار بأنه "تاريخي"، فيما قال رئيس الوزراء الكندي جان تريمبلي إن الاتفاق "سيغير قواعد اللعبة".',
      'أما وزير الخارجية البرازيلي لويس فيريرا فقال إن بلاده ستدرس التفاصيل.',
      'وتتلون المواقف حسب الجهة التي تمول المشروعات.',
      '',
    ].join('\n'),
  })
})

// Words as the question would give them, stemmed as the index stems its text.
const stems = (words: string[]) => words.map((word) => tokenize(word).map((token) => token.stem))
const quotesOf = (docId: string, names: string[], descriptors: string[] = []) =>
  findStatementsBy(index, [docId], { names: stems(names), descriptors: stems(descriptors) }).map((span) => index.textOf(span))

describe('findStatementsBy', () => {
  it("should find a speaker's quotation and the sentence that continues it, but not an act announced", () => {
    const quotes = quotesOf('news', ['الكبير'])
    expect(quotes).toEqual([
      'وقال وزير الصحة سالم الكبير في مؤتمر صحفي: "نريد حماية كل طفل قبل نهاية العام".',
      'وأضاف أن الحملة ستشمل مليون تلميذ في عشرين محافظة.',
    ])
  })

  it('should read a verb of stance and an attribution after what was said', () => {
    expect(quotesOf('news', ['نقابة'])).toEqual(['ورحبت نقابة الأطباء بالحملة، معتبرة أنها "خطوة ضرورية لحماية الأجيال القادمة من المرض".'])
    expect(quotesOf('news', [], ['الوزارة'])).toContain('ومن المقرر أن تنتهي الحملة في 30 يونيو المقبل، حسب الوزارة.')
  })

  it('should cut a sentence quoting two speakers at the coordinator between them', () => {
    expect(quotesOf('summit', ['تريمبلي'])).toEqual(['فيما قال رئيس الوزراء الكندي جان تريمبلي إن الاتفاق "سيغير قواعد اللعبة".'])
    expect(quotesOf('summit', [], ['الرئيس', 'الفرنسي'])).toEqual(['ووصف الرئيس الفرنسي القرار بأنه "تاريخي"'])
  })

  it('should find a speaker named before the verb, and not take "حسب" inside a clause for an attribution', () => {
    expect(quotesOf('summit', ['فيريرا'])).toEqual(['أما وزير الخارجية البرازيلي لويس فيريرا فقال إن بلاده ستدرس التفاصيل.'])
    expect(quotesOf('summit', [], ['الجهة'])).toEqual([])
  })
})
