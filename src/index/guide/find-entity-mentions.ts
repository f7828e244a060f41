import { ARABIC_MONTHS, WEEKDAYS } from '../../text/calendar-words.js'
import { isSpeechVerb, REPORTED_SPEECH_OPENERS } from '../../text/lexicon/attribution-words.js'
import { NAME_PARTICLES, ORGANISATION_NOUNS, PLACE_KIND_NOUNS, STATE_NOUNS } from '../../text/lexicon/entity-nouns.js'
import { normalizeArabic } from '../../text/normalize-arabic.js'
import { NORMALIZED_PERSON_ROLES } from '../../text/person-roles.js'
import type { Token } from '../../text/tokenize.js'
import type { SanadIndex } from '../sanad-index.js'

/** A person, place or organisation a document names, with every mention of it. */
export interface EntityMentions {
  kind: 'person' | 'place' | 'organisation'
  /** The name as first written in the document. */
  name: string
  mentions: { start: number; end: number }[]
}

// A role noun's complement ("رئيس مجلس الاحتياطي الفيدرالي", "وزير الخارجية") comes before the name.
const MAX_COMPLEMENT = 4
const MAX_NAME_WORDS = 3
const MAX_ORGANISATION_WORDS = 4
const LOCATIVES = new Set(['في', 'الي', 'من', 'داخل', 'قرب'])
// At most this many entities of each kind, by first mention.
const PER_KIND = 15

interface Found {
  kind: EntityMentions['kind']
  /** The normalized words of the name. */
  words: string[]
  /** Shorter forms that also mention it: a person's surname, an organisation's acronym or proper name. */
  aliases: string[][]
  start: number
  end: number
}

// Person nouns that are not titles: a name does not follow them ("امرأة تنال الجائزة").
const GENERIC_PERSONS: ReadonlySet<string> = new Set(['شخص', 'رجل', 'امراه', 'ضحيه', 'رهينه', 'منفذ', 'ملك', 'نجم', 'نجمه', 'عالم', 'عالمه'])

const bare = (token: Token) => token.normalized.replace(/^(و|ف)?(ال)?/, '')
// The word without a glued و، ف، ب، ل or ك and the article ("لوكالة" → "وكالة"), for the lexicons.
const lexical = (token: Token) => {
  const stripped = token.normalized.replace(/^(و|ف)?(ب|ل|ك)?(ال|ل)?/, '')
  return stripped.length >= 3 ? stripped : bare(token)
}
const hasArticle = (token: Token) => /^(و|ف|ب|ك)?ال|^(و|ف)?لل/.test(token.normalized)
const isCalendar = (token: Token) => ARABIC_MONTHS.has(token.normalized) || WEEKDAYS.has(token.normalized)
// A word is looked up as written too: "وزير" and "وكالة" begin with a و that is not the conjunction.
const inLexicon = (token: Token, lexicon: ReadonlySet<string>) => [token.normalized, bare(token), lexical(token)].some((form) => lexicon.has(form))
const isTitle = (token: Token) => inLexicon(token, NORMALIZED_PERSON_ROLES) && !inLexicon(token, GENERIC_PERSONS)
const isInstitution = (token: Token) => inLexicon(token, ORGANISATION_NOUNS) || inLexicon(token, PLACE_KIND_NOUNS) || inLexicon(token, STATE_NOUNS)
// Verbal nouns (تعزيز، تعاون، اتخاذ، استخدام) follow prepositions as often as place names do.
const VERBAL_NOUN = /^(ت..ي.|ت.ا..|ا.ت.ا.|ان..ا.|است...ا.)$/
// Attached pronouns end common nouns and verbs ("زوجها", "بأنها", "وصفته"), not names.
const hasPronoun = (token: Token, text: string) => /[\u0621-\u064A]{2,}(ها|هم|هما|هن|ته|كم)$/.test(text.slice(token.start, token.end))

/**
 * The people, places and organisations of a document, each with every mention: people introduced by a
 * role ("المخرج السويدي روبن أوستلوند", "رئيس جنوب أفريقيا سيريل رامافوزا", later "رامافوزا"),
 * organisations after a head noun ("منظمة الصحة العالمية", "مجموعة بريكس", with an acronym in
 * parentheses), places after a kind of place ("مدينة كان") or a locative preposition before a word
 * without the article that ends a phrase ("في باكستان."). Rules of news Arabic, not a gazetteer: a
 * name the text never introduces this way is missed.
 */
export function findEntityMentions(index: SanadIndex, docId: string): EntityMentions[] {
  const text = index.documents.get(docId)?.text ?? ''
  const sentences = index.sentencesOf(docId).map((sentence) => index.tokensOf(sentence))
  const vocabulary = new Set(sentences.flatMap((tokens) => tokens.map((token) => bare(token))))
  const found: Found[] = []
  for (const tokens of sentences) {
    const joined = (left: number, right: number) => !/[^\s«»“”"]/.test(text.slice(tokens[left]!.end, tokens[right]!.start))
    tokens.forEach((token, position) => {
      // A role noun after an indefinite noun is its adjective ("مؤتمر صحفي"), not a title before a name.
      const previous = tokens[position - 1]
      const adjective = previous !== undefined && joined(position - 1, position) && !hasArticle(token) && !previous.isStopword && !hasArticle(previous) && !isSpeechVerb(previous.normalized)
      if (isTitle(token) && !adjective) {
        const person = readPersonAfterRole(tokens, position, joined, text, vocabulary)
        if (person) found.push(person)
      } else if (inLexicon(token, ORGANISATION_NOUNS)) {
        const organisation = readOrganisation(tokens, position, joined, text)
        if (organisation) found.push(organisation)
      } else if (inLexicon(token, PLACE_KIND_NOUNS) || LOCATIVES.has(token.normalized)) {
        const place = readPlace(tokens, position, joined, text)
        if (place) found.push(place)
      }
    })
  }
  return groupMentions(found, sentences, text)
}

function isNamePart(token: Token, first: boolean, text: string, vocabulary: ReadonlySet<string>): boolean {
  if (token.isNumber || isCalendar(token)) return false
  if (NAME_PARTICLES.has(token.normalized)) return !first
  if (token.isStopword || isSpeechVerb(token.normalized) || REPORTED_SPEECH_OPENERS.has(token.normalized) || NORMALIZED_PERSON_ROLES.has(bare(token)) || isInstitution(token) || hasPronoun(token, text)) return false
  // "بجائزة" is ب + a word the document also writes alone; "بول" and "بيل" are names.
  const proclitic = /^(ب|ل|ك)([\u0621-\u064A]{3,})$/.exec(token.normalized)
  if (proclitic && vocabulary.has(proclitic[2]!)) return false
  if (!first && /^و/.test(token.normalized)) return false
  return first ? !hasArticle(token) && token.normalized.length >= 2 : true
}

function readPersonAfterRole(tokens: readonly Token[], role: number, joined: (left: number, right: number) => boolean, text: string, vocabulary: ReadonlySet<string>): Found | null {
  let first = role + 1
  // Skip the role's complement and nisbas: "وزير الخارجية", "المخرج السويدي", "كاتبة ألمانية".
  const isNisba = (token: Token) => !hasArticle(token) && /(ي|يه)$/.test(token.normalized) && token.normalized.length >= 4
  while (first < tokens.length && first - role <= MAX_COMPLEMENT && (hasArticle(tokens[first]!) || isNisba(tokens[first]!)) && joined(first - 1, first)) first++
  // "رئيس مجلس الاحتياطي الفيدرالي جيروم باول", "مدير وكالة الفضاء الأميركية (ناسا) بيل نيلسون": an
  // institution between the role and the name is skipped with its definite words and acronym.
  while (first < tokens.length && isInstitution(tokens[first]!)) {
    const institution = readOrganisation(tokens, first, joined, text)
    first = institution ? tokens.findIndex((token) => token.start >= institution.end) : first + 1
    if (first === -1) return null
    // Its acronym in parentheses: "وكالة الفضاء الأوروبية (إيسا) يوهان شميت".
    if (/^\s*\($/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start)) && text[tokens[first]!.end] === ')') first++
    if (first >= tokens.length) return null
    while (first < tokens.length && first - role <= 2 * MAX_COMPLEMENT && hasArticle(tokens[first]!) && joined(first - 1, first)) first++
  }
  if (first >= tokens.length || (!joined(first - 1, first) && !isAcronymBefore(tokens, first, text)) || !isNamePart(tokens[first]!, true, text, vocabulary)) return null
  let last = first
  while (last + 1 < tokens.length && last - first < 5 && joined(last, last + 1) && isNamePart(tokens[last + 1]!, false, text, vocabulary) && !(hasArticle(tokens[last + 1]!) && !NAME_PARTICLES.has(tokens[last]!.normalized) && last + 1 - first >= 2)) last++
  // A long run holds the role's complement too ("جنوب أفريقيا سيريل رامافوزا"): names are its last words.
  if (last - first + 1 > MAX_NAME_WORDS) {
    first = last - 1
    while (first > role + 1 && NAME_PARTICLES.has(tokens[first - 1]!.normalized)) first -= 2
  }
  const words = tokens.slice(first, last + 1)
  if (words.length === 0 || NAME_PARTICLES.has(words.at(-1)!.normalized)) return null
  const surname = words.at(-1)!
  const aliases = words.length > 1 && !hasArticle(surname) && surname.normalized.length >= 3 ? [[surname.normalized]] : []
  return { kind: 'person', words: words.map((word) => word.normalized), aliases, start: words[0]!.start, end: surname.end }
}

// "… الأميركية (ناسا) بيل": the token follows an acronym in parentheses.
function isAcronymBefore(tokens: readonly Token[], position: number, text: string): boolean {
  if (position === 0) return false
  const gap = text.slice(tokens[position - 1]!.end, tokens[position]!.start)
  // The acronym is a token of its own ("(إيسا) يوهان") or not a token at all ("(ISRO) في").
  return /^\s*\([^()\s]{2,12}\)\s*$/.test(gap) || (/^\)\s*$/.test(gap) && position > 1 && /\(\s*$/.test(text.slice(tokens[position - 2]!.end, tokens[position - 1]!.start)))
}

function readOrganisation(tokens: readonly Token[], head: number, joined: (left: number, right: number) => boolean, text: string): Found | null {
  let last = head
  // After the head, definite words ("البنك المركزي الأوروبي"); a head without the article may take one proper
  // name first ("مجموعة بريكس", "بنك سيليكون"), not a common plural ("مجموعة اتفاقات").
  const definiteHead = hasArticle(tokens[head]!)
  while (last + 1 < tokens.length && last - head < MAX_ORGANISATION_WORDS - 1 && joined(last, last + 1)) {
    const next = tokens[last + 1]!
    if (next.isStopword || next.isNumber || isCalendar(next) || NORMALIZED_PERSON_ROLES.has(bare(next)) || /^و/.test(next.normalized) || hasPronoun(next, text)) break
    const properName = !definiteHead && last === head && !hasArticle(next) && !/ات$/.test(next.normalized) && !isSpeechVerb(next.normalized)
    if (!hasArticle(next) && !properName) break
    last++
  }
  if (last === head) return null
  const words = tokens.slice(head, last + 1)
  const aliases: string[][] = []
  // "مجموعة بريكس" is also "بريكس"; "وكالة الفضاء الأميركية (ناسا)" is also "ناسا".
  if (!hasArticle(words[1]!) && words.length === 2) aliases.push([words[1]!.normalized])
  const acronym = /^\s*\(([^()\s]{2,12})\)/.exec(text.slice(words.at(-1)!.end))
  if (acronym) aliases.push([normalizeArabic(acronym[1]!)])
  // The head keeps a و that belongs to it ("وكالة") and loses a conjunction ("ومنظمة").
  const written = words[0]!.normalized
  const withoutArticle = (word: string) => word.replace(/^ال/, '')
  const conjunction = /^(و|ف)/.test(written) && !ORGANISATION_NOUNS.has(withoutArticle(written)) && ORGANISATION_NOUNS.has(withoutArticle(written.slice(1)))
  const headWord = conjunction ? written.slice(1) : written
  const plain = text.slice(words[0]!.start, words[0]!.end).length === written.length
  const start = conjunction && plain ? words[0]!.start + 1 : words[0]!.start
  return { kind: 'organisation', words: [headWord, ...words.slice(1).map((word) => word.normalized)], aliases, start, end: words.at(-1)!.end }
}

function readPlace(tokens: readonly Token[], position: number, joined: (left: number, right: number) => boolean, text: string): Found | null {
  const afterKind = inLexicon(tokens[position]!, PLACE_KIND_NOUNS)
  const name = tokens[position + 1]
  if (!name || !joined(position, position + 1)) return null
  const written = text.slice(name.start, name.end)
  // A name after a place noun may take the article ("مدينة السلام"); after a preposition it does not.
  if (name.isStopword || name.isNumber || isCalendar(name) || (hasArticle(name) && !afterKind) || name.normalized.length < 3 || hasPronoun(name, text) || isSpeechVerb(name.normalized)) return null
  // After a preposition, a common noun is read with what follows ("في إطار التعاون", "في ركود هذا العام") and
  // feminine nouns and verbal nouns abound ("في سرعة", "في تعزيز"): a place name there ends its phrase, and is
  // not written with ة.
  const next = tokens[position + 2]
  const endsPhrase = !next || !joined(position + 1, position + 2) || /^و/.test(next.normalized)
  if (!afterKind && (!endsPhrase || written.endsWith('ة') || isInstitution(name) || VERBAL_NOUN.test(name.normalized.replace(/^(و|ف)?(ب|ل)/, '')))) return null
  const words = afterKind && next && joined(position + 1, position + 2) && !next.isStopword && !hasArticle(next) && !next.isNumber && !isSpeechVerb(next.normalized) ? [name, next] : [name]
  return { kind: 'place', words: words.map((item) => item.normalized), aliases: [], start: name.start, end: words.at(-1)!.end }
}

// One entity per name (its first spelling and kind), with every mention of the name or its aliases.
function groupMentions(found: readonly Found[], sentences: readonly (readonly Token[])[], text: string): EntityMentions[] {
  const byName = new Map<string, Found & { aliasList: string[][] }>()
  for (const entity of found) {
    const key = entity.words.join(' ')
    const existing = byName.get(key) ?? [...byName.values()].find((other) => other.kind === entity.kind && other.aliasList.some((alias) => alias.join(' ') === key))
    if (existing) existing.aliasList.push(...entity.aliases)
    else byName.set(key, { ...entity, aliasList: [...entity.aliases] })
  }
  // Where each word may start a mention: under its written form and under it without a glued particle.
  const starts = new Map<string, [number, number][]>()
  sentences.forEach((tokens, sentence) => {
    tokens.forEach((token, position) => {
      for (const core of new Set([token.normalized, ...PARTICLE_PREFIXES.filter((prefix) => token.normalized.startsWith(prefix) && token.normalized.length - prefix.length >= 3).map((prefix) => token.normalized.slice(prefix.length))])) {
        const list = starts.get(core)
        if (list) list.push([sentence, position])
        else starts.set(core, [[sentence, position]])
      }
    })
  })
  const entities: EntityMentions[] = []
  const counts = { person: 0, place: 0, organisation: 0 }
  // A name read as a place after "في" that is an organisation's short name ("في بريكس") is the organisation.
  const organisationAliases = new Set([...byName.values()].filter((entity) => entity.kind === 'organisation').flatMap((entity) => entity.aliasList.map((alias) => alias.join(' '))))
  for (const entity of [...byName.values()].sort((left, right) => left.start - right.start)) {
    if (counts[entity.kind] >= PER_KIND || (entity.kind === 'place' && organisationAliases.has(entity.words.join(' ')))) continue
    const forms = [entity.words, ...entity.aliasList]
    const mentions: { start: number; end: number }[] = []
    for (const form of forms) {
      for (const [sentence, position] of starts.get(form[0]!) ?? []) {
        const span = matchForm(sentences[sentence]!, position, form, text)
        if (span && !mentions.some((other) => other.start < span.end && span.start < other.end)) mentions.push(span)
      }
    }
    if (mentions.length === 0) continue
    counts[entity.kind]++
    entities.push({ kind: entity.kind, name: text.slice(entity.start, entity.end), mentions: mentions.sort((left, right) => left.start - right.start) })
  }
  return entities
}

// The particles a mention may carry glued to its first word: و، ف، then ب، ل، ك, then the article.
const PARTICLE_PREFIXES = ['', 'و', 'ف'].flatMap((conjunction) => ['', 'ب', 'ل', 'ك'].flatMap((preposition) => ['', 'ال'].map((article) => conjunction + preposition + article))).filter(Boolean)

// The words of a form at a position (a leading و، ف، ب، ل or the article may differ); the span without them.
function matchForm(tokens: readonly Token[], position: number, form: readonly string[], text: string): { start: number; end: number } | null {
  // The token may carry a glued و، ف، ب، ل or ك and the article the name was first written without.
  const matches = (word: string, name: string) => word === name || (word.endsWith(name) && /^(و|ف)?(ب|ل|ك)?(ال)?$/.test(word.slice(0, word.length - name.length)) && name.length >= 3)
  for (let offset = 0; offset < form.length; offset++) {
    const token = tokens[position + offset]
    if (!token || !matches(token.normalized, form[offset]!)) return null
    if (offset > 0 && /[^\s«»“”"]/.test(text.slice(tokens[position + offset - 1]!.end, token.start))) return null
  }
  const first = tokens[position]!
  // A glued particle is left out of the span when the word is written without marks (offsets then match the normalized form).
  const prefix = first.normalized.length - form[0]!.length
  const plain = text.slice(first.start, first.end).length === first.normalized.length
  const start = plain && prefix > 0 && first.normalized.endsWith(form[0]!) ? first.start + prefix : first.start
  return { start, end: tokens[position + form.length - 1]!.end }
}
