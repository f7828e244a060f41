import { normalizeArabic } from './normalize-arabic.js'

/**
 * Nouns that name a person by role or title, normalized and without the article (السفير → سفير).
 * One lexicon for the whole pipeline: question analysis reads them as "asks for a person", answer
 * spans as the start of a name ("المخرج السويدي روبن أوستلوند").
 */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set(
  [
  'وزير', 'وزيره', 'سفير', 'سفيره', 'رئيس', 'رئيسه', 'ملك', 'ملكه', 'امير', 'اميره', 'صحفي', 'صحفيه', 'صحافي', 'مندوب', 'زعيم', 'قائد',
  'ناطق', 'متحدث', 'متحدثه', 'مسوول', 'مسووله', 'كاتب', 'كاتبه', 'مولف', 'شخص', 'رجل', 'امراه', 'عاهل', 'مدير', 'مديره', 'نائب',
  'جنرال', 'شيخ', 'رهينه', 'ضحيه', 'منفذ', 'مراسل', 'سيد', 'سيده', 'دكتور', 'دكتوره', 'محافظ', 'امين', 'مستشار', 'مستشاره',
  'مخرج', 'مخرجه', 'ممثل', 'ممثله', 'لاعب', 'لاعبه', 'مدرب', 'حارس', 'نجم', 'نجمه', 'عالم', 'عالمه', 'باحث', 'باحثه', 'مهندس',
  'استاذ', 'استاذه', 'بروفيسور', 'قاضي', 'قاضيه', 'رائد', 'مؤسس', 'مؤسسه', 'فنان', 'فنانه', 'شاعر', 'شاعره', 'روائي', 'روائيه',
  ].map((role) => normalizeArabic(role)),
)

/** Whether a normalized word (with or without the article or a clitic) is a person's role noun. */
export function isPersonRole(normalized: string): boolean {
  return PERSON_ROLE_NOUNS.has(normalized) || PERSON_ROLE_NOUNS.has(normalized.replace(/^(وال|فال|بال|كال|لل|ال|و|ف)/, ''))
}

/** The role nouns in normalized form, for comparing normalized words (the same set: the list is normalized as it is read). */
export const NORMALIZED_PERSON_ROLES: ReadonlySet<string> = PERSON_ROLE_NOUNS
