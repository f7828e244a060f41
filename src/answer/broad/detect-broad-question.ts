import type { QuestionAnalysis } from '../analyze-question.js'
import { normalizeQuestionWords } from '../analyze-question.js'

/**
 * A question about a document as a whole rather than one fact in it: an overview ("لخص المقال", "ما أهم
 * النقاط؟"), what someone said ("ماذا قال أوباما؟"), a list across the document ("ما الاتفاقات التي وقعها
 * المغرب؟"), or a timeline ("رتب الأحداث زمنيا", "ماذا حدث في 2014؟"). Texts are in the question's language.
 */
export type BroadQuestion =
  | {
      kind: 'overview'
      /** `main-points` asks for points ("أهم النقاط"), `summary` for a gist. */
      style: 'summary' | 'main-points'
      /** The number of sentences asked for ("في جملتين" → 2), or null for the default. */
      count: number | null
      /** What the overview is about when it is narrower than the document ("the key moments of the final"). */
      topic: string
    }
  | { kind: 'speaker'; speaker: string; topic: string }
  | { kind: 'timeline'; period: string }
  | { kind: 'list' }

/** The sentence count an overview asks for "in detail". */
export const DETAILED_COUNT = 6
/** The sentence count an overview asks for "briefly". */
export const BRIEF_COUNT = 3

// Matched against the normalized question (normalizeQuestionWords): hamza-free, ة → ه, ى → ي, no punctuation.
const SUMMARIZE = /(^|\s)(و|ف)?(لخص|لخصي|لخصوا|الخص|اختصر|اختصري|تلخيص|ملخص|ملخصا|خلاصه|summari[sz]e|summary|sum up|tl;?dr|brief me|overview|gist)(\s|$)/
const MAIN_POINTS = /((اهم|ابرز) (النقاط|الافكار|المحاور|القضايا|المعلومات|ما جاء|ما ورد|ما يتناوله|ما تناوله|ما يطرحه|ما طرحه|ما يقوله|ما قاله|نقاط|افكار)|(النقاط|الافكار|الفكره|الرسائل|المحاور) (الرييسيه|الاساسيه|الكبري|العامه|المهمه|الجوهريه|المحوريه)|(^|\s)(main|key|important) (points?|ideas?|takeaways?|moments|facts|highlights|messages)|(^|\s)highlights(\s|$))/
const ABOUT = /((عن ماذا|عما|عم|فيم|فيما|ماذا|ما الذي|ما) (يتحدث|يتناول|يدور|يتكلم|يناقش|تتحدث|تتناول|يعالج|يقول|يذكر|قال|ذكر)( عنه| حوله)? (المقال|النص|الخبر|التقرير|الموضوع)|ما (هو |هي )?(موضوع|فكره|مضمون|محتوي) (المقال|النص|الخبر|التقرير)|(اعطني|اعطيني|قدم لي|قدمي لي|هات) (نبذه|فكره|لمحه|ملخصا)|what (is|was|'s) (this|the) (article|text|story|piece|report|news|document) about|what does (this|the) (article|text|story|piece|report) (say|cover|discuss|tell)|what (is|are) (the )?(article|text|story)'?s? (main )?(topic|subject|point))/
const DOCUMENT_WORDS = /(^|\s)(في |من |عن )?(هذا |هذه )?(لل|بال|ال|وال)?(مقال|نص|خبر|تقرير|موضوع)(ه)?(?=\s|$)|\b(of |in |from |about )?(this|the) (article|text|story|piece|report|document)\b/g
const OVERVIEW_WORDS = /(^|\s)(و|ف)?(لخص|لخصي|لخصوا|الخص|اختصر|اختصري|تلخيص|ملخص|ملخصا|خلاصه|اهم|ابرز|النقاط|الافكار|المحاور|القضايا|المعلومات|الفكره|الرسائل|الرييسيه|الاساسيه|الكبري|العامه|المهمه|الجوهريه|المحوريه|ما|ماذا|هي|هو|جاء|ورد|يتناوله|تناوله|يطرحه|طرحه|يقوله|قاله|يقول|يذكر|قال|ذكر|يتحدث|يتناول|يدور|يتكلم|يناقش|عن|عنه|حوله|اعطني|اعطيني|قدم|لي|نبذه|فكره|لمحه|في|summari[sz]e|summary|sum|up|brief|me|overview|gist|what|is|are|was|were|the|main|key|important|points?|ideas?|takeaways?|moments|facts|highlights|messages|give|tell|please|about|التي|الذي|يتناولها|تناولها|يطرحها|طرحها|يعرضها|عرضها|يثيرها)(?=\s|$)/g
const COUNT_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/(جمله واحده|سطر واحد|جمله|سطر|نقطه واحده|one sentence|a sentence|one line|a single sentence)(\s|$)/, 1],
  [/(جملتين|جملتان|سطرين|نقطتين|two sentences|two lines|two points)/, 2],
  [/((ثلاث|ثلاثه|3) (جمل|اسطر|نقاط)|three (sentences|lines|points))/, 3],
  [/((اربع|اربعه|4) (جمل|اسطر|نقاط)|four (sentences|lines|points))/, 4],
  [/((خمس|خمسه|5) (جمل|اسطر|نقاط)|five (sentences|lines|points))/, 5],
  [/((ست|سته|6) (جمل|اسطر|نقاط)|six (sentences|lines|points))/, 6],
  [/(بالتفصيل|بتفصيل|مفصل|مفصله|تفصيلي|in detail|detailed|thorough)/, DETAILED_COUNT],
  [/(باختصار|بايجاز|موجز|موجزا|مختصر|مختصرا|briefly|in brief|short|quick)/, BRIEF_COUNT],
]
const COUNT_PHRASES = /(في |in )?(جمله واحده|سطر واحد|جمله|سطر|نقطه واحده|جملتين|جملتان|سطرين|نقطتين|(ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|[3-6]) (جمل|اسطر|نقاط)|بالتفصيل|بتفصيل|مفصل|مفصله|تفصيلي|باختصار|بايجاز|موجز|موجزا|مختصر|مختصرا|(one|a|a single|two|three|four|five|six) (sentences?|lines?|points)|detailed|thorough|briefly|in brief|short|quick|detail)(?=\s|$)/g

// "ماذا قال X عن Y؟", "ما الذي أكده X؟", "بماذا صرح X؟": the verbs of saying a question asks about.
const SPEAKER_ARABIC = /^(?:و|ف)?(?:ماذا|ما الذي|ما هو الذي|بماذا|بم|ما) (?:قال|قالت|قالوا|يقول|تقول|يقولون|قاله|قالته|صرح|صرحت|صرح به|اكد|اكدت|اكده|اكدته|اعلن|اعلنت|اعلنه|اوضح|اوضحت|اوضحه|ذكر|ذكرت|ذكره|اضاف|اضافت|راي|رات|يري|تري) (.+)$/
const STATEMENTS_OF = /^(?:و|ف)?ما (?:هي |هو )?(?:تصريحات|تصريح|اقوال|كلام|كلمه|راي|اراء|موقف) (.+)$/
const ACCORDING_TO = /(?:^|\s)(?:بحسب|حسب|وفقا ل|وفق|علي لسان|according to) (.+)$/
const SPEAKER_ENGLISH = /^(?:and )?what (?:did|does|has|have|had) (.+?) (?:say|said|tell|told|state|stated|announce|announced|declare|declared|think|thought|claim|claimed)(?: about (.+))?$/
const STATEMENTS_OF_ENGLISH = /^what (?:were|are|was|is) (.+?)'s? (?:statements?|words|remarks|comments|position)(?: (?:about|on) (.+))?$/
// Words after a speaker's name that open what the question narrows the statements to.
const TOPIC_OPENERS = new Set(['عن', 'حول', 'بشان', 'بخصوص', 'في', 'بعد', 'قبل', 'خلال', 'اثناء', 'عقب', 'لدي', 'ان', 'انه', 'انها', 'بان', 'تجاه', 'ازاء', 'about', 'on', 'after', 'before', 'during', 'regarding'])
const NOT_SPEAKERS = /^(ال)?(مقال|نص|خبر|تقرير|كاتب|موضوع)(ه)?$|^(the )?(article|text|story|report|author|writer)$/

// "رتب الأحداث زمنيا", "ما التسلسل الزمني", "timeline", "in chronological order".
const TIMELINE = /(زمني|زمنيا|الزمني|تسلسل|التسلسل|تاريخيا|بالترتيب|ترتيب الاحداث|رتب الاحداث|رتبي الاحداث|خط زمني|جدول زمني|timeline|chronolog|in order|sequence of events|key dates|order of events)/
// "ماذا حدث في 2014؟", "ما الأحداث التي وقعت في مايو 2011؟", "what happened in 2014?".
const HAPPENED_IN = /^(?:و|ف)?(?:ماذا|ما الذي|ما) (?:حدث|جري|وقع|حصل|يحدث)(?: من احداث)? (?:في|خلال|عام|سنه|يوم) (.+)$|^(?:و|ف)?ما (?:هي )?(?:الاحداث|الوقائع|التطورات) (?:التي )?(?:وقعت|جرت|حدثت|شهدها|شهدتها)? ?(?:في|خلال|عام|سنه) (.+)$|^what happened (?:in|on|during) (.+)$/
const HAS_DATE_WORD = /\d{4}|(^|\s)(يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|january|february|march|april|may|june|july|august|september|october|november|december)(\s|$)/

// "ما البنوك المركزية التي رفعت الفائدة؟": a definite noun that is not a singular feminine (no ة), whose
// relative pronoun is the feminine singular of non-human plurals, names a list.
const PLURAL_WITH_RELATIVE = /^(?:و|ف)?ما (?:هي )?ال(\S+)(?: ال\S+){0,2} (?:التي|اللاتي|اللواتي|الذين)(?:\s|$)/
// "Which Arab filmmakers won awards?", "what measures did …": an English plural after which/what.
const ENGLISH_PLURAL = /^(?:which|what) (?:(?!(?:was|is|has|does|did|were|are)\b)[a-z]+ ){0,2}(?!(?:was|is|has|does|this|its|us|yes)\b)[a-z]{2,}s\b/

/**
 * Recognises a broad question by its wording; null for any other question, which the factoid answerer
 * takes. Overviews are read first ("ما أهم النقاط" is also a list by its form), then statements, then
 * timelines, then lists.
 */
export function detectBroadQuestion(analysis: Pick<QuestionAnalysis, 'question' | 'kind'>): BroadQuestion | null {
  const normalized = normalizeQuestionWords(analysis.question).replace(/[«»"“”']/g, ' ').replace(/\s+/g, ' ').trim()
  const overview = readOverview(normalized)
  if (overview) return overview
  const speaker = readSpeaker(normalized, analysis.kind)
  if (speaker) return speaker
  if (TIMELINE.test(normalized)) return { kind: 'timeline', period: HAS_DATE_WORD.test(normalized) ? normalized : '' }
  const happened = HAPPENED_IN.exec(normalized)
  if (happened && HAS_DATE_WORD.test(normalized)) return { kind: 'timeline', period: happened[1] ?? happened[2] ?? happened[3] ?? '' }
  if (analysis.kind === 'list' || isPluralWithRelative(normalized) || ENGLISH_PLURAL.test(normalized)) return { kind: 'list' }
  return null
}

function readOverview(normalized: string): BroadQuestion | null {
  const mainPoints = MAIN_POINTS.test(normalized)
  if (!mainPoints && !SUMMARIZE.test(normalized) && !ABOUT.test(normalized)) return null
  const count = COUNT_WORDS.find(([pattern]) => pattern.test(normalized))?.[1] ?? null
  const topic = normalized.replace(COUNT_PHRASES, ' ').replace(DOCUMENT_WORDS, ' ').replace(OVERVIEW_WORDS, ' ').replace(/\s+/g, ' ').trim()
  return { kind: 'overview', style: mainPoints ? 'main-points' : 'summary', count, topic: topic.replace(/^(?:of|in|about|on|عن|في|حول) /, '') }
}

function readSpeaker(normalized: string, kind: QuestionAnalysis['kind']): BroadQuestion | null {
  const english = SPEAKER_ENGLISH.exec(normalized) ?? STATEMENTS_OF_ENGLISH.exec(normalized)
  if (english) return splitSpeaker(english[1]!, english[2] ?? '')
  const arabic = SPEAKER_ARABIC.exec(normalized) ?? STATEMENTS_OF.exec(normalized)
  if (arabic) return splitSpeaker(arabic[1]!, '')
  // "بحسب X" narrows a question with no interrogative of its own to what X said.
  const according = kind === 'thing' ? ACCORDING_TO.exec(normalized) : null
  if (according) {
    const before = normalized.slice(0, according.index).replace(/^(?:و|ف)?(?:ماذا|ما الذي|ما)(?: هو| هي)?/, '').trim()
    return splitSpeaker(according[1]!, before)
  }
  return null
}

function splitSpeaker(phrase: string, topic: string): BroadQuestion | null {
  const words = phrase.split(' ')
  const cut = words.findIndex((word, position) => position > 0 && TOPIC_OPENERS.has(word))
  const speaker = (cut === -1 ? words : words.slice(0, cut)).join(' ').replace(/^the /, '').trim()
  if (!speaker || NOT_SPEAKERS.test(speaker)) return null
  return { kind: 'speaker', speaker, topic: [cut === -1 ? '' : words.slice(cut).join(' '), topic].filter(Boolean).join(' ') }
}

function isPluralWithRelative(normalized: string): boolean {
  const head = PLURAL_WITH_RELATIVE.exec(normalized)?.[1]
  // A singular feminine ends in ة (ه once normalized); "ما الدولة التي" asks for one thing.
  return head !== undefined && head.length >= 3 && !head.endsWith('ه')
}
