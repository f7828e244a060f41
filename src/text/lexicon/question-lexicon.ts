/**
 * Words that frame a question rather than name what it is about, and the nouns that make a text
 * an answer to "where?". Ordinary Modern Standard Arabic and English, normalized (ة → ه, hamza
 * forms → ا). src/answer/analyze-question.ts keeps its own copy of the frame words for now.
 */

/** Words that say what kind of answer a question wants (اسم، عدد، تاريخ، سبب), not what it is about; normalized. */
export const QUESTION_FRAME_WORDS: readonly string[] = [
  'اسم', 'عدد', 'تاريخ', 'سنه', 'عام', 'شهر', 'يوم', 'مدينه', 'مكان', 'منطقه', 'سبب', 'السبب', 'هدف', 'الهدف', 'طريقه',
  'مصادر', 'مصدر', 'اسباب', 'انواع', 'نوع', 'طرق', 'وسائل', 'وسيله', 'اسلوب', 'اساليب', 'منهج', 'نهج', 'اليه', 'اليات',
  'اشكال', 'شكل', 'مجالات', 'اهداف', 'نتائج', 'عناصر', 'ابرز', 'اهم', 'حدث', 'يحدث', 'جري', 'يجري', 'دوله', 'الدوله', 'بلد',
  'البلد', 'ذكر', 'اذكر', 'يذكر', 'ورد', 'وردت', 'يتحدث', 'تحدث', 'يري', 'المقال', 'مقال', 'الكاتب', 'كاتب', 'النص', 'حسب',
  'وفق', 'وفقا', 'تم', 'يتم', 'كانت', 'كان', 'هو', 'هي', 'ماهي', 'ماهو', 'الذي', 'التي',
  'name', 'number', 'year', 'date', 'reason', 'article', 'text', 'place', 'happen', 'happened', 'take', 'took',
]

/** Nouns of place and direction: a text with one of them (في مدينة، شمال البلاد) can answer "where?"; normalized. */
export const PLACE_NOUNS: readonly string[] = [
  'مدينه', 'منطقه', 'ولايه', 'قريه', 'حي', 'جزيره', 'قاره', 'اقليم', 'محافظه', 'عاصمه', 'بلده', 'دوله', 'بلد', 'مقاطعه',
  'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'ساحل', 'حدود', 'مركز', 'قصر', 'مقر', 'ميناء', 'مطار', 'جبال', 'جبل', 'نهر', 'بحر',
  'city', 'region', 'country', 'state', 'province', 'village', 'island', 'north', 'south', 'east', 'west', 'capital',
]
