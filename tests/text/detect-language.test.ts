import { describe, expect, it } from 'vitest'
import { detectLanguage, detectLatinLanguage } from '../../src/text/detect-language.js'

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

describe('detectLatinLanguage', () => {
  it('should recognize made-up questions in six European languages by their function words and letters', () => {
    expect(detectLatinLanguage('Qui a signé l’accord avec la Belgique ?')).toBe('fr')
    expect(detectLatinLanguage("Qu'est-ce que le ministre a dit ?")).toBe('fr')
    expect(detectLatinLanguage('Wann wurde das Abkommen mit Belgien unterzeichnet?')).toBe('de')
    expect(detectLatinLanguage('¿Cuándo se firmó el acuerdo con Bélgica?')).toBe('es')
    expect(detectLatinLanguage('Chi ha firmato l’accordo con il Belgio?')).toBe('it')
    expect(detectLatinLanguage('Quem assinou o acordo com a Bélgica?')).toBe('pt')
    expect(detectLatinLanguage('Wie heeft het akkoord met België getekend?')).toBe('nl')
  })

  it('should keep English questions English, even with words other languages share or foreign names', () => {
    expect(detectLatinLanguage('When was the agreement with Belgium signed?')).toBe('en')
    expect(detectLatinLanguage('Where was the minister born?')).toBe('en')
    expect(detectLatinLanguage('What did François de la Tour say in Le Monde?')).toBe('en')
    expect(detectLatinLanguage("The minister's name?")).toBe('en')
  })

  it('should stay with English when there is too little to go on', () => {
    expect(detectLatinLanguage('Pourquoi ?')).toBe('en')
    expect(detectLatinLanguage('Belgium agreement date')).toBe('en')
    expect(detectLatinLanguage('')).toBe('en')
  })
})
