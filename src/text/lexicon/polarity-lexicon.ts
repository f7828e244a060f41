/**
 * The polarity lexicon: every word list that decides whether a text states, denies or reverses
 * something. Ordinary Modern Standard Arabic (and English) grammar and vocabulary, not taken
 * from any article; grounding (src/grounding/polarity-words.ts) matches these words by stem and
 * root guess, so that inflected forms (فشلت، يشارك، المشاركة) meet their entries.
 *
 * - NEGATING_PARTICLES negate what follows them; each has the number of words it can reach.
 * - DENIAL_WORDS carry a "did not, could not, would not" in their meaning (فشل، رفض، غاب، تعذر):
 *   a claim that an event happened contradicts a passage where the event is in their scope.
 * - ANTONYM_GROUPS pair meanings that exclude each other (نجح/فشل، شارك/غاب، ارتفع/انخفض).
 * - CLAUSE_BREAKERS end the reach of a negation: a new clause says something else.
 */

/** Arabic particles that negate what follows, with how many following words they can reach. */
export const NEGATING_PARTICLES: Readonly<Record<string, number>> = {
  // Verbal negation reaches the verb and its subject and object: لم تستطع الحكومة إنقاذ الرهائن.
  'لم': 4, 'لن': 4, 'لا': 4, 'ليس': 4, 'ليست': 4, 'ليسوا': 4, 'لست': 4, 'لسنا': 4,
  // عدم and دون govern a whole construct chain: عدم توجيه دعوة المغرب المشاركة.
  'عدم': 5, 'دون': 4, 'بدون': 4, 'بلا': 3,
  // غير negates the one word it is joined to: غير المشروع.
  'غير': 1,
}

/**
 * Particles that negate a single noun (دون تغيير، بلا قيود): their reach ends at a preposition.
 * عدم is not among them: it negates a verbal noun with all its complements (عدم توجيه دعوة إلى
 * الوزير للمشاركة في القمة).
 */
export const NOMINAL_NEGATORS: readonly string[] = ['دون', 'بدون', 'بلا', 'غير']

/**
 * Words of ability that pass a negation on to what they govern: عدم قدرتهما على تحمل البرد denies
 * تحمل, though a preposition stands between.
 */
export const ABILITY_WORDS: readonly string[] = ['قدرة', 'قادر', 'مقدرة', 'استطاعة', 'استطاع', 'تمكن', 'إمكانية', 'إمكان', 'able', 'ability']

/** Prepositions, written apart, that end a noun phrase. */
export const PHRASE_ENDING_PREPOSITIONS: readonly string[] = ['في', 'من', 'على', 'إلى', 'عن', 'مع', 'منذ', 'خلال', 'بين', 'عند', 'لدى', 'حول', 'عبر', 'ضد']

/**
 * Verbs that a negation turns into a bound on a quantity rather than a denial: لا تتجاوز 7.8%
 * "at most", لا يقل عن "at least". A negating particle before one of them negates nothing.
 */
export const NEGATED_BOUND_VERBS: readonly string[] = ['يتجاوز', 'تتجاوز', 'تجاوز', 'يتعدى', 'تتعدى', 'يزيد', 'تزيد', 'يقل', 'تقل', 'يفوق', 'تفوق']

/** Proclitics that may stand on a negating particle (ولم، فلا، بعدم، لعدم، وبدون). */
export const NEGATING_PROCLITICS: readonly string[] = ['و', 'ف', 'ب', 'ل', 'وب', 'ول']

/** English negators (a claim in English negates with these). */
export const ENGLISH_NEGATORS: readonly string[] = ['not', 'no', 'never', 'cannot', 'without', 'neither', 'nor', 'none', 'nothing', 'nobody']

/** Words after which لا negates nothing: لا سيما "especially", لا بد "must", لا شك "no doubt". */
export const NEGATION_IDIOM_FOLLOWERS: readonly string[] = ['سيما', 'سيّما', 'بد', 'شك']

/**
 * Verbs and nouns whose meaning is that something did not or could not happen, or was turned
 * down: فشلت في إنقاذ، غاب عن القمة، تعذر عليه، امتنع عن التوقيع، رفض الدعوة. They negate the
 * event in their scope as surely as لم does. Words whose root guess meets a common word are left
 * out (استبعد meets بعد "after", قاطع meets قطع "cut"), as are those whose negation is a matter
 * of degree (منع "prevent", which ANTONYM_GROUPS opposes to سمح).
 */
export const DENIAL_WORDS: readonly string[] = [
  'فشل', 'إخفاق', 'أخفق', 'رفض', 'امتنع', 'امتناع', 'نفى', 'غاب', 'غياب', 'تغيب', 'تعذر', 'عجز', 'ألغى', 'إلغاء', 'أرجأ', 'تأجيل',
  'fail', 'failure', 'refuse', 'reject', 'deny', 'absent', 'absence', 'unable', 'cancel', 'boycott',
]

/** How many following words a denial word can reach: فشلت في إنقاذ رهائن. */
export const DENIAL_SCOPE = 4

/**
 * Groups of words whose meanings exclude each other, two sides each: a claim that uses one side
 * where the passage uses the other (and neither negates it) contradicts the passage. The words of
 * one side are near-synonyms (شارك، حضر؛ فشل، أخفق، تحطم), and match each other as such. Words that
 * are as often something else (قبل "before", فقد "indeed", آخر "another", ظل "shadow") are left out.
 */
export const ANTONYM_GROUPS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  // Events that happened or did not
  [['نجح', 'نجحت', 'نجاح', 'تمكن', 'succeed', 'success'], ['فشل', 'فشلت', 'إخفاق', 'أخفق', 'تعثر', 'تحطم', 'انهار', 'انهيار', 'fail', 'failure', 'crash', 'collapse']],
  [['شارك', 'مشاركة', 'حضر', 'حضور', 'participate', 'attend'], ['غاب', 'غابت', 'غياب', 'تغيب', 'قاطع', 'مقاطعة', 'absent', 'boycott']],
  [['وافق', 'موافقة', 'متوافق', 'توافق', 'اتفق', 'رحب', 'ترحيب', 'أيد', 'تأييد', 'أشاد', 'إشادة', 'welcome', 'accept', 'approve', 'support', 'praise'], ['رفض', 'عارض', 'معارضة', 'استنكر', 'استنكار', 'أدان', 'إدانة', 'ندد', 'انتقد', 'انتقاد', 'توجس', 'خالف', 'مخالف', 'مخالفة', 'reject', 'refuse', 'oppose', 'condemn', 'criticise', 'criticize']],
  [['فاز', 'فازت', 'انتصر', 'ربح', 'أرباح', 'win', 'won', 'profit'], ['خسر', 'خسارة', 'خسائر', 'هزم', 'انهزم', 'lose', 'lost', 'loss']],
  [['سمح', 'أجاز', 'allow', 'permit'], ['منع', 'حظر', 'ban', 'forbid']],
  [['بقي', 'مكث', 'stay', 'remain'], ['غادر', 'رحل', 'leave', 'left']],
  [['احتفظ', 'keep', 'kept'], ['تخلى', 'abandon']],
  [['بدأ', 'بداية', 'افتتح', 'start', 'begin', 'open'], ['انتهى', 'نهاية', 'اختتم', 'ختام', 'end', 'close']],
  // Directions of change
  [['ثبت', 'تثبيت', 'أبقى', 'إبقاء', 'hold', 'held'], ['رفع', 'raise']],
  [['ثبت', 'تثبيت', 'أبقى', 'إبقاء', 'hold', 'held'], ['خفض', 'cut']],
  [['زيادة', 'زاد', 'زادت', 'رفع', 'ارتفع', 'ارتفاع', 'صعد', 'تعزيز', 'عزز', 'نما', 'نمو', 'increase', 'raise', 'rise', 'grow', 'strengthen'], ['قطع', 'خفض', 'انخفض', 'انخفاض', 'تراجع', 'هبط', 'هبوط', 'قلص', 'تقليص', 'نقص', 'عرقلة', 'عرقل', 'أضعف', 'decrease', 'cut', 'reduce', 'fall', 'drop', 'weaken', 'hinder']],
  // Opposed qualities
  [['أعلى', 'أقصى', 'مرتفع', 'highest', 'maximum', 'high'], ['أدنى', 'منخفض', 'انخفاض', 'خفض', 'lowest', 'minimum', 'low']],
  [['أكبر', 'كبير', 'big', 'large', 'largest'], ['أصغر', 'صغير', 'small', 'smallest']],
  [['أطول', 'طويل', 'long', 'longest'], ['أقصر', 'قصير', 'short', 'shortest']],
  [['أكثر', 'يفوق', 'تفوق', 'فاق', 'more', 'most', 'exceed'], ['أقل', 'يقل', 'تقل', 'less', 'least', 'fewer']],
  [['أول', 'first'], ['أخير', 'last']],
  [['سهل', 'easy'], ['صعب', 'difficult', 'hard']],
  [['ثابت', 'constant', 'fixed'], ['متغير', 'تغير', 'تطور', 'تلون', 'changing', 'evolve']],
  [['معتدل', 'moderate'], ['متشدد', 'متطرف', 'extremist', 'radical']],
  [['حرية', 'حر', 'free', 'freedom'], ['مقيد', 'قيد', 'restricted', 'limited']],
  [['شمال', 'شمالي', 'north', 'northern'], ['جنوب', 'جنوبي', 'south', 'southern']],
  [['شرق', 'شرقي', 'east', 'eastern'], ['غرب', 'غربي', 'west', 'western']],
  [['حاسم', 'واضح', 'decisive', 'clear'], ['متردد', 'غامض', 'hesitant', 'unclear']],
  [['قوي', 'قوة', 'strong'], ['ضعيف', 'ضعف', 'weak']],
  [['سلام', 'سلمي', 'peace', 'peaceful'], ['حرب', 'عنيف', 'عنف', 'war', 'violent']],
  [['مؤقت', 'temporary'], ['دائم', 'permanent']],
  [['قديم', 'old'], ['جديد', 'new']],
  [['غني', 'ثري', 'rich', 'wealthy'], ['فقير', 'poor']],
  [['مرتفعا', 'مرتفعة'], ['منخفضا', 'منخفضة']],
]

/** Words that open a new clause and so end the reach of a negation before them. */
export const CLAUSE_BREAKERS: readonly string[] = ['لكن', 'ولكن', 'بل', 'إلا', 'فإن', 'ثم', 'حيث', 'بينما', 'but', 'however', 'while', 'whereas']
