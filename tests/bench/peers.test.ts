import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdsGold, loadPeerCorpus, type LoadedPeerCorpus } from '../../src/bench/load-peer-corpus.js'
import { measurePeer } from '../../src/bench/measure-peer.js'
import { createLangChainMemorySystem } from '../../src/bench/peers/create-langchain-memory-system.js'
import { createOramaSystem } from '../../src/bench/peers/create-orama-system.js'
import { createSanadSystem } from '../../src/bench/peers/create-sanad-system.js'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'

const CHUNKER = { maxCharacters: 600, overlapSentences: 1 }
// A made-up ARCD file in SQuAD form: two articles, each paragraph with one question.
const ARCD = {
  version: '1.0',
  data: [
    {
      title: 'نهر النيل',
      paragraphs: [
        { context: 'يعد نهر النيل أطول أنهار العالم، ويبلغ طوله نحو 6650 كيلومترا. ينبع النيل من بحيرة فيكتوريا.', qas: [{ question: ' - كم يبلغ طول نهر النيل؟ ', id: '1', answers: [{ text: '6650 كيلومترا', answer_start: 40 }] }] },
      ],
    },
    {
      title: 'جبل طارق',
      paragraphs: [
        { context: 'سمي مضيق جبل طارق باسم القائد طارق بن زياد الذي عبره سنة 711 ميلادية.', qas: [{ question: 'متى عبر طارق بن زياد المضيق؟', id: '2', answers: [{ text: '711', answer_start: 50 }] }] },
      ],
    },
  ],
}

let folder: string
let arcd: LoadedPeerCorpus
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sanad-peers-'))
  await writeFile(join(folder, 'arcd.json'), JSON.stringify(ARCD))
  arcd = await loadPeerCorpus({ name: 'arcd', path: join(folder, 'arcd.json') }, CHUNKER)
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('holdsGold', () => {
  it('should find a gold string in a chunk whatever the spacing, and nothing else', () => {
    expect(holdsGold('يبلغ طوله\nنحو  6650 كيلومترا.', ['6650 كيلومترا'])).toBe(true)
    expect(holdsGold('يبلغ طوله نحو 6650 كيلومترا.', ['711'])).toBe(false)
  })
})

describe('loadPeerCorpus', () => {
  it('should make one source per ARCD article and strip the dashes some questions start with', () => {
    expect(arcd.sources.map((source) => source.text.split('\n')[0])).toEqual(['نهر النيل', 'جبل طارق'])
    expect(arcd.questions).toEqual([
      { question: 'كم يبلغ طول نهر النيل؟', gold: ['6650 كيلومترا'] },
      { question: 'متى عبر طارق بن زياد المضيق؟', gold: ['711'] },
    ])
    expect(arcd.chunkTexts.length).toBeGreaterThanOrEqual(2)
  })

  it('should give the article the Arabic answerable questions of the question set, with their evidence as gold', async () => {
    const article = await loadPeerCorpus({ name: 'article', sourcesDirectory: join(import.meta.dirname, '..', '..', 'index', 'sources') }, CHUNKER)
    expect(article.questions.length).toBeGreaterThan(20)
    for (const question of article.questions) expect(question.gold?.length).toBeGreaterThan(0)
    // The chunks cover the evidence: every gold string sits in some chunk.
    const reachable = article.questions.filter((question) => article.chunkTexts.some((text) => holdsGold(text, question.gold!)))
    expect(reachable.length / article.questions.length).toBeGreaterThan(0.9)
  })
})

describe('the retrieval systems compared', () => {
  const embeddings = new LocalHashEmbeddings()
  for (const system of [createSanadSystem(embeddings, CHUNKER), createOramaSystem(embeddings, 'test'), createLangChainMemorySystem(embeddings, 'test')]) {
    it(`should find the chunk that answers each question with ${system.name}, measured by measurePeer`, async () => {
      const measured = await measurePeer(system, { ...arcd, name: 'arcd' }, { samples: 5, warmup: 1, budgetMs: 10_000 })
      expect(measured).toMatchObject({ system: system.name, corpus: 'arcd', hitAt5: 1, goldQuestions: 2 })
      expect(measured.latency.count).toBe(5)
      expect(measured.rssBytes).toBeGreaterThan(0)
      const [best] = await system.search('كم يبلغ طول نهر النيل؟', 1)
      expect(arcd.chunkTexts[best!]).toContain('6650')
    })
  }
})
