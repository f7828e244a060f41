import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/text/detect-language.js'

describe('detectLanguage', () => {
  it('should recognize an Arabic question', () => {
    expect(detectLanguage('من هو الصحفي الأميركي الذي قتل؟')).toBe('ar')
  })

  it('should recognize an English question', () => {
    expect(detectLanguage('Who was the American journalist who was killed?')).toBe('en')
  })

  it('should call Arabic with a few Latin words Arabic', () => {
    expect(detectLanguage('ما موقف المغرب من تنظيم ISIS؟')).toBe('ar')
  })

  it('should fall back to Arabic when there are no letters', () => {
    expect(detectLanguage('2001 ؟')).toBe('ar')
    expect(detectLanguage('')).toBe('ar')
  })
})
