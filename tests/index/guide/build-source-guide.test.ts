import { beforeAll, describe, expect, it } from 'vitest'
import { buildSourceGuide } from '../../../src/index/guide/build-source-guide.js'
import { SourceGuideSchema } from '../../../src/index/guide/source-guide.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({ news: BROAD_ARTICLE })
})

describe('buildSourceGuide', () => {
  it('should hold a summary, points for every section, the timeline, the entities and starter questions, all within the document', () => {
    const guide = SourceGuideSchema.parse(buildSourceGuide(index, 'news'))
    const text = index.documents.get('news')!.text
    expect(guide.title).toBe('وزارة الصحة تطلق حملة تطعيم جديدة')
    expect(guide.summary.length).toBeGreaterThanOrEqual(3)
    expect(guide.sections.map((section) => section.heading)).toEqual([null, 'الاستعدادات للحملة', 'ردود الفعل'])
    expect(guide.timeline.map((event) => text.slice(event.dateStart, event.dateEnd))).toEqual(['يناير الماضي', 'الاثنين 3 مارس 2025', '30 يونيو المقبل'])
    for (const span of [...guide.summary, ...guide.sections.flatMap((section) => section.points), ...guide.entities.flatMap((entity) => entity.mentions)]) {
      expect(span.start).toBeGreaterThanOrEqual(0)
      expect(span.end).toBeLessThanOrEqual(text.length)
    }
    expect(guide.questions.map((question) => question.question)).toEqual([
      'لخص المقال',
      'رتب الأحداث زمنيا',
      'ماذا قال سالم الكبير؟',
      'ماذا يقول المقال عن «الاستعدادات للحملة»؟',
      'ماذا يقول المقال عن «ردود الفعل»؟',
    ])
  })

  it('should be built with the index and kept with it', () => {
    expect(index.guides.get('news')).toEqual(buildSourceGuide(index, 'news'))
  })
})
