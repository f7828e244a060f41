/** The dominant script of a text: 'ar' for Arabic, 'en' for Latin, 'ar' when undecided. */
export function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0
  return latin > arabic * 2 ? 'en' : 'ar'
}

/** The Latin-script languages that `detectLatinLanguage` tells apart (ISO 639-1). */
export type LatinLanguage = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl'

// Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries and question words)
// are the most frequent words of a language and occur in almost every question, even a short one;
// content words do not help, since names and loanwords cross languages. Words two languages share
// (English and Dutch "is", German and English "was") count for both, so they decide nothing.
// "bin" (German "am") is left out: it is the "bin" of Arabic names such as "bin Laden".
const FUNCTION_WORDS: Record<LatinLanguage, string> = {
  en: `the a an of in on at to for from by with about into against after before during between than and or but not no
    is are was were be been being do does did has have had will would can could should may might must
    who whom whose what which when where why how many much this that these those it its they them their
    he him his she her i you we there according`,
  fr: `le la les l un une des du de d au aux et ou mais ne n pas ni est sont était étaient été a ont avait avaient fut
    sera qui que qu quoi quand où pourquoi comment quel quelle quels quelles combien lequel laquelle
    dans en sur sous pour par avec sans contre selon chez entre après avant depuis pendant vers
    ce cet cette ces c il elle ils elles je j vous nous on son sa ses leur leurs se y`,
  de: `der die das des dem den ein eine einen einem einer eines und oder aber nicht kein keine ist sind war waren
    ist bist wurde wurden worden hat haben hatte hatten wird werden wer wen wem wessen was wann wo woher wohin warum wie
    welche welcher welches welchen wieviel wieviele mit von zu zum zur im ins in auf für über unter nach bei aus
    gegen seit während laut vom am um es er sie ich du wir ihr sein seine ihre ihren dieser diese dieses auch noch nur`,
  es: `el la los las lo un una unos unas de del al a y e o u pero no ni es son era eran fue fueron ha han había ser
    está están qué que quién quiénes cuándo cuando dónde donde por porqué cómo como cuál cuáles cuánto cuánta
    cuántos cuántas en con sin para sobre contra según entre hasta desde tras su sus se le les este esta
    estos estas ese esa él ella ellos ellas yo usted nosotros`,
  it: `il lo la i gli le l un uno una di del dell dello della dei degli delle da dal dallo dalla dai in nel nello
    nella nell nei su sul sulla sull dall all per con tra fra e ed o ma non è sono era erano fu stato stata stati ha hanno aveva
    chi che cosa quando dove perché come quale quali quanto quanta quanti quante secondo contro suo sua suoi
    sue loro si ci questo questa quello quella al allo alla ai agli alle`,
  pt: `o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para com sem contra
    segundo e ou mas não nem é são era eram foi foram ser está estão tem têm tinha quem que quê quando onde
    porque como qual quais quanto quanta quantos quantas seu sua seus suas ele ela eles elas se este esta
    esse essa isso ao aos à às entre após`,
  nl: `de het een en of maar niet geen is zijn was waren werd werden heeft hebben had wordt worden wie wat wanneer
    waar waarom hoe welke welk hoeveel in op aan van voor met door naar over tegen bij uit volgens hij zij ze
    ik je jij we wij dit dat deze die haar hun er ook nog`,
}

// Letters of a language's alphabet that English does not use: one of them is a clue, as strong as one
// function word.
const LETTERS: Record<Exclude<LatinLanguage, 'en'>, RegExp> = {
  fr: /[àâæçéèêëîïôœùûüÿ]/,
  de: /[äöüß]/,
  es: /[ñáéíóúü¿¡]/,
  it: /[àèéìíîòóùú]/,
  pt: /[ãõâêôáéíóúàç]/,
  nl: /[ëïéèĳ]/,
}

const WORD_SETS = Object.fromEntries(
  Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words.split(/\s+/).filter(Boolean))]),
) as Record<LatinLanguage, Set<string>>

/**
 * The language of a Latin-script text, from its function words and the letters only that language
 * uses. Capitalized words after the first are names («Le Monde», «François») and give no clue.
 * English is the answer unless another language has at least two clues and more than English, so
 * an English question with a foreign name or a keyword-only query stays English.
 */
export function detectLatinLanguage(text: string): LatinLanguage {
  // Elisions and hyphenated inversions split into their words: qu'est-ce → qu est ce, dell'esercito → dell esercito.
  const words = (text.normalize('NFC').match(/\p{L}+/gu) ?? [])
    .filter((word, position) => position === 0 || word[0] === word[0]!.toLowerCase())
    .map((word) => word.toLowerCase())
  const letters = words.join(' ')
  const scores = new Map<LatinLanguage, number>()
  for (const language of Object.keys(WORD_SETS) as LatinLanguage[]) {
    const set = WORD_SETS[language]
    let score = words.filter((word) => set.has(word)).length
    if (language !== 'en' && LETTERS[language].test(letters)) score += 1
    scores.set(language, score)
  }
  let best: LatinLanguage = 'en'
  let bestScore = scores.get('en')!
  for (const [language, score] of scores) {
    if (language !== 'en' && score >= 2 && score > bestScore) {
      best = language
      bestScore = score
    }
  }
  return best
}
