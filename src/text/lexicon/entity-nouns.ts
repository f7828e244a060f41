import { normalizeArabic } from '../normalize-arabic.js'

/**
 * Head nouns of organisation names in news Arabic ("منظمة الصحة العالمية", "وكالة الفضاء الأوروبية",
 * "مجموعة بريكس"), normalized and without the article: the words after one name the organisation.
 */
export const ORGANISATION_NOUNS: ReadonlySet<string> = new Set(
  [
    'منظمة', 'وكالة', 'مجلس', 'بنك', 'مصرف', 'جامعة', 'لجنة', 'حزب', 'شركة', 'اتحاد', 'مجموعة', 'محكمة', 'وزارة', 'هيئة',
    'تنظيم', 'حركة', 'صندوق', 'مؤسسة', 'جمعية', 'مركز', 'حلف', 'برنامج', 'مهرجان', 'منتخب', 'نادي', 'جيش', 'برلمان', 'حكومة',
  ].map((noun) => normalizeArabic(noun)),
)

/**
 * Nouns naming a kind of place that a place's name follows ("مدينة كان", "عاصمة جنوب أفريقيا"),
 * normalized and without the article. دولة، منطقة and مملكة are left out: "رابع دولة تحقق هبوطا".
 */
export const PLACE_KIND_NOUNS: ReadonlySet<string> = new Set(
  ['مدينة', 'عاصمة', 'ولاية', 'محافظة', 'إقليم', 'قرية', 'جزيرة', 'مقاطعة', 'بلدة'].map((noun) => normalizeArabic(noun)),
)

/** Nouns for a state, which a role's complement may hold before a name ("رئيس دولة الإمارات الشيخ محمد"). */
export const STATE_NOUNS: ReadonlySet<string> = new Set(['دولة', 'مملكة', 'جمهورية', 'إمارة', 'سلطنة'].map((noun) => normalizeArabic(noun)))

/** Particles inside personal names ("محمد بن زايد آل نهيان", "عبد الفتاح السيسي"), normalized. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت', 'ال', 'عبد', 'ابو', 'ام', 'دي', 'دا', 'فان', 'van', 'de', 'da'])
