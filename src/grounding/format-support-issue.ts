import type { AskedType, SupportIssue, SupportIssueKind } from './support-issue.js'

type IssueFormatter = { [Kind in SupportIssueKind]: (issue: Extract<SupportIssue, { kind: Kind }>) => string }

const ASKED_TYPE_NAMES: Record<'ar' | 'en', Record<AskedType, string>> = {
  ar: { date: 'تاريخًا', number: 'رقمًا', person: 'اسم شخص', place: 'مكانًا' },
  en: { date: 'a date', number: 'a number', person: "a person's name", place: 'a place' },
}

const ARABIC: IssueFormatter = {
  'number-mismatch': ({ claim, evidence }) => (evidence ? `الرقم ${claim} يخالف ما في المصدر (${evidence})` : `الرقم ${claim} غير وارد في المصدر`),
  'date-mismatch': ({ claim, evidence }) => (evidence ? `التاريخ «${claim}» يخالف ما في المصدر («${evidence}»)` : `التاريخ «${claim}» غير وارد في المصدر`),
  'entity-conflict': ({ claim, evidence }) => `«${claim}» في مكان «${evidence}» الوارد في المصدر`,
  'missing-name': ({ claim }) => `الاسم «${claim}» غير وارد في المصدر`,
  'negation-mismatch': ({ claim, evidence }) =>
    claim ? `الجملة تنفي («${claim}») ما يثبته المصدر` : evidence ? `المصدر ينفي («${evidence}») ما تثبته الجملة` : 'الجملة تعكس نفيًا أو إثباتًا في المصدر',
  'event-contradiction': ({ claim, evidence }) => `«${claim}» يناقض «${evidence}» في المصدر`,
  'role-swap': ({ first, second }) => `الأدوار بين «${first}» و«${second}» معكوسة مقارنة بالمصدر`,
  'low-coverage': ({ missing }) => (missing.length > 0 ? `كلمات غير واردة في المصدر: ${missing.slice(0, 4).map((word) => `«${word}»`).join('، ')}` : 'أغلب كلماتها غير واردة في المصدر'),
  'cross-language': () => 'لا يمكن التحقق منها إلا بالأرقام والأسماء',
  'no-content': () => 'لا تحمل معلومة يمكن التحقق منها',
  'no-passages': () => 'لم يُعثر على مقطع داعم',
  'invalid-citation': ({ n }) => `الإحالة [${n}] غير موجودة`,
  'off-question': ({ missing, askedType }) => {
    const parts = [
      ...(missing.length > 0 ? [`لا تتناول ${missing.map((word) => `«${word}»`).join(' و')} الواردة في السؤال`] : []),
      ...(askedType ? [`ولا تذكر ${ASKED_TYPE_NAMES.ar[askedType]} كما يطلب السؤال`] : []),
    ]
    return parts.length > 0 ? `الأدلة المستشهد بها ${parts.join(' ').replace(/^و/, '')}` : 'الأدلة المستشهد بها لا تجيب عن السؤال'
  },
  'model-verdict': ({ score }) => `حكم النموذج بأنها غير مدعومة (الدرجة ${score.toFixed(2)})`,
}

const ENGLISH: IssueFormatter = {
  'number-mismatch': ({ claim, evidence }) => (evidence ? `the number ${claim} differs from the source (${evidence})` : `the number ${claim} is not in the source`),
  'date-mismatch': ({ claim, evidence }) => (evidence ? `the date "${claim}" differs from the source ("${evidence}")` : `the date "${claim}" is not in the source`),
  'entity-conflict': ({ claim, evidence }) => `"${claim}" stands where the source has "${evidence}"`,
  'missing-name': ({ claim }) => `the name "${claim}" is not in the source`,
  'negation-mismatch': ({ claim, evidence }) =>
    claim ? `it negates ("${claim}") what the source states` : evidence ? `the source negates ("${evidence}") what it states` : 'it reverses a negation in the source',
  'event-contradiction': ({ claim, evidence }) => `"${claim}" contradicts "${evidence}" in the source`,
  'role-swap': ({ first, second }) => `who did what between "${first}" and "${second}" is reversed from the source`,
  'low-coverage': ({ missing }) => (missing.length > 0 ? `words not in the source: ${missing.slice(0, 4).map((word) => `"${word}"`).join(', ')}` : 'most of its words are not in the source'),
  'cross-language': () => 'only its numbers and names could be checked',
  'no-content': () => 'it carries nothing checkable',
  'no-passages': () => 'no supporting passage was found',
  'invalid-citation': ({ n }) => `citation [${n}] does not exist`,
  'off-question': ({ missing, askedType }) => {
    const parts = [
      ...(missing.length > 0 ? [`does not cover ${missing.map((word) => `"${word}"`).join(' and ')} from the question`] : []),
      ...(askedType ? [`does not give ${ASKED_TYPE_NAMES.en[askedType]} as the question asks`] : []),
    ]
    return parts.length > 0 ? `the cited evidence ${parts.join(' and ')}` : 'the cited evidence does not answer the question'
  },
  'model-verdict': ({ score }) => `a model judged it unsupported (score ${score.toFixed(2)})`,
}

const FORMATTERS: Record<'ar' | 'en', IssueFormatter> = { ar: ARABIC, en: ENGLISH }

/** One support issue as a short phrase in Arabic or English, for badges, reports and logs. */
export function formatSupportIssue(issue: SupportIssue, language: 'ar' | 'en'): string {
  const format = FORMATTERS[language][issue.kind] as (issue: SupportIssue) => string
  return format(issue)
}
