import { normalizeArabic } from '../text/normalize-arabic.js'
import { stemWord } from '../text/stem-word.js'
import { approximateRoot } from './approximate-root.js'

// Particles that negate what follows. ما is left out: it is far more often a relative pronoun.
const NEGATORS = new Set(
  ['لم', 'لن', 'لا', 'ليس', 'ليست', 'ليسوا', 'لست', 'غير', 'عدم', 'بلا', 'بدون', 'دون', 'لسنا', 'ولم', 'ولن', 'وليس', 'وغير', 'بغير', 'بعدم', 'وعدم', 'لعدم', 'وبلا', 'وبدون', 'فلم', 'فلن', 'فلا']
    .map((word) => normalizeArabic(word)),
)
const ENGLISH_NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'without', 'neither', 'nor', 'none', 'nothing', 'nobody'])
// Fixed phrases whose negator negates nothing: لا سيما "especially", لا بد "must".
const IDIOM_FOLLOWERS = new Set(['سيما', 'سيّما', 'بد', 'شك'].map((word) => normalizeArabic(word)))

/** True when a normalized word negates what follows it (given the word that follows). */
export function isNegator(word: string, nextWord: string | undefined): boolean {
  if (ENGLISH_NEGATORS.has(word) || /n't$/.test(word)) return true
  if (!NEGATORS.has(word)) return false
  return nextWord === undefined || !IDIOM_FOLLOWERS.has(nextWord)
}

// Verbs and nouns whose meaning carries a negation (refused, failed): a claim that says "refused to
// sign" negates "signed" as surely as لم يوقع does.
const NEGATIVE_WORDS = new Set(['رفض', 'فشل', 'إخفاق', 'أخفق', 'امتنع', 'نفى', 'refuse', 'fail', 'reject', 'deny'].flatMap(describeForLexicon))

// غير and عدم negate the one noun they are joined to (غير المشروع); a verb negator reaches further.
const SINGLE_WORD_NEGATORS = new Set(['غير', 'وغير', 'بغير'])

/** How many following words a negator can negate. */
export function measureNegationScope(word: string): number {
  return SINGLE_WORD_NEGATORS.has(word) ? 1 : 3
}

/** True when a word, given by its lexicon keys, carries a negation in its meaning (رفض، فشل، refuse). */
export function isNegativeWord(keys: readonly string[]): boolean {
  return keys.some((key) => NEGATIVE_WORDS.has(key))
}

// Pairs of opposed meanings, each side a set of words; matched through the root guess so that
// inflected forms meet. Generic Arabic and English, not tied to any article.
const OPPOSITES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['نجح', 'نجاح', 'succeed', 'success'], ['فشل', 'إخفاق', 'أخفق', 'fail', 'failure']],
  [['قبل', 'وافق', 'رحب', 'أيد', 'تأييد', 'ترحيب', 'welcome', 'accept', 'approve', 'support'], ['رفض', 'عارض', 'استنكر', 'استنكار', 'أدان', 'إدانة', 'ندد', 'توجس', 'reject', 'refuse', 'oppose', 'condemn']],
  [['زيادة', 'زاد', 'رفع', 'ارتفع', 'تعزيز', 'عزز', 'increase', 'raise', 'strengthen'], ['قطع', 'خفض', 'انخفض', 'قلص', 'تقليص', 'نقص', 'عرقلة', 'عرقل', 'أضعف', 'decrease', 'cut', 'reduce', 'weaken', 'hinder']],
  [['أعلى', 'أقصى', 'highest', 'maximum'], ['أدنى', 'خفض', 'lowest', 'minimum', 'lower']],
  [['سهل', 'easy'], ['صعب', 'difficult', 'hard']],
  [['طويل', 'long'], ['قصير', 'short']],
  [['ثابت', 'constant', 'fixed'], ['متغير', 'تغير', 'تطور', 'تلون', 'changing', 'evolve']],
  [['معتدل', 'moderate'], ['متشدد', 'متطرف', 'extremist', 'radical']],
  [['حرية', 'حر', 'free', 'freedom'], ['مقيد', 'قيد', 'restricted', 'limited']],
  [['شمال', 'شمالي', 'north', 'northern'], ['جنوب', 'جنوبي', 'south', 'southern']],
  [['كبير', 'big', 'large'], ['صغير', 'small']],
  [['حاسم', 'واضح', 'decisive', 'clear'], ['متردد', 'غامض', 'hesitant', 'unclear']],
  [['قوي', 'قوة', 'strong'], ['ضعيف', 'ضعف', 'weak']],
  [['فاز', 'انتصر', 'win', 'won'], ['خسر', 'هزم', 'lose', 'lost']],
  [['بداية', 'بدأ', 'start', 'begin'], ['نهاية', 'انتهى', 'end']],
  [['سلام', 'سلم', 'peace'], ['حرب', 'war']],
  [['مؤقت', 'temporary'], ['دائم', 'permanent']],
  [['قديم', 'old'], ['جديد', 'new']],
]
const OPPOSITE_KEYS = new Map<string, Set<string>>()
for (const [first, second] of OPPOSITES) {
  const firstKeys = first.flatMap(describeForLexicon)
  const secondKeys = second.flatMap(describeForLexicon)
  for (const [keys, opposite] of [[firstKeys, secondKeys], [secondKeys, firstKeys]] as const) {
    for (const key of keys) OPPOSITE_KEYS.set(key, new Set([...(OPPOSITE_KEYS.get(key) ?? []), ...opposite]))
  }
}

/** The lexicon keys opposed to a word's keys (نجح for فشل), or an empty list when it has no listed opposite. */
export function findOppositeKeys(keys: readonly string[]): string[] {
  const opposite = new Set<string>()
  for (const key of keys) for (const other of OPPOSITE_KEYS.get(key) ?? []) opposite.add(other)
  return [...opposite]
}

/**
 * The keys a word is looked up by in the polarity lexicons: its stem and its root guess, also
 * without a و/ف/ب/ل/ك proclitic (بحرية → حرية); roots shorter than two letters are too ambiguous.
 */
export function describeForLexicon(word: string): string[] {
  const normalized = normalizeArabic(word)
  const variants = /^[\u0621-\u064A]/.test(normalized) && /^[وفبلك]/.test(normalized) && normalized.length > 4 ? [normalized, normalized.slice(1)] : [normalized]
  const keys = new Set<string>()
  for (const variant of variants) {
    const stem = stemWord(variant)
    keys.add(stem)
    const root = approximateRoot(stem)
    if (root.length >= 2) keys.add(root)
  }
  return [...keys]
}
