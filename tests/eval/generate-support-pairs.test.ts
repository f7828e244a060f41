import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateSupportPairs, readCountryForm, writeCountryForm, type PairSourceDocument } from '../../src/eval/generate-support-pairs.js'
import { loadPairSources, PAIR_SEED } from '../../src/eval/load-pair-sources.js'
import { PERTURBATION_COUNTRIES } from '../../src/eval/perturbation-lexicon.js'
import { HELD_OUT_SUPPORT_PAIRS_PATH, loadSupportPairs } from '../../src/eval/question-set.js'

const SPAIN = PERTURBATION_COUNTRIES.findIndex((country) => country.name === 'إسبانيا')

const DOCUMENT: PairSourceDocument = {
  id: 'made-up',
  paragraphs: [
    'أعلنت الحكومة الفرنسية يوم الاثنين 3 مارس 2021 عن خطة جديدة للنقل العام في المدن الكبرى. وقال الوزير سامر حداد إن الخطة تشمل خمسين حافلة كهربائية.',
    'وشارك الوفد البلجيكي في المؤتمر الذي عقد في بروكسل، لكن الحكومة لم تعلن موعد التنفيذ بعد. وارتفعت أسعار التذاكر بنسبة 12% خلال العام الماضي.',
  ],
  questions: [{ question: 'متى أعلنت الحكومة عن خطة النقل؟', answers: ['3 مارس 2021'] }],
  people: ['سامر حداد'],
}
const QUOTA = { none: 2, clause: 2, number: 3, date: 2, 'entity-swap': 3, name: 1, negation: 2, 'event-contradiction': 2, antonym: 2, partial: 1, 'on-question': 1, 'off-question': 1 } as const

describe('readCountryForm and writeCountryForm', () => {
  it('should read a nationality adjective in every inflection and write another country in the same one', () => {
    const cases: [string, string][] = [
      ['الفرنسية', 'الإسبانية'],
      ['بالفرنسيين', 'بالإسبانيين'],
      ['للفرنسيات', 'للإسبانيات'],
      ['والفرنسي', 'والإسباني'],
      ['فرنسيون', 'إسبانيون'],
      ['فرنسا', 'إسبانيا'],
      ['وبفرنسا', 'وبإسبانيا'],
    ]
    for (const [written, expected] of cases) {
      const form = readCountryForm(written)
      expect(form, written).not.toBeNull()
      expect(writeCountryForm(form!, SPAIN)).toBe(expected)
    }
  })

  it('should keep the article of a country name after ل and merge it', () => {
    const morocco = readCountryForm('للمغرب')
    expect(morocco).toMatchObject({ isAdjective: false, prefix: 'ل' })
    const algeria = PERTURBATION_COUNTRIES.findIndex((country) => country.name === 'الجزائر')
    expect(writeCountryForm(morocco!, algeria)).toBe('للجزائر')
  })

  it('should not read an ordinary word as a country', () => {
    for (const word of ['الحكومة', 'المدينة', 'الوزير']) expect(readCountryForm(word)).toBeNull()
  })
})

describe('generateSupportPairs', () => {
  const pairs = generateSupportPairs([DOCUMENT, { ...DOCUMENT, id: 'other', paragraphs: ['تقع الجزيرة في المحيط الهادئ وتبلغ مساحتها نحو ألفي كيلومتر مربع.'], questions: [], people: [] }], () => QUOTA, 7)

  it('should draw the same pairs for the same seed', () => {
    expect(generateSupportPairs([DOCUMENT], () => QUOTA, 7)).toEqual(generateSupportPairs([DOCUMENT], () => QUOTA, 7))
  })

  it('should pair every claim with one of the document paragraphs and label verbatim claims supported', () => {
    for (const pair of pairs.filter((candidate) => candidate.source === 'made-up')) {
      expect(DOCUMENT.paragraphs).toContain(pair.passage)
      expect(pair.supported).toBe(['none', 'clause', 'on-question'].includes(pair.perturbation))
    }
  })

  it('should change a number to one the passage does not hold', () => {
    const numbers = pairs.filter((pair) => pair.perturbation === 'number')
    expect(numbers.length).toBeGreaterThan(0)
    for (const pair of numbers) {
      const claimNumbers = pair.claim.match(/\d+/g) ?? []
      expect(claimNumbers.some((number) => !pair.passage.includes(number))).toBe(true)
    }
  })

  it('should swap a nationality adjective keeping its inflection, and negate or assert events', () => {
    const swaps = pairs.filter((pair) => pair.perturbation === 'entity-swap')
    expect(swaps.some((pair) => /الحكومة ال\S+ية/.test(pair.claim) && !pair.claim.includes('الفرنسية'))).toBe(true)
    expect(pairs.some((pair) => pair.perturbation === 'negation' && /لم |لا /.test(pair.claim))).toBe(true)
    expect(pairs.find((pair) => pair.perturbation === 'event-contradiction')?.claim).toContain('الحكومة أعلنت موعد التنفيذ')
    const antonyms = pairs.filter((pair) => pair.perturbation === 'antonym').map((pair) => pair.claim)
    expect(antonyms.some((claim) => claim.includes('وانخفضت أسعار التذاكر') || claim.includes('وغاب الوفد البلجيكي'))).toBe(true)
    expect(pairs.find((pair) => pair.perturbation === 'name')?.claim).not.toContain('سامر حداد')
  })

  it('should ask the question of the sentence that answers it, and of one that does not', () => {
    expect(pairs.find((pair) => pair.perturbation === 'on-question')).toMatchObject({ supported: true, question: 'متى أعلنت الحكومة عن خطة النقل؟' })
    const off = pairs.find((pair) => pair.perturbation === 'off-question')!
    expect(off.supported).toBe(false)
    expect(off.claim).not.toContain('3 مارس 2021')
  })

  it('should reproduce the generated pairs committed in the data sets', async () => {
    const { documents, quotaOf } = await loadPairSources()
    const regenerated = generateSupportPairs(documents, quotaOf, PAIR_SEED)
    const committed = [...(await loadSupportPairs()), ...(await loadSupportPairs(HELD_OUT_SUPPORT_PAIRS_PATH))].filter((pair) => pair.origin === 'generated')
    expect(new Map(committed.map((pair) => [pair.id, pair]))).toEqual(new Map(regenerated.map((pair) => [pair.id, pair])))
    // The four development news articles only: health and sport are held out for another purpose.
    const sources = new Set(regenerated.map((pair) => pair.source))
    expect(sources.has('health') || sources.has('sport')).toBe(false)
    expect(await readFile(new URL('../../datasets/support-sources/arcd-paragraphs.json', import.meta.url), 'utf8')).toContain('"arcd-00"')
  })
})
