import { beforeAll, describe, expect, it } from 'vitest'
import { findEntityMentions } from '../../../src/index/guide/find-entity-mentions.js'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { BROAD_ARTICLE } from '../../fixtures/broad-article.js'
import { buildMemoryIndex } from '../../support/build-memory-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await buildMemoryIndex({
    news: BROAD_ARTICLE,
    agency: ['وكالة الفضاء تطلق قمرا', '', 'أطلقت وكالة الفضاء الأوروبية (إيسا) قمرا جديدا من قاعدة في غويانا.', 'وقال مدير وكالة الفضاء الأوروبية (إيسا) يوهان شميت إن الإطلاق نجح.', 'وأكد شميت أن القمر سيرصد المناخ في مدينة ليون وفي إفريقيا.', ''].join('\n'),
  })
})

const entitiesOf = (docId: string) =>
  findEntityMentions(index, docId).map((entity) => ({ kind: entity.kind, name: entity.name, mentions: entity.mentions.map((mention) => index.textOf({ docId, ...mention })) }))

describe('findEntityMentions', () => {
  it('should find a person after a title, and later mentions by the surname', () => {
    expect(entitiesOf('news')).toContainEqual({ kind: 'person', name: 'سالم الكبير', mentions: ['سالم الكبير', 'سالم الكبير'] })
    expect(entitiesOf('agency')).toContainEqual({ kind: 'person', name: 'يوهان شميت', mentions: ['يوهان شميت', 'شميت'] })
  })

  it('should find organisations after a head noun, with their acronym, and places after a place noun or a preposition', () => {
    const news = entitiesOf('news')
    expect(news).toContainEqual({ kind: 'organisation', name: 'منظمة الصحة العالمية', mentions: ['منظمة الصحة العالمية'] })
    expect(news).toContainEqual({ kind: 'place', name: 'السلام', mentions: ['السلام'] })
    const agency = entitiesOf('agency')
    expect(agency).toContainEqual({ kind: 'organisation', name: 'وكالة الفضاء الأوروبية', mentions: ['وكالة الفضاء الأوروبية', 'إيسا', 'وكالة الفضاء الأوروبية', 'إيسا'] })
    expect(agency.filter((entity) => entity.kind === 'place').map((entity) => entity.name)).toEqual(expect.arrayContaining(['غويانا', 'ليون']))
  })

  it('should not take a verbal noun after a preposition for a place', () => {
    expect(entitiesOf('news').some((entity) => entity.kind === 'place' && /تطعيم|تدريب|توفير/.test(entity.name))).toBe(false)
  })
})
