import { beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceSentence } from '../../src/answer/build-evidence-sentences.js'
import { createCitedSentenceValidator } from '../../src/answer/create-cited-sentence-validator.js'
import { splitIntoClaims } from '../../src/grounding/split-into-claims.js'
import type { SanadIndex } from '../../src/index/sanad-index.js'
import { loadTestIndex } from '../support/load-test-index.js'

let evidence: EvidenceSentence[]

beforeAll(async () => {
  const index: SanadIndex = await loadTestIndex()
  evidence = index.corpus.sentences.slice(0, 12).map((sentence, position) => ({
    n: position + 1,
    docId: sentence.docId,
    start: sentence.start,
    end: sentence.end,
    text: index.textOf(sentence),
  }))
})

function numberOf(text: string): number {
  return evidence.find((sentence) => sentence.text.includes(text))!.n
}

function validate(reply: string) {
  const validator = createCitedSentenceValidator(evidence)
  const released = splitIntoClaims(reply).map((claim) => validator.accept(claim))
  return { released, result: validator.finish() }
}

describe('createCitedSentenceValidator', () => {
  it('should move markers written after the full stop to just before it', () => {
    const { result } = validate(`أعلن أوباما مقتل بن لادن في 2 مايو 2011. [${numberOf('2 مايو 2011')}]`)
    expect(result.answer).toBe('أعلن أوباما مقتل بن لادن في 2 مايو 2011 [1].')
  })

  it('should read grouped markers such as [2, 3] and cite each supporting sentence once', () => {
    const death = numberOf('2 مايو 2011')
    const speech = numberOf('يخطب اوباما خطابا')
    const { result } = validate(`أعلن أوباما مقتل بن لادن في 2 مايو 2011، ثم دعا في سبتمبر 2014 إلى تحالف دولي ضد داعش [${death}, ${speech}][${death}].`)
    expect(result.citations.map((citation) => citation.quote)).toEqual([evidence[death - 1]!.text, evidence[speech - 1]!.text])
    expect(result.answer).toMatch(/\[1\]\[2\]\.$/)
  })

  it('should count a sentence that cites nothing as removed and release nothing for it', () => {
    const { released, result } = validate('أعلن أوباما مقتل بن لادن في 2 مايو 2011.')
    expect(released).toEqual([null])
    expect(result).toMatchObject({ kept: 0, removed: 1, notInSources: false, citations: [] })
  })

  it('should count numbers that name no evidence sentence', () => {
    const { result } = validate(`أعلن أوباما مقتل بن لادن في 2 مايو 2011 [${evidence.length + 1}][${numberOf('2 مايو 2011')}].`)
    expect(result).toMatchObject({ kept: 1, unknownNumbers: 1 })
    expect(result.citations).toHaveLength(1)
  })

  it('should report NOT_IN_SOURCES without counting it as a removed sentence', () => {
    const { result } = validate('NOT_IN_SOURCES')
    expect(result).toMatchObject({ kept: 0, removed: 0, notInSources: true })
  })

  it('should keep a repeated sentence only once', () => {
    const n = numberOf('2 مايو 2011')
    const { result } = validate(`قتل بن لادن في أبوتاباد [${n}]. قتل بن لادن في أبوتاباد [${n}].`)
    expect(result.kept).toBe(1)
    expect(result.answer).toBe('قتل بن لادن في أبوتاباد [1].')
  })

  it('should remove a sentence whose number contradicts its evidence', () => {
    const { released, result } = validate(`قتل بن لادن عام 2012 [${numberOf('2 مايو 2011')}].`)
    expect(released).toEqual([null])
    expect(result).toMatchObject({ kept: 0, removed: 1 })
  })
})
