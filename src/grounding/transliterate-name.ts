// Latin letters and digraphs to the Arabic consonants they are usually written with; vowels
// (and w, y, which Arabic writes with و/ي, dropped by the skeleton) map to nothing.
const DIGRAPHS: Record<string, readonly string[]> = {
  sh: ['ش'], ch: ['ش', 'تش'], th: ['ث', 'ت'], kh: ['خ'], gh: ['غ'], ph: ['ف'], dh: ['ذ', 'ض'], ng: ['ن', 'نغ', 'نج'], ck: ['ك'], qu: ['ك', 'ق'],
}
const LETTERS: Record<string, readonly string[]> = {
  b: ['ب'], c: ['ك', 'س'], d: ['د', 'ض'], f: ['ف'], g: ['ج', 'غ', 'ك', 'ق'], h: ['ه', 'ح', ''], j: ['ج'], k: ['ك', 'ق'],
  l: ['ل'], m: ['م'], n: ['ن'], p: ['ب'], q: ['ق', 'ك'], r: ['ر'], s: ['س', 'ص', 'ز'], t: ['ت', 'ط'], v: ['ف'],
  x: ['كس'], z: ['ز'], a: [''], e: [''], i: [''], o: [''], u: [''], w: [''], y: [''],
}
const MAXIMUM_CANDIDATES = 96

/**
 * The Arabic consonant skeletons a Latin-script name is likely written with (Obama → بم, Foley →
 * فل), to compare with the skeletons of Arabic words; at most a few dozen candidates.
 */
export function transliterateName(name: string): string[] {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1')
  let candidates = ['']
  for (let index = 0; index < letters.length; ) {
    const pair = letters.slice(index, index + 2)
    const options = DIGRAPHS[pair] ?? LETTERS[letters[index]!] ?? ['']
    index += DIGRAPHS[pair] ? 2 : 1
    const next = new Set<string>()
    for (const candidate of candidates) for (const option of options) next.add(candidate + option)
    candidates = [...next].slice(0, MAXIMUM_CANDIDATES)
  }
  return [...new Set(candidates.map((candidate) => candidate.replace(/(.)\1+/g, '$1')))].filter((candidate) => candidate.length > 0)
}
