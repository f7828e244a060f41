/** Gregorian month names as written in Arabic (Egyptian/Maghrebi and Levantine forms), normalized, with their number. */
export const ARABIC_MONTHS: ReadonlyMap<string, number> = new Map([
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['ماي', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليوز', 7], ['اغسطس', 8], ['غشت', 8], ['سبتمبر', 9], ['شتنبر', 9], ['اكتوبر', 10],
  ['نوفمبر', 11], ['نونبر', 11], ['ديسمبر', 12], ['دجنبر', 12],
  ['كانون', 0], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5], ['حزيران', 6], ['تموز', 7], ['ايلول', 9], ['تشرين', 0],
])

/** English month names and their number. */
export const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map(
    (name, index) => [name, index + 1],
  ),
)

/** Weekday names, normalized, Arabic and English. */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'سبت', 'احد', 'اثنين', 'ثلاثاء', 'اربعاء', 'خميس', 'جمعه',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
])

/** True for a four-digit number that reads as a year. */
export function isYear(normalized: string): boolean {
  return /^(1[5-9]|20)\d\d$/.test(normalized)
}
