import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreSupport, SUPPORT_THRESHOLD, type SupportPassage } from '../../src/grounding/score-support.js'

function passage(text: string, start = 0): SupportPassage {
  return { docId: 'article', start, end: start + text.length, text }
}

const DEATH = passage('أعلن بعدها باراك اوباما عن مقتل بن لادن في 2 مايو 2011 بمنطقة “أبوتاباد” في باكستان')
const BELGIUM = passage('وفي الإطار ذاته صادقت الحكومة المغربية في يونيو الماضي على اتفاقية تعاون مع الحكومة البلجيكية')
const TREATY = passage('وقع المغرب على الاتفاقية الدولية لمكافحة عمليات تمويل الإرهاب')
const JEDDAH = passage('رغم عدم توجيه دعوة المغرب المشاركة في مؤتمر جدة')
const RESCUE = passage('فبعد مقتل الصحفي الأميركي “جيمس فولي” أعلنت الولايات المتحدة أنها فشلت في إنقاذ رهائن')

describe('scoreSupport', () => {
  it('should support a claim that restates the passage', () => {
    const result = scoreSupport('أعلن باراك اوباما عن مقتل بن لادن في 2 مايو 2011', [DEATH])
    expect(result.supported).toBe(true)
    expect(result.score).toBeGreaterThan(0.9)
    expect(result.supportedBy).toEqual([DEATH])
    expect(result.issues).toEqual([])
  })

  it('should tolerate hamza, taa marbuta and spelling variants of names', () => {
    const result = scoreSupport('أعلن أوباما مقتل بن لادن في باكستان', [DEATH])
    expect(result.supported).toBe(true)
  })

  it('should read Arabic-Indic digits as the same number', () => {
    expect(scoreSupport('قتل بن لادن في ٢ مايو ٢٠١١', [DEATH]).supported).toBe(true)
  })

  it('should reject a claim whose year differs from the passage', () => {
    const result = scoreSupport('أعلن أوباما مقتل بن لادن في 2 مايو 2012', [DEATH])
    expect(result.supported).toBe(false)
    expect(result.issues).toContainEqual({ kind: 'number-mismatch', claim: '2012', evidence: '2011' })
  })

  it('should reject a claim whose month differs, and accept the Levantine name of the same month', () => {
    const wrong = scoreSupport('قتل بن لادن في 2 يونيو 2011', [DEATH])
    expect(wrong.supported).toBe(false)
    expect(wrong.issues).toContainEqual({ kind: 'date-mismatch', claim: 'يونيو', evidence: 'مايو' })
    expect(scoreSupport('قتل بن لادن في 2 أيار 2011', [DEATH]).supported).toBe(true)
  })

  it('should read a number written in words', () => {
    const coalition = passage('حول موقف المغرب من التحالف الذي يضم 40 دولة لمحاربة الإرهاب الداعشي')
    expect(scoreSupport('يتكون التحالف المناهض لداعش من أربعين دولة', [coalition]).supported).toBe(true)
    expect(scoreSupport('يضم التحالف ثلاثين دولة', [coalition]).issues).toContainEqual({ kind: 'number-mismatch', claim: '30', evidence: '40' })
  })

  it('should reject France where the passage says Belgium', () => {
    const result = scoreSupport('صادقت الحكومة المغربية في يونيو على اتفاقية تعاون مع فرنسا', [BELGIUM])
    expect(result.supported).toBe(false)
    expect(result.issues).toContainEqual(expect.objectContaining({ claim: 'فرنسا' }))
  })

  it('should accept a country for its nationality adjective and a capital for its country', () => {
    expect(scoreSupport('صادقت الحكومة المغربية في يونيو على اتفاقية تعاون مع بلجيكا', [BELGIUM]).supported).toBe(true)
    expect(scoreSupport('أقرت الرباط في يونيو اتفاق تعاون مع بروكسل', [BELGIUM]).supported).toBe(true)
  })

  describe('swaps of places, organisations and people, in any inflection', () => {
    const TRADE = passage('وقعت الحكومة المصرية اتفاقا للتجارة مع الحكومة الإيطالية في روما.')

    it('should find a conflict when another country stands in its place, whatever its form', () => {
      for (const claim of [
        'وقعت الحكومة المصرية اتفاقا للتجارة مع الحكومة الإسبانية',
        'وقعت الحكومة المصرية اتفاقا للتجارة مع الإسبانيين',
        'وقعت مصر اتفاقا للتجارة مع إسبانيا',
        'وقعت الحكومة التونسية اتفاقا للتجارة مع الحكومة الإيطالية',
      ]) {
        const result = scoreSupport(claim, [TRADE])
        expect(result.score, claim).toBeLessThan(0.5)
        expect(result.issues.map((issue) => issue.kind), claim).toContain('entity-conflict')
      }
      expect(scoreSupport('وقعت الحكومة المصرية اتفاقا للتجارة مع الحكومة الإسبانية', [TRADE]).issues).toContainEqual({
        kind: 'entity-conflict', entity: 'place', claim: 'الإسبانية', evidence: 'الإيطالية',
      })
    })

    it('should support the same countries in other forms', () => {
      expect(scoreSupport('وقّع المصريون اتفاقا للتجارة مع الإيطاليين', [TRADE]).supported).toBe(true)
      expect(scoreSupport('وقعت القاهرة اتفاقا للتجارة مع الحكومة الإيطالية', [TRADE]).supported).toBe(true)
    })

    it('should let a nationality adjective describe what the passage names, when nothing else stands there', () => {
      expect(scoreSupport('أعلن الرئيس الفرنسي خطة جديدة للنقل', [passage('أعلن الرئيس ماكرون خطة جديدة للنقل')]).supported).toBe(true)
    })

    it('should find an organisation swap', () => {
      const result = scoreSupport('انضمت الدولة إلى منظمة التجارة العالمية عام 1990', [passage('انضمت الدولة إلى منظمة الصحة العالمية عام 1990.')])
      expect(result.supported).toBe(false)
      expect(result.issues).toContainEqual(expect.objectContaining({ kind: 'entity-conflict', entity: 'organisation' }))
    })

    it('should find a person swap after a title, and the same person named again', () => {
      const finance = passage('وقال وزير المالية خالد سليم إن العجز تراجع، حسب سليم.')
      const swapped = scoreSupport('وقال وزير المالية رامي ناصر إن العجز تراجع', [finance])
      expect(swapped.supported).toBe(false)
      expect(swapped.issues).toContainEqual(expect.objectContaining({ kind: 'entity-conflict', entity: 'person', evidence: 'خالد سليم' }))
      expect(scoreSupport('قال وزير المالية خالد سليم إن العجز تراجع', [finance]).supported).toBe(true)
    })
  })

  it('should reject a person name that the passage does not contain', () => {
    const result = scoreSupport('أعلن جورج بوش عن مقتل بن لادن', [DEATH])
    expect(result.supported).toBe(false)
    expect(result.issues.some((issue) => issue.kind === 'missing-name' || issue.kind === 'entity-conflict')).toBe(true)
  })

  it('should reject a claim that negates what the passage states', () => {
    for (const claim of ['لم يوقع المغرب على الاتفاقية الدولية لمكافحة تمويل الإرهاب', 'رفض المغرب التوقيع على الاتفاقية الدولية لمكافحة تمويل الإرهاب']) {
      const result = scoreSupport(claim, [TREATY])
      expect(result.supported).toBe(false)
      expect(result.issues.map((issue) => issue.kind)).toContain('negation-mismatch')
    }
  })

  it('should accept a negated claim when the passage negates the same thing', () => {
    expect(scoreSupport('لم يُدعَ المغرب إلى مؤتمر جدة', [JEDDAH]).supported).toBe(true)
    expect(scoreSupport('تلقى المغرب دعوة للمشاركة في مؤتمر جدة', [JEDDAH]).issues).toContainEqual({ kind: 'event-contradiction', claim: 'دعوة', evidence: 'عدم توجيه دعوة المغرب' })
  })

  it('should reject a claim that states the opposite of the passage', () => {
    const result = scoreSupport('نجحت الولايات المتحدة في إنقاذ الرهائن', [RESCUE])
    expect(result.supported).toBe(false)
  })

  describe('events the passage says did not or could not happen', () => {
    const SUMMIT = passage('رغم عدم توجيه دعوة إلى الوزير للمشاركة في القمة الاقتصادية، فإن بلاده أصدرت بيانا يرحب بنتائجها.')
    const RESCUE_TEAM = passage('وقالت الشرطة إن فرق الإنقاذ فشلت في الوصول إلى القرية بسبب الثلوج، ولم تستطع إجلاء السكان قبل المساء.')

    it('should contradict a claim that the event took place, though the claim has no negation word', () => {
      for (const [claim, text] of [
        ['شارك الوزير في القمة الاقتصادية بوفد رسمي', SUMMIT],
        ['حضر الوزير القمة الاقتصادية', SUMMIT],
        ['وصلت فرق الإنقاذ إلى القرية رغم الثلوج', RESCUE_TEAM],
        ['أجلت فرق الإنقاذ السكان قبل المساء', RESCUE_TEAM],
      ] as const) {
        const result = scoreSupport(claim, [text])
        expect(result.score, claim).toBeLessThan(0.5)
        expect(result.issues.map((issue) => issue.kind), claim).toContain('event-contradiction')
      }
      expect(scoreSupport('نجحت فرق الإنقاذ في الوصول إلى القرية', [RESCUE_TEAM]).issues).toContainEqual({ kind: 'event-contradiction', claim: 'نجحت', evidence: 'فشلت' })
    })

    it('should support the same events told as not having happened', () => {
      expect(scoreSupport('لم يُدعَ الوزير إلى القمة الاقتصادية', [SUMMIT]).supported).toBe(true)
      expect(scoreSupport('لم تتمكن فرق الإنقاذ من الوصول إلى القرية', [RESCUE_TEAM]).supported).toBe(true)
      expect(scoreSupport('رحبت بلاد الوزير بنتائج القمة', [SUMMIT]).supported).toBe(true)
    })

    it('should contradict a claim that uses the opposite word, in either direction', () => {
      const prices = passage('وارتفعت أسعار القمح في الأسواق المحلية خلال الشهر الماضي، بينما غاب المنتجون عن المعرض الزراعي.')
      for (const claim of ['انخفضت أسعار القمح في الأسواق المحلية خلال الشهر الماضي', 'شارك المنتجون في المعرض الزراعي']) {
        const result = scoreSupport(claim, [prices])
        expect(result.supported, claim).toBe(false)
        expect(result.issues.map((issue) => issue.kind), claim).toContain('event-contradiction')
      }
      expect(scoreSupport('زادت أسعار القمح في الأسواق المحلية', [prices]).supported).toBe(true)
    })

    it('should let a negated opposite agree, and a claim that names both sides oppose nothing', () => {
      expect(scoreSupport('اتسمت الاحتجاجات بالطابع السلمي', [passage('اتسمت الاحتجاجات بالطابع غير العنيف في أغلب المدن.')]).issues.map((issue) => issue.kind)).not.toContain('event-contradiction')
      expect(scoreSupport('يمتد الطريق من الشمال إلى الجنوب', [passage('يمتد الطريق من الشمال إلى الجنوب عبر الوادي.')]).supported).toBe(true)
    })
  })

  it('should reject a claim that swaps who did what to whom', () => {
    const result = scoreSupport('أعلن بن لادن عن مقتل أوباما', [DEATH])
    expect(result.supported).toBe(false)
    expect(result.issues).toContainEqual({ kind: 'role-swap', first: 'لادن', second: 'أوباما' })
  })

  it('should give stopwords no credit', () => {
    const result = scoreSupport('في من على إلى عن', [DEATH])
    expect(result.score).toBe(0)
    expect(result.supported).toBe(false)
  })

  it('should reject an unrelated claim', () => {
    expect(scoreSupport('أطلقت وكالة ناسا مسباراً جديداً نحو المريخ', [DEATH]).supported).toBe(false)
  })

  it('should combine two passages that each carry part of the claim', () => {
    const result = scoreSupport('وقع المغرب الاتفاقية الدولية لمكافحة تمويل الإرهاب وصادق في يونيو على اتفاقية تعاون مع بلجيكا', [TREATY, BELGIUM])
    expect(result.supported).toBe(true)
    expect(result.supportedBy).toEqual([TREATY, BELGIUM])
    expect(scoreSupport('وقع المغرب الاتفاقية الدولية لمكافحة تمويل الإرهاب وصادق في يونيو على اتفاقية تعاون مع بلجيكا', [TREATY]).supported).toBe(false)
  })

  it('should leave out a passage that adds nothing', () => {
    const result = scoreSupport('أعلن أوباما مقتل بن لادن', [DEATH, TREATY])
    expect(result.supportedBy).toEqual([DEATH])
  })

  it('should check an English claim about an Arabic passage through its numbers and names only', () => {
    const anchored = scoreSupport('Obama announced that bin Laden was killed in Pakistan on 2 May 2011.', [DEATH])
    expect(anchored.supported).toBe(true)
    expect(anchored.issues.map((issue) => issue.kind)).toContain('cross-language')
    expect(scoreSupport('Bin Laden was killed on 2 May 2012.', [DEATH]).issues).toContainEqual({ kind: 'number-mismatch', claim: '2012', evidence: '2011' })
    expect(scoreSupport('Morocco signed the international convention.', [TREATY]).supported).toBe(false)
  })

  it('should check an English claim word by word when given a dictionary', () => {
    const dictionary: Record<string, string[]> = { signed: ['وقع'], international: ['الدولية'], convention: ['الاتفاقية'], financing: ['تمويل'], terrorism: ['الإرهاب'] }
    const result = scoreSupport('Morocco signed the international convention against the financing of terrorism.', [TREATY], {
      translateWord: (word) => dictionary[word] ?? [],
    })
    expect(result.supported).toBe(true)
    expect(result.issues.map((issue) => issue.kind)).not.toContain('cross-language')
  })

  it('should keep its score in [0,1] and its verdict at the threshold for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 120 }), { maxLength: 3 }), (claim, texts) => {
        const passages = texts.map((text) => passage(text))
        const result = scoreSupport(claim, passages)
        expect(result.score).toBeGreaterThanOrEqual(0)
        expect(result.score).toBeLessThanOrEqual(1)
        expect(result.supported).toBe(result.score >= SUPPORT_THRESHOLD)
        for (const used of result.supportedBy) expect(passages).toContain(used)
      }),
      { numRuns: 200 },
    )
  })
})
