import { ara, eng } from 'stopword'
import { ARABIC_MONTHS, WEEKDAYS } from './calendar-words.js'
import { normalizeArabic } from './normalize-arabic.js'

// Question words and a few function words that the stopword package lacks; in normalized form.
const EXTRA_ARABIC = [
  'ما', 'ماذا', 'متي', 'كم', 'اين', 'من', 'لماذا', 'كيف', 'هل', 'اي', 'ايه', 'اذكر', 'عدد', 'هي', 'هو',
  'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'تم', 'قد', 'لقد', 'كان', 'كانت', 'يكون', 'تكون', 'ذلك', 'تلك',
  'هذا', 'هذه', 'هناك', 'او', 'ام', 'ثم', 'حتي', 'اذ', 'اذا', 'ان', 'انه', 'انها', 'الي', 'علي', 'عن', 'في',
  'مع', 'بين', 'عند', 'لدي', 'منذ', 'حول', 'خلال', 'عبر', 'بعد', 'قبل', 'كل', 'بكل', 'جد', 'فيه', 'فيها', 'به', 'بها',
  'له', 'لها', 'لهم', 'منها', 'منه', 'عليه', 'عليها', 'وهو', 'وهي', 'ولا', 'وما', 'فما', 'وماذا', 'ومتي', 'وكم',
  'واين', 'ومن', 'وكيف', 'ولماذا', 'وهل', 'حسب', 'يقول', 'قال', 'ايضا', 'اخري', 'اخر', 'بعض', 'غيرها',
  // Interrogatives as they are often typed: glued (ماهو) or with a preposition (بماذا، لمن، ممن، بكم، باي).
  'ماهو', 'ماهي', 'ماهم', 'لمادا', 'بماذا', 'لماذا', 'لمن', 'ممن', 'بكم', 'باي', 'اعطي', 'اذكري',
]
// Prepositions carrying a pronoun (عنه، فيها، لديهم) are function words too.
const PREPOSITIONS = ['عن', 'من', 'في', 'علي', 'الي', 'ل', 'ب', 'مع', 'عند', 'لدي', 'بين', 'حول', 'بعد', 'قبل', 'منذ', 'ضد', 'دون', 'عبر', 'مثل']
const PRONOUN_SUFFIXES = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'ي', 'نا']
const PREPOSITION_FORMS = PREPOSITIONS.flatMap((preposition) =>
  PRONOUN_SUFFIXES.map((suffix) => `${preposition}${suffix}`),
)
// "بأي", "لأي", "وأي": a preposition or conjunction glued to the interrogative.
const INTERROGATIVE_FORMS = ['باي', 'لاي', 'فاي', 'واي', 'بما', 'لما', 'فيما', 'بمن', 'لمن', 'عمن', 'ممن', 'عما', 'مما']
const AUXILIARIES = ['تمت', 'يتم', 'تتم', 'سيتم', 'كانوا', 'يكونون', 'اصبح', 'اصبحت', 'مازال', 'لايزال', 'ليس', 'ليست']

const EXTRA_ENGLISH = ['what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'did', 'does', 'do', 'was', 'were', 'is', 'are', 'article', 'say', 'says', 'said', 'tell', 'me', 'according']

// The stopword package lists some month names (مايو، أيار); a date is evidence, never a stopword.
const CALENDAR_WORDS = new Set([...ARABIC_MONTHS.keys(), ...WEEKDAYS])

/** Normalized Arabic and English stopwords; they carry no evidence of support or relevance. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...ara.map((word) => normalizeArabic(word)).filter((word) => !CALENDAR_WORDS.has(word)),
  ...EXTRA_ARABIC,
  ...PREPOSITION_FORMS,
  ...AUXILIARIES,
  ...INTERROGATIVE_FORMS,
  ...eng,
  ...EXTRA_ENGLISH,
])

/** True when a normalized word is a stopword. */
export function isStopword(normalizedWord: string): boolean {
  return STOPWORDS.has(normalizedWord)
}
