/** The stem without long vowels: loanword spellings differ mostly in them (امريك/اميرك → مرك). */
export function consonantSkeleton(stem: string): string {
  return /[\u0621-\u064A]/.test(stem) ? stem.replace(/[اوي]/g, '') : stem
}
