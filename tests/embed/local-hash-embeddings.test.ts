import { Embeddings } from '@langchain/core/embeddings'
import { describe, expect, it } from 'vitest'
import { LocalHashEmbeddings } from '../../src/embed/local-hash-embeddings.js'
import { consonantSkeleton } from '../../src/text/consonant-skeleton.js'
import { normalizeArabic } from '../../src/text/normalize-arabic.js'
import { stemWord } from '../../src/text/stem-word.js'
import { tokenize } from '../../src/text/tokenize.js'
import { ARTICLE_TEXT } from '../fixtures/foundation-article.js'

const embeddings = new LocalHashEmbeddings()
const norm = (vector: ArrayLike<number>): number => Math.sqrt(Array.from(vector).reduce((sum, value) => sum + value * value, 0))
const vectors = new Map<string, Float32Array>()
const vectorOf = (text: string): Float32Array => {
  let vector = vectors.get(text)
  if (!vector) vectors.set(text, (vector = embeddings.embedSync(text)))
  return vector
}
const cosine = (left: string, right: string): number => {
  const a = vectorOf(left)
  const b = vectorOf(right)
  return a.reduce((sum, value, index) => sum + value * b[index]!, 0)
}

describe('LocalHashEmbeddings', () => {
  it('should be a LangChain Embeddings named after its version and dimensions', () => {
    expect(embeddings).toBeInstanceOf(Embeddings)
    expect(embeddings.dimensions).toBe(512)
    expect(embeddings.id).toBe('local-hash-v1-512')
    expect(new LocalHashEmbeddings({ dimensions: 256 }).id).toBe('local-hash-v1-256')
  })

  it('should give the same input the identical vector, across instances', async () => {
    const text = 'فبعد مقتل الصحفي الأميركي “جيمس فولي” أعلنت الولايات المتحدة أنها فشلت في إنقاذ رهائن'
    const first = await embeddings.embedQuery(text)
    const second = await new LocalHashEmbeddings().embedQuery(text)
    expect(second).toEqual(first)
    expect((await embeddings.embedDocuments([text, text]))[1]).toEqual(first)
  })

  it('should return L2-normalized vectors of the configured length', async () => {
    const vectors = await embeddings.embedDocuments(['داعش', 'إعلان الحرب ضد داعش', 'Obama announced the death of bin Laden in 2011'])
    for (const vector of vectors) {
      expect(vector).toHaveLength(512)
      expect(norm(vector)).toBeCloseTo(1, 5)
    }
    expect(await new LocalHashEmbeddings({ dimensions: 64 }).embedQuery('المغرب')).toHaveLength(64)
  })

  it('should leave a text without content words at the zero vector instead of dividing by zero', async () => {
    const vector = await embeddings.embedQuery('ما هو؟')
    expect(vector.every((value) => value === 0)).toBe(true)
    expect(vector.some(Number.isNaN)).toBe(false)
  })

  it('should put spelling variants of the article close together, closer than any unrelated word of the article', () => {
    const skeletonOf = (word: string): string => consonantSkeleton(stemWord(normalizeArabic(word)))
    const articleWords = [...new Set(tokenize(ARTICLE_TEXT).filter((token) => !token.isStopword && !token.isNumber).map((token) => ARTICLE_TEXT.slice(token.start, token.end)))]
    for (const [left, right] of [['الأميركي', 'الأمريكي'], ['الأمريكي', 'الأميركي'], ['اوباما', 'أوباما'], ['والولايات', 'الولايات']] as const) {
      const similarity = cosine(left, right)
      const unrelated = articleWords.filter((word) => skeletonOf(word) !== skeletonOf(left))
      expect(unrelated.length).toBeGreaterThan(300)
      expect(similarity, `${left}/${right}`).toBeGreaterThan(0.5)
      expect(unrelated.filter((word) => cosine(left, word) >= similarity), `${left}/${right}`).toEqual([])
    }
  })

  it('should keep a phrase closer to its spelling variant than to another phrase', () => {
    const query = 'الصحفي الأمريكي المقتول'
    expect(cosine(query, 'مقتل الصحفي الأميركي جيمس فولي')).toBeGreaterThan(cosine(query, 'تفجيرات مايو سنة 2003 بالدار البيضاء'))
  })

  it('should ignore diacritics, tatweel and Arabic-Indic digits', () => {
    expect(cosine('تحدٍّ كبير عام ٢٠١٤', 'تحد كبير عام 2014')).toBeCloseTo(1, 5)
    expect(cosine('الإرهـــاب', 'الإرهاب')).toBeCloseTo(1, 5)
  })
})

describe('LocalHashEmbeddings word memo', () => {
  it('should give a text the same vector whatever the embedder embedded before', async () => {
    const text = 'زار الوفد مدينة طنجة في 2021 وزار الوفد الميناء'
    const fresh = new LocalHashEmbeddings({ dimensions: 128 })
    const used = new LocalHashEmbeddings({ dimensions: 128 })
    for (const other of ['الوفد الميناء طنجة', 'ميناء المدينة 2021', 'a visit to the port']) used.embedSync(other)
    expect(Array.from(used.embedSync(text))).toEqual(Array.from(fresh.embedSync(text)))
    expect(await used.embedQuery(text)).toEqual(Array.from(fresh.embedSync(text)))
  })
})

describe('consonantSkeleton', () => {
  it('should drop long vowels so that loanword spellings meet', () => {
    const stem = (word: string) => stemWord(normalizeArabic(word))
    expect(consonantSkeleton(stem('الأميركي'))).toBe(consonantSkeleton(stem('الأمريكي')))
    expect(consonantSkeleton('اميرك')).toBe('مرك')
  })

  it('should leave Latin words and numbers alone', () => {
    expect(consonantSkeleton('obama')).toBe('obama')
    expect(consonantSkeleton('2001')).toBe('2001')
  })
})
