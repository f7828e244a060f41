/**
 * Rewrites every non-ASCII character of bundled JavaScript as a `\uXXXX` escape (UTF-16 code units, so
 * an astral character becomes its surrogate pair), giving code that means the same and is pure ASCII.
 * esbuild already escapes strings, templates and identifiers but leaves regular expression literals as
 * written (`/[،؟]/`); there an escape matches the same code units, with or without the `u` flag. A
 * character after an odd number of backslashes was an identity escape (`\،`) and keeps one backslash.
 */
export function escapeNonAscii(code: string): string {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_match, backslashes: string, character: string) => {
    const escaped = `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    return backslashes.length % 2 === 1 ? `${backslashes.slice(1)}${escaped}` : `${backslashes}${escaped}`
  })
}
