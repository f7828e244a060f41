const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Whether `text[from, to)` holds a letter or a digit of any script (what `/[\p{L}\p{N}]/u` finds),
 * read character by character: Latin and Arabic letters and digits are told by their code, anything
 * else by the Unicode property test. Cheaper than slicing the text and running the regular expression.
 */
export function hasLetterOrDigit(text: string, from = 0, to = text.length): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
      continue
    }
    if ((code >= 0x0621 && code <= 0x064a) || (code >= 0x0660 && code <= 0x0669)) return true
    // Any other character, as a whole code point (a surrogate pair inside the range is read together).
    const point = text.codePointAt(index)!
    const whole = point > 0xffff && index + 1 < to
    if (LETTER_OR_DIGIT.test(whole ? String.fromCodePoint(point) : text[index]!)) return true
    if (whole) index++
  }
  return false
}
