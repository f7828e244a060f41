import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeQuestion } from '../../../src/answer/analyze-question.js'
import { gatherListItems } from '../../../src/answer/broad/gather-list-items.js'
import { weightTerms } from '../../../src/answer/weight-terms.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { HybridRetriever } from '../../../src/retrieve/hybrid-retriever.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
let retriever: HybridRetriever
beforeAll(async () => {
  index = await buildMemoryIndex({
    news: BROAD_ARTICLE,
    banks: ['البنوك ترفع الفائدة', '', 'رفع البنك المركزي الأردني سعر الفائدة إلى 7%، فيما رفع البنك المركزي الكويتي سعر الخصم إلى 4.25%، بينما أبقى البنك المركزي المغربي سعره دون تغيير.', 'وقال محللون إن القرار كان متوقعا.', ''].join('\n'),
  })
  retriever = new HybridRetriever(index, 5)
})

const itemsFor = (question: string, docId: string) =>
  gatherListItems(index, [docId], weightTerms(analyzeQuestion(question).terms, index.lexical, retriever.vocabulary), { shareOfBest: 0.7, maxItems: 6 }).map((span) => index.textOf(span))

describe('gatherListItems', () => {
  it('should gather every sentence where the asked-for kind of action happens, once each, in reading order', () => {
    const items = itemsFor('ما الاتفاقيات التي وقعتها الوزارة؟', 'news')
    expect(items).toEqual([
      'وكانت الوزارة قد وقعت في يناير الماضي اتفاقية مع منظمة الصحة العالمية لتوفير اللقاحات.',
      'كما وقعت الوزارة اتفاقية ثانية مع نقابة الأطباء لتدريب الممرضين على التطعيم.',
    ])
  })

  it('should cut a sentence holding several items at its coordinators', () => {
    const items = itemsFor('ما البنوك التي رفعت الفائدة؟', 'banks')
    expect(items).toContain('رفع البنك المركزي الأردني سعر الفائدة إلى 7%')
    expect(items).toContain('فيما رفع البنك المركزي الكويتي سعر الخصم إلى 4.25%')
    expect(new Set(items).size).toBe(items.length)
  })
})
