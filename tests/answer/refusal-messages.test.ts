import { describe, expect, it } from 'vitest'
import { refusalMessage } from '../../src/answer/refusal-messages.js'

describe('refusalMessage', () => {
  it('should refuse an unsupported language in that language where it has the words', () => {
    expect(refusalMessage('unsupported-language', 'fr')).toMatch(/^L'article est en arabe/)
    expect(refusalMessage('unsupported-language', 'de')).toMatch(/^Der Artikel ist auf Arabisch/)
    expect(refusalMessage('unsupported-language', 'es')).toMatch(/^El artículo está en árabe/)
  })

  it('should fall back to English for a language it has no words for, and for the other refusals', () => {
    expect(refusalMessage('unsupported-language', 'sv')).toBe(refusalMessage('unsupported-language', 'en'))
    expect(refusalMessage('not-in-sources', 'fr')).toBe(refusalMessage('not-in-sources', 'en'))
    expect(refusalMessage('not-in-sources', 'ar')).not.toBe(refusalMessage('not-in-sources', 'en'))
  })
  it('should say that an injection attempt was refused as an instruction, not that the answer is missing', () => {
    expect(refusalMessage('injection', 'ar')).toMatch(/^رفضتُ التعليمات/)
    expect(refusalMessage('injection', 'en')).toMatch(/^Instruction refused/)
    expect(refusalMessage('injection', 'ar')).not.toBe(refusalMessage('not-in-sources', 'ar'))
  })
})
