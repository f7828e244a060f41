import { describe, expect, it } from 'vitest'
import { splitIntoClaims, stripCitationMarkers } from '../../src/grounding/split-into-claims.js'

describe('splitIntoClaims', () => {
  it('should split at Arabic and Latin sentence ends and read the markers of each sentence', () => {
    const claims = splitIntoClaims('قُتل بن لادن في 2 مايو 2011 [1]. وقع المغرب الاتفاقية [2][3]؟ Morocco signed it [1, 2].')
    expect(claims.map((claim) => claim.claim)).toEqual(['قُتل بن لادن في 2 مايو 2011.', 'وقع المغرب الاتفاقية؟', 'Morocco signed it.'])
    expect(claims.map((claim) => claim.citedNumbers)).toEqual([[1], [2, 3], [1, 2]])
  })

  it('should give a marker that follows the full stop to the sentence before it', () => {
    const claims = splitIntoClaims('قُتل بن لادن في باكستان. [1] وقع المغرب الاتفاقية.[2]')
    expect(claims.map((claim) => claim.citedNumbers)).toEqual([[1], [2]])
    expect(claims[0]!.text).toBe('قُتل بن لادن في باكستان. [1]')
  })

  it('should keep the offsets of each sentence into the answer', () => {
    const answer = 'الأولى [1]. الثانية [2].'
    for (const claim of splitIntoClaims(answer)) expect(answer.slice(claim.start, claim.end)).toBe(claim.text)
  })

  it('should strip list bullets and numbering and skip sentences with no words', () => {
    const claims = splitIntoClaims('- البحرين [1]\n2. بلجيكا [2]\n[3]')
    expect(claims.map((claim) => claim.claim)).toEqual(['البحرين', 'بلجيكا'])
    expect(claims[1]!.citedNumbers).toEqual([2, 3])
  })
})

describe('stripCitationMarkers', () => {
  it('should remove markers and the space before punctuation they leave', () => {
    expect(stripCitationMarkers('وقع المغرب الاتفاقية [1][2]. ثم [3]، غير ذلك')).toBe('وقع المغرب الاتفاقية. ثم، غير ذلك')
  })
})
