import { consonantSkeleton } from '../text/consonant-skeleton.js'

/**
 * A crude Arabic root guess from a Light10 stem: the consonant skeleton without one derivational
 * prefix (ت ي ن م, or است) and a feminine past ت, so مقتل/المقتول/قتل and فشلت/فشل meet.
 * Latin and numeric stems are returned unchanged.
 */
export function approximateRoot(stem: string): string {
  if (!/[\u0621-\u064A]/.test(stem)) return stem
  let root = consonantSkeleton(stem)
  if (root.length > 4 && root.startsWith('ست')) root = root.slice(2)
  if (root.length > 3 && root.endsWith('ت')) root = root.slice(0, -1)
  if (root.length > 3 && /^[تينم]/.test(root)) root = root.slice(1)
  return root
}
