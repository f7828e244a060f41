/** An English term with the Arabic it is written as in news, overriding the dictionary. */
export interface CuratedTerm {
  /** Spellings, as whole words or phrases; lower case unless `matchCase`. */
  english: readonly string[]
  /** Arabic renderings, the usual one first. */
  arabic: readonly string[]
  /** Whether only the spelling as given counts ("US" the country, not "us" the pronoun). */
  matchCase?: boolean
  /** The English name to show a reader for the Arabic. */
  display: string
}

/**
 * A deliberately small list of terms that the FreeDict dictionary gets wrong or lacks, in two groups,
 * both general knowledge and never facts of any article:
 * - modern terms whose dictionary sense is a trap: "ISIS" is the goddess there (إيزيس), "US" the
 *   pronoun (نحن), "Islamic State" a state that is Islamic; and acronyms and dates it lacks;
 * - exonyms: places whose Arabic name is not a transliteration of the English one
 *   (Casablanca → الدار البيضاء), which name transliteration therefore cannot find.
 * Everything else goes through the dictionary and transliteration.
 */
export const CURATED_TERMS: readonly CuratedTerm[] = [
  // Modern terms.
  { english: ['isis', 'isil', 'daesh', 'daish', 'islamic state'], arabic: ['داعش', 'الدولة الإسلامية', 'تنظيم الدولة'], display: 'ISIS' },
  { english: ['al-qaeda', 'al qaeda', 'al-qaida', 'al qaida', 'qaeda', 'qaida'], arabic: ['القاعدة', 'تنظيم القاعدة'], display: 'al-Qaeda' },
  { english: ['US', 'U.S.', 'U.S', 'USA', 'U.S.A.'], arabic: ['الولايات المتحدة', 'أمريكا', 'أميركا'], matchCase: true, display: 'the United States' },
  { english: ['united states', 'united states of america'], arabic: ['الولايات المتحدة', 'أمريكا', 'أميركا'], display: 'the United States' },
  { english: ['UN'], arabic: ['الأمم المتحدة'], matchCase: true, display: 'the UN' },
  { english: ['united nations'], arabic: ['الأمم المتحدة'], display: 'the United Nations' },
  { english: ['UK'], arabic: ['بريطانيا', 'المملكة المتحدة'], matchCase: true, display: 'the UK' },
  { english: ['EU'], arabic: ['الاتحاد الأوروبي'], matchCase: true, display: 'the EU' },
  { english: ['european union'], arabic: ['الاتحاد الأوروبي'], display: 'the European Union' },
  { english: ['arab league', 'league of arab states'], arabic: ['جامعة الدول العربية', 'الجامعة العربية'], display: 'the Arab League' },
  { english: ['security council'], arabic: ['مجلس الأمن'], display: 'the Security Council' },
  { english: ['white house'], arabic: ['البيت الأبيض'], display: 'the White House' },
  { english: ['9/11', 'september 11'], arabic: ['11 سبتمبر', '11 أيلول'], display: '9/11' },
  // Exonyms.
  { english: ['casablanca'], arabic: ['الدار البيضاء'], display: 'Casablanca' },
  { english: ['saudi arabia'], arabic: ['السعودية', 'المملكة العربية السعودية'], display: 'Saudi Arabia' },
  { english: ['middle east'], arabic: ['الشرق الأوسط'], display: 'the Middle East' },
  { english: ['maghreb'], arabic: ['المغرب العربي'], display: 'the Maghreb' },
  { english: ['fez', 'fes'], arabic: ['فاس'], display: 'Fez' },
]
