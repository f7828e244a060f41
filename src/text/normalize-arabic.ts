const DIACRITICS_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g

const CHARACTER_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ی': 'ي', 'ة': 'ه', 'ک': 'ك',
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'",
}
for (let digit = 0; digit <= 9; digit++) {
  CHARACTER_MAP[String.fromCharCode(0x0660 + digit)] = String(digit)
  CHARACTER_MAP[String.fromCharCode(0x06f0 + digit)] = String(digit)
}
const MAPPED_CHARACTERS = new RegExp(`[${Object.keys(CHARACTER_MAP).join('')}]`, 'g')

/**
 * Normalizes Arabic the way Lucene's ArabicNormalizer does, plus digits, quotes and case:
 * hamza forms to bare letters, ة→ه, ى→ي, no diacritics or tatweel, Arabic-Indic digits to ASCII.
 */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(DIACRITICS_AND_TATWEEL, '')
    .replace(MAPPED_CHARACTERS, (character) => CHARACTER_MAP[character] ?? character)
    .toLowerCase()
}
