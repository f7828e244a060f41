/** The dominant script of a text: 'ar' for Arabic, 'en' for Latin, 'ar' when undecided. */
export function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0
  return latin > arabic * 2 ? 'en' : 'ar'
}
