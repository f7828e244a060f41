/**
 * Nouns an English verb or adjective may be nominalized as ("invite" → "invitation", "agree" →
 * "agreement", "sign" → "signature"): Arabic news prose prefers the verbal noun, so when a word's
 * own translations are not in the sources, those of its nominalizations may be. The caller keeps
 * those its dictionary knows.
 */
export function findDerivedForms(base: string): string[] {
  const forms = new Set<string>()
  if (base.length < 3) return []
  if (base.endsWith('y')) {
    const stem = base.slice(0, -1)
    for (const suffix of ['ication', 'iance', 'iment']) forms.add(stem + suffix)
  }
  const stem = base.endsWith('e') ? base.slice(0, -1) : base
  for (const suffix of ['ation', 'ion', 'al', 'ance', 'ence', 'ing', 'ure']) forms.add(stem + suffix)
  for (const suffix of ['ment', 'ature']) forms.add(base + suffix)
  forms.delete(base)
  return [...forms]
}
