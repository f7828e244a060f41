/** A one-line progress bar such as `[#######·············]  35/108  q-factoid-03`. */
export function renderProgressBar(done: number, total: number, label: string, width = 28): string {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  const counter = `${String(done).padStart(String(total).length)}/${total}`
  return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${counter}  ${label}`
}
