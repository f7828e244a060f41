import { beforeAll, describe, expect, it } from 'vitest'
import { buildTimeline } from '../../../src/index/guide/build-timeline.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({
    news: BROAD_ARTICLE,
    undated: ['تقرير بلا تاريخ كامل', '', 'وفي سبتمبر من هذا العام 2019 افتتح المعرض الكبير أبوابه للزوار.', 'وأقرت الحكومة، الخميس الماضي، خطة جديدة للنقل العام في العاصمة.', 'وكانت الحكومة قد أعلنت الخطة في مارس من العام نفسه أمام البرلمان.', ''].join('\n'),
  })
})

const describeEvents = (docId: string) =>
  buildTimeline(index, docId).map((event) => ({ date: [event.year, event.month, event.day], placement: event.placement, written: index.textOf({ docId, start: event.dateStart, end: event.dateEnd }) }))

describe('buildTimeline', () => {
  it("should place relative dates by the article's own lead date and sort the events", () => {
    expect(describeEvents('news')).toEqual([
      { date: [2025, 1, null], placement: 'inferred', written: 'يناير الماضي' },
      { date: [2025, 3, 3], placement: 'absolute', written: 'الاثنين 3 مارس 2025' },
      { date: [2025, 6, 30], placement: 'inferred', written: '30 يونيو المقبل' },
    ])
  })

  it('should flag a weekday counted back from a present known only to the month, and read "من العام نفسه"', () => {
    const events = describeEvents('undated')
    expect(events).toContainEqual({ date: [2019, 9, null], placement: 'relative', written: 'الخميس الماضي' })
    expect(events).toContainEqual({ date: [2019, 3, null], placement: 'inferred', written: 'مارس' })
    expect(events.map((event) => event.date[1])).toEqual([3, 9, 9])
  })

  it('should cite each event by a span of the document that holds its date', () => {
    for (const event of buildTimeline(index, 'news')) {
      expect(event.start).toBeLessThanOrEqual(event.dateStart)
      expect(event.end).toBeGreaterThanOrEqual(event.dateEnd)
    }
  })
})
