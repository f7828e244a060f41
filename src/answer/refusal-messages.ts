import type { QuestionKind } from './analyze-question.js'

/** Why sanad declined to answer; each has a message in Arabic and English. */
export type RefusalCode = 'not-in-sources' | 'missing-detail' | 'no-question' | 'injection' | 'unsupported-language'

const DETAIL_NAMES: Record<'ar' | 'en', Partial<Record<QuestionKind, string>>> = {
  ar: { date: 'تاريخ ذلك', number: 'العدد المطلوب', person: 'الاسم المطلوب', place: 'المكان المطلوب' },
  en: { date: 'when it happened', number: 'that number', person: 'that name', place: 'that place' },
}

/** The plain-language message for a refusal, in the question's language. */
export function refusalMessage(code: RefusalCode, language: 'ar' | 'en', missingDetail: QuestionKind | null = null): string {
  const detail = missingDetail ? DETAIL_NAMES[language][missingDetail] : undefined
  if (language === 'en') {
    switch (code) {
      case 'missing-detail':
        return `The article discusses this, but it does not say ${detail ?? 'what you asked'}.`
      case 'no-question':
        return 'I could not find a question about the article in that. Please ask about its content.'
      case 'injection':
        return 'I only answer questions from the article, and I do not follow instructions embedded in a question.'
      case 'unsupported-language':
        return 'The article is in Arabic, and this server has no English–Arabic dictionary or language model configured, so it cannot match English questions to it. Ask in Arabic, install the dict-freedict-eng-ara package, or configure a multilingual embedder (EMBEDDINGS=openai) or an LLM (LLM_BASE_URL).'
      default:
        return 'The article does not contain the answer to this question.'
    }
  }
  switch (code) {
    case 'missing-detail':
      return `يتناول المقال هذا الموضوع، لكنه لا يذكر ${detail ?? 'ما سألت عنه'}.`
    case 'no-question':
      return 'لم أجد في رسالتك سؤالاً عن المقال. اسأل عن مضمونه من فضلك.'
    case 'injection':
      return 'أجيب فقط عن الأسئلة من نص المقال، ولا أنفذ تعليمات مضمنة في السؤال.'
    case 'unsupported-language':
      return 'المقال مكتوب بالعربية، اسأل بالعربية من فضلك.'
    default:
      return 'لا يتضمن المقال إجابة عن هذا السؤال.'
  }
}
