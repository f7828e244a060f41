import type { QuestionKind } from './analyze-question.js'

/** Why sanad declined to answer; each has a message in Arabic and English. */
export type RefusalCode = 'not-in-sources' | 'missing-detail' | 'no-question' | 'injection' | 'unsupported-language'

const DETAIL_NAMES: Record<'ar' | 'en', Partial<Record<QuestionKind, string>>> = {
  ar: { date: 'تاريخ ذلك', number: 'العدد المطلوب', person: 'الاسم المطلوب', place: 'المكان المطلوب' },
  en: { date: 'when it happened', number: 'that number', person: 'that name', place: 'that place' },
}

// Questions in these languages are refused as unsupported (see detectLatinLanguage); the refusal at
// least speaks the asker's language and names the two it can answer in.
const UNSUPPORTED_LANGUAGE: Record<string, string> = {
  fr: "L'article est en arabe, et sanad ne comprend que les questions en arabe ou en anglais. Posez votre question en arabe ou en anglais, s'il vous plaît.",
  de: 'Der Artikel ist auf Arabisch, und sanad versteht nur Fragen auf Arabisch oder Englisch. Bitte stellen Sie Ihre Frage auf Arabisch oder Englisch.',
  es: 'El artículo está en árabe y sanad solo entiende preguntas en árabe o en inglés. Por favor, haga su pregunta en árabe o en inglés.',
  it: "L'articolo è in arabo e sanad capisce solo domande in arabo o in inglese. Per favore, ponga la domanda in arabo o in inglese.",
  pt: 'O artigo está em árabe e o sanad só entende perguntas em árabe ou em inglês. Por favor, faça a sua pergunta em árabe ou em inglês.',
  nl: 'Het artikel is in het Arabisch, en sanad begrijpt alleen vragen in het Arabisch of het Engels. Stel uw vraag in het Arabisch of het Engels.',
}

/**
 * The plain-language message for a refusal, in the question's language (an ISO 639-1 code): Arabic,
 * English, or for an unsupported language its own words where known; English otherwise.
 */
export function refusalMessage(code: RefusalCode, language: string, missingDetail: QuestionKind | null = null): string {
  const localized = code === 'unsupported-language' ? UNSUPPORTED_LANGUAGE[language] : undefined
  if (localized) return localized
  const reader = language === 'ar' ? 'ar' : 'en'
  const detail = missingDetail ? DETAIL_NAMES[reader][missingDetail] : undefined
  if (reader === 'en') {
    switch (code) {
      case 'missing-detail':
        return `The article discusses this, but it does not say ${detail ?? 'what you asked'}.`
      case 'no-question':
        return 'I could not find a question about the article in that. Please ask about its content.'
      case 'injection':
        return 'Instruction refused: I only answer questions from the article, and I do not follow instructions embedded in a question.'
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
      return 'رفضتُ التعليمات الواردة في رسالتك: أجيب فقط عن الأسئلة من نص المقال، ولا أنفّذ تعليمات مضمّنة في السؤال.'
    case 'unsupported-language':
      return 'المقال مكتوب بالعربية، اسأل بالعربية من فضلك.'
    default:
      return 'لا يتضمن المقال إجابة عن هذا السؤال.'
  }
}
