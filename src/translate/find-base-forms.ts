// Irregular forms a news question is likely to use; regular ones follow the suffix rules below.
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['was', 'be'], ['were', 'be'], ['been', 'be'], ['did', 'do'], ['done', 'do'], ['had', 'have'], ['has', 'have'],
  ['took', 'take'], ['taken', 'take'], ['made', 'make'], ['said', 'say'], ['went', 'go'], ['gone', 'go'],
  ['paid', 'pay'], ['held', 'hold'], ['sold', 'sell'], ['brought', 'bring'], ['bought', 'buy'], ['fought', 'fight'],
  ['caught', 'catch'], ['thought', 'think'], ['found', 'find'], ['told', 'tell'], ['gave', 'give'], ['given', 'give'],
  ['sought', 'seek'], ['led', 'lead'], ['left', 'leave'], ['met', 'meet'], ['sent', 'send'], ['spent', 'spend'],
  ['built', 'build'], ['won', 'win'], ['struck', 'strike'], ['shot', 'shoot'], ['fled', 'flee'], ['began', 'begin'],
  ['begun', 'begin'], ['chose', 'choose'], ['chosen', 'choose'], ['wrote', 'write'], ['written', 'write'],
  ['spoke', 'speak'], ['spoken', 'speak'], ['knew', 'know'], ['known', 'know'], ['saw', 'see'], ['seen', 'see'],
  ['came', 'come'], ['became', 'become'], ['ran', 'run'], ['rose', 'rise'], ['fell', 'fall'], ['fallen', 'fall'],
  ['hid', 'hide'], ['hidden', 'hide'], ['stood', 'stand'], ['understood', 'understand'], ['kept', 'keep'],
  ['lost', 'lose'], ['meant', 'mean'], ['felt', 'feel'], ['heard', 'hear'], ['dealt', 'deal'], ['men', 'man'],
  ['women', 'woman'], ['children', 'child'], ['better', 'good'], ['best', 'good'], ['worse', 'bad'], ['worst', 'bad'],
  ['died', 'die'], ['lying', 'lie'], ['dying', 'die'],
])

const VOWEL = /[aeiou]/

// "stopped" → "stop": a doubled final consonant before -ed/-ing/-er/-est.
function undouble(stem: string): string | null {
  return stem.length >= 3 && stem.at(-1) === stem.at(-2) && !VOWEL.test(stem.at(-1)!) && !/[lsz]/.test(stem.at(-1)!) ? stem.slice(0, -1) : null
}

/**
 * The base forms an inflected English word may come from, most likely first (plural, possessive,
 * past, -ing, comparative and superlative, -ly adverb): "bombings" → "bombing", "bomb". The caller
 * keeps those its dictionary knows. The word itself is not included.
 */
export function findBaseForms(word: string): string[] {
  const lower = word.toLowerCase().replace(/['’]s?$/, '')
  const forms: string[] = []
  const add = (form: string | null) => {
    if (form && form.length >= 2 && form !== word.toLowerCase() && !forms.includes(form)) forms.push(form)
  }
  add(lower)
  const irregular = IRREGULAR.get(lower)
  if (irregular) add(irregular)
  const withSuffix = (suffix: string, ...replacements: string[]) => {
    if (!lower.endsWith(suffix) || lower.length < suffix.length + 2) return
    const stem = lower.slice(0, -suffix.length)
    for (const replacement of replacements) add(stem + replacement)
    add(undouble(stem))
  }
  withSuffix('ies', 'y')
  withSuffix('ied', 'y')
  withSuffix('iest', 'y')
  withSuffix('ier', 'y')
  withSuffix('ily', 'y')
  if (lower.endsWith('es') && /(s|x|z|ch|sh)es$/.test(lower)) add(lower.slice(0, -2))
  if (lower.endsWith('s') && !/(ss|us|is)$/.test(lower)) {
    add(lower.slice(0, -1))
    // "bombings" → "bombing" → "bomb": a plural of an inflected form.
    for (const form of findBaseForms(lower.slice(0, -1))) add(form)
  }
  withSuffix('ed', '', 'e')
  withSuffix('ing', '', 'e')
  withSuffix('est', '', 'e')
  withSuffix('er', '', 'e')
  withSuffix('ly', '')
  return forms
}
