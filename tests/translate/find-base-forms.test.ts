import { describe, expect, it } from 'vitest'
import { findBaseForms } from '../../src/translate/find-base-forms.js'
import { findDerivedForms } from '../../src/translate/find-derived-forms.js'

describe('findBaseForms', () => {
  it.each([
    ['bombings', 'bombing'],
    ['bombings', 'bomb'],
    ['countries', 'country'],
    ['killed', 'kill'],
    ['approved', 'approve'],
    ['stopped', 'stop'],
    ['signing', 'sign'],
    ['making', 'make'],
    ['larger', 'large'],
    ['happiest', 'happy'],
    ['decisively', 'decisive'],
    ['took', 'take'],
    ["Morocco's", 'morocco'],
  ])('should find %s through its base form %s', (word, base) => {
    expect(findBaseForms(word)).toContain(base)
  })

  it('should not offer the word itself', () => {
    expect(findBaseForms('coalition')).not.toContain('coalition')
  })

  it('should leave words in -ss, -us and -is whole', () => {
    expect(findBaseForms('press')).not.toContain('pres')
    expect(findBaseForms('isis')).not.toContain('isi')
  })
})

describe('findDerivedForms', () => {
  it.each([
    ['invite', 'invitation'],
    ['agree', 'agreement'],
    ['sign', 'signature'],
    ['ratify', 'ratification'],
  ])('should offer the verbal noun of %s: %s', (word, noun) => {
    expect(findDerivedForms(word)).toContain(noun)
  })
})
