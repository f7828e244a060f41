import { describe, expect, it } from 'vitest'
import { createSupportFinder } from '../../src/grounding/create-support-finder.js'

const TEXT = 'عنوان المقال\nأعلن اوباما مقتل بن لادن في 2 مايو 2011. وقع المغرب على الاتفاقية الدولية لمكافحة تمويل الإرهاب.\nصادقت الحكومة المغربية في يونيو على اتفاقية تعاون مع الحكومة البلجيكية.'

describe('createSupportFinder', () => {
  it('should return the sentence that supports a claim, as an exact span of the document', () => {
    const findSupport = createSupportFinder([{ docId: 'doc', text: TEXT }])
    const [best] = findSupport('صادق المغرب على اتفاقية تعاون مع بلجيكا')
    expect(best).toBeDefined()
    expect(best!.text).toContain('البلجيكية')
    expect(TEXT.slice(best!.start, best!.end)).toBe(best!.text)
  })

  it('should return at most the requested number of passages', () => {
    const findSupport = createSupportFinder([{ docId: 'doc', text: TEXT }], { limit: 1 })
    expect(findSupport('المغرب والاتفاقية ومقتل بن لادن').length).toBeLessThanOrEqual(1)
  })

  it('should return nothing for a claim that shares no word with the sources', () => {
    const findSupport = createSupportFinder([{ docId: 'doc', text: TEXT }])
    expect(findSupport('ارتفعت أسعار القمح')).toEqual([])
  })
})
