const ARABIC_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي']
const ARABIC_LETTER = /[\u0621-\u064A]/

/** Light10 (Larkey et al.), as in Lucene's ArabicStemmer; expects normalized input. */
export function stemArabic(word: string): string {
  let stem = word
  for (const prefix of ARABIC_PREFIXES) {
    const minimum = prefix.length === 1 ? 4 : prefix.length + 2
    if (stem.length >= minimum && stem.startsWith(prefix)) {
      stem = stem.slice(prefix.length)
      break
    }
  }
  return stripArabicSuffixes(stem)
}

/** Light10's suffix pass alone, for words whose first letter only looks like a prefix. */
export function stripArabicSuffixes(word: string): string {
  let stem = word
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.length >= suffix.length + 2 && stem.endsWith(suffix)) stem = stem.slice(0, -suffix.length)
  }
  return stem
}

/** A light English suffix stripper (plural, -ed, -ing), enough to match inflected query words. */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1)
  return word
}

/** Stems one normalized word with the stemmer of its script; numbers pass through. */
export function stemWord(word: string): string {
  if (ARABIC_LETTER.test(word)) return stemArabic(word)
  if (/^[a-z]+$/.test(word)) return stemEnglish(word)
  return word
}
