// @ts-check

/**
 * Formats an answer as plain text followed by its numbered sources, each with its quote and
 * character offsets, so a pasted answer stays verifiable.
 * @param {import('./api.js').AskResponse} response
 * @returns {string}
 */
export function formatAnswerForClipboard(response) {
  const answer = response.answer.trim()
  if (response.citations.length === 0) return answer
  const sources = [...response.citations]
    .sort((left, right) => left.n - right.n)
    .map((citation) => `[${citation.n}] «${citation.quote}» (${citation.docId}: ${citation.start}–${citation.end})`)
  return `${answer}\n\nالمصادر:\n${sources.join('\n')}`
}
