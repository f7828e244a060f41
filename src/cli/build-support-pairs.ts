import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { SanadError } from '../errors/sanad-error.js'
import { generateSupportPairs, type PairSourceDocument } from '../eval/generate-support-pairs.js'
import { ArcdExtractSchema, loadPairSources, PAIR_SEED } from '../eval/load-pair-sources.js'
import { SupportPairSetSchema, type SupportPair } from '../eval/question-set.js'
import { splitSupportPairs } from '../eval/split-support-pairs.js'
import { normalizeArabic } from '../text/normalize-arabic.js'

const USAGE = `npm run pairs -- [--arcd PATH]

Builds the labelled support pairs: the hand-written pairs of datasets/support-sources/hand-written-pairs.json
and pairs drawn (seeded, deterministic) from the seed article, the four development news articles
and the ARCD paragraphs of datasets/support-sources/arcd-paragraphs.json; then splits them by source
document into datasets/support-pairs.json (development) and datasets/support-pairs.heldout.json (frozen).

  --arcd PATH   first re-extract the ARCD paragraphs from the ARCD training file (SQuAD format)
  -h, --help    show this help
`

const ROOT = new URL('../../', import.meta.url)
const ARCD_DOCUMENTS = 45
// Entries on religion are left out: putting false statements about them in a data set helps no one.
const ARCD_EXCLUDED_TITLES = new Set(['محمد', 'غزوة بدر', 'صوفية', 'محمد بن إدريس الشافعي', 'عيسى بن مريم', 'الكعبة', 'عاشوراء', 'بظر'])

const ArcdSchema = z.object({
  data: z.array(z.object({
    title: z.string(),
    paragraphs: z.array(z.object({ context: z.string(), qas: z.array(z.object({ question: z.string(), answers: z.array(z.object({ text: z.string() })) })) })),
  })),
})

/** `npm run pairs`: regenerates the labelled support pairs and their split. */
async function buildSupportPairs(): Promise<number> {
  const { values } = parseArgs({ options: { arcd: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const arcdPath = new URL('datasets/support-sources/arcd-paragraphs.json', ROOT)
  if (values.arcd) await writeFile(arcdPath, `${JSON.stringify(await extractArcd(values.arcd), null, 2)}\n`)
  const { documents, quotaOf } = await loadPairSources()
  const generated = generateSupportPairs(documents, quotaOf, PAIR_SEED)
  const handWritten = SupportPairSetSchema.parse(JSON.parse(await readFile(new URL('datasets/support-sources/hand-written-pairs.json', ROOT), 'utf8')))
  checkPassages(handWritten, documents)

  const all = SupportPairSetSchema.parse([...handWritten, ...generated])
  const { development, heldOut } = splitSupportPairs(all)
  await writeFile(new URL('datasets/support-pairs.json', ROOT), `${JSON.stringify(development, null, 2)}\n`)
  await writeFile(new URL('datasets/support-pairs.heldout.json', ROOT), `${JSON.stringify(heldOut, null, 2)}\n`)
  const describe = (pairs: readonly SupportPair[]) =>
    `${pairs.length} pairs (${pairs.filter((pair) => pair.supported).length} supported; ${pairs.filter((pair) => pair.origin === 'hand').length} hand-written) from ${new Set(pairs.map((pair) => pair.source)).size} documents`
  process.stdout.write(`development: ${describe(development)}\nheld-out:    ${describe(heldOut)}\n`)
  return 0
}

/** Every hand-written pair's passage must be an exact substring of its source document. */
function checkPassages(pairs: readonly SupportPair[], documents: readonly PairSourceDocument[]): void {
  const texts = new Map(documents.map((document) => [document.id, document.paragraphs.join('\n')]))
  for (const pair of pairs) {
    const text = texts.get(pair.source ?? '')
    if (text === undefined) throw new SanadError('config_invalid', `${pair.id}: unknown source ${pair.source}`)
    if (!text.includes(pair.passage)) throw new SanadError('config_invalid', `${pair.id}: the passage is not in ${pair.source}`)
  }
}

/** The first ARCD entries (religion left out) with duplicate paragraphs merged and questions cleaned. */
async function extractArcd(path: string): Promise<z.infer<typeof ArcdExtractSchema>> {
  const arcd = ArcdSchema.parse(JSON.parse(await readFile(path, 'utf8')))
  const documents: z.infer<typeof ArcdExtractSchema> = []
  for (const [index, entry] of arcd.data.entries()) {
    if (documents.length === ARCD_DOCUMENTS) break
    if (ARCD_EXCLUDED_TITLES.has(entry.title)) continue
    // Later paragraphs of an entry often repeat an earlier one in full: keep the longest.
    const contexts = entry.paragraphs.map((paragraph) => paragraph.context.trim())
    const kept = contexts.filter((context, position) => !contexts.some((other, otherPosition) => otherPosition !== position && covers(other, context) && (other.length > context.length || otherPosition > position)))
    const questions = entry.paragraphs.flatMap((paragraph) =>
      paragraph.qas.map((qa) => ({ question: cleanQuestion(qa.question), answers: [...new Set(qa.answers.map((answer) => answer.text.trim()))] })),
    )
    documents.push({ id: `arcd-${String(index).padStart(2, '0')}`, title: entry.title, paragraphs: kept, questions: questions.filter((question) => INTERROGATIVE.test(normalizeArabic(question.question))) })
  }
  return documents
}

function covers(text: string, part: string): boolean {
  const strip = (value: string) => normalizeArabic(value).replace(/[^\p{L}\p{N}]+/gu, '')
  return strip(text).includes(strip(part))
}

// A question worth keeping opens with an interrogative (some ARCD questions are fragments).
const INTERROGATIVE = /^(?:و|ف)?(?:ما|ماذا|ماهي|ماهو|من|متي|اين|كم|كيف|لماذا|لم|هل|اي|باي|في اي|الي اي|من اي|علي اي|بماذا|لمن|مع من|الي متي|منذ متي)(?:\s|$)/

// ARCD questions carry crowd-sourcing debris: a leading "- " and a trailing "ال".
function cleanQuestion(question: string): string {
  return question.replace(/^\s*-\s*/, '').replace(/\s+ال\s*$/, '').replace(/\s+/g, ' ').trim()
}

buildSupportPairs().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pairs failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
