import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_DIRECTORY, startServer, type StartedServer } from '../support/start-server.js'

/** A curl command of the README, read into what fetch needs. */
interface CurlExample {
  command: string
  path: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: string | undefined
}

/** Every `curl` command in the README's shell blocks, with its continuation lines joined. */
function readCurlExamples(readme: string): CurlExample[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!)
  const commands = blocks.flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line.startsWith('curl ')))
  return commands.map((command) => {
    const path = /localhost:8787(\/[^\s']*)/.exec(command)?.[1] ?? '/'
    const headers: Record<string, string> = {}
    for (const match of command.matchAll(/-H '([^:]+): ([^']*)'/g)) headers[match[1]!] = match[2]!
    const body = /-d '([^']*)'/.exec(command)?.[1]
    return { command, path, method: body === undefined ? 'GET' : 'POST', headers, body }
  })
}

// What a right answer is, for each example: keyed by the request (path and body), checked on the text.
const RIGHT_ANSWERS: { matches: (example: CurlExample) => boolean; check: (text: string, status: number) => void }[] = [
  {
    matches: (example) => example.path === '/api/ask' && example.body?.includes('متى أعلن أوباما مقتل بن لادن') === true,
    check: (text) => expect(JSON.parse(text)).toMatchObject({ answered: true, shortAnswer: '2 مايو 2011' }),
  },
  {
    matches: (example) => example.path === '/api/ask' && example.body?.includes('"documents":["article"]') === true,
    check: (text) => {
      const answer = JSON.parse(text)
      expect(answer.shortAnswer).toBe('40 دولة')
      expect(answer.citations.every((citation: { docId: string }) => citation.docId === 'article')).toBe(true)
    },
  },
  {
    matches: (example) => example.path === '/api/ask' && example.body?.includes('Which American journalist') === true,
    check: (text) => {
      const answer = JSON.parse(text)
      expect(answer.answer).toMatch(/Foley/)
      expect(answer.citations[0].quote).toContain('جيمس فولي')
    },
  },
  {
    // An overview in two sentences: two cited points of the article, in its order.
    matches: (example) => example.path === '/api/ask' && example.body?.includes('لخص المقال') === true,
    check: (text) => {
      const answer = JSON.parse(text)
      expect(answer.answered).toBe(true)
      expect(answer.citations.length).toBe(2)
      expect(answer.citations[0].start).toBeLessThan(answer.citations[1].start)
    },
  },
  {
    matches: (example) => example.path === '/api/documents/article/guide',
    check: (text) => {
      const guide = JSON.parse(text)
      expect(guide.docId).toBe('article')
      expect(guide.summary.length).toBeGreaterThanOrEqual(3)
      expect(guide.timeline.length).toBeGreaterThan(0)
    },
  },
  {
    matches: (example) => example.path === '/api/chat',
    check: (text) => {
      const answer = JSON.parse(/event: answer\ndata: (.*)\n/.exec(text)![1]!)
      expect(answer.shortAnswer).toBe('2 مايو 2011')
    },
  },
  {
    matches: (example) => example.path === '/api/chat/ui',
    check: (text) => {
      const answer = JSON.parse(text.split('\n').find((line) => line.includes('"type":"data-answer"'))!.slice('data: '.length)).data
      expect(answer.answered).toBe(true)
      // The role of Morocco in the coalition: its stance, as its ambassador to the Arab League put it.
      expect(answer.citations.some((citation: { quote: string }) => citation.quote.includes('موقف المغرب من التحالف'))).toBe(true)
    },
  },
  {
    matches: (example) => example.path === '/v1/chat/completions' && example.body?.includes('"stream":true') === true,
    check: (text) => {
      const content = text.split('\n').filter((line) => line.startsWith('data: {')).map((line) => JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '').join('')
      expect(content).toContain('2 مايو 2011')
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    },
  },
  {
    matches: (example) => example.path === '/v1/chat/completions',
    check: (text) => expect(JSON.parse(text).choices[0].message.content).toContain('2 مايو 2011'),
  },
  { matches: (example) => example.path === '/v1/models', check: (text) => expect(JSON.parse(text).data.map((model: { id: string }) => model.id)).toContain('sanad') },
  { matches: (example) => example.path === '/api/documents', check: (text) => expect(JSON.parse(text).documents.map((document: { id: string }) => document.id)).toContain('article') },
  {
    matches: (example) => example.path === '/api/documents/article',
    check: (text) => expect(JSON.parse(text).text).toBe(readFileSync(join(PROJECT_DIRECTORY, 'index', 'sources', 'article.txt'), 'utf8')),
  },
  { matches: (example) => example.path === '/api/suggestions', check: (text) => expect(JSON.parse(text).suggestions.length).toBeGreaterThan(0) },
  { matches: (example) => example.path === '/api/health', check: (text) => expect(JSON.parse(text)).toMatchObject({ status: 'ok', documents: 1 }) },
  { matches: (example) => example.path === '/api/ready', check: (_text, status) => expect(status).toBe(200) },
  { matches: (example) => example.path === '/openapi.json', check: (text) => expect(JSON.parse(text).openapi).toBe('3.1.0') },
  {
    // The example claims 2012 where the quote says 2011: a right judge says it is not supported.
    matches: (example) => example.path === '/api/grounding',
    check: (text) => {
      const grounding = JSON.parse(text)
      expect(grounding.supported).toBe(false)
      expect(grounding.score).toBeLessThan(0.5)
    },
  },
]

const examples = readCurlExamples(readFileSync(join(PROJECT_DIRECTORY, 'README.md'), 'utf8'))
let server: StartedServer
beforeAll(async () => {
  server = await startServer()
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

describe('the README’s curl examples, against the real server', () => {
  it('should find the examples of the API section', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15)
  })

  it.each(examples.map((example) => [example.command.slice(0, 110), example] as const))('should give a right answer to %s', async (_name, example) => {
    const rule = RIGHT_ANSWERS.find((candidate) => candidate.matches(example))
    expect(rule, `no expectation for the README example: ${example.command}`).toBeDefined()
    const response = await fetch(`${server.url}${example.path}`, { method: example.method, headers: example.headers, ...(example.body === undefined ? {} : { body: example.body }) })
    const text = await response.text()
    if (example.path !== '/api/ready') expect(response.status, text.slice(0, 300)).toBe(200)
    rule!.check(text, response.status)
  })
})
