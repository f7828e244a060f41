import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPrompt } from '../../src/llm/render-prompt.js'

let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sanad-prompts-'))
  await writeFile(join(folder, 'greet.md'), 'Hello {{name}}, about {{ topic }}: {{name}}.')
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('renderPrompt', () => {
  it('should replace every placeholder with its value', async () => {
    const rendered = await renderPrompt('greet', { name: 'سند', topic: 'داعش' }, { folder })
    expect(rendered).toBe('Hello سند, about داعش: سند.')
  })

  it('should insert values literally, without expanding placeholders or replacement patterns inside them', async () => {
    const name = '{{topic}} $& $1'
    const rendered = await renderPrompt('greet', { name, topic: 'x' }, { folder })
    expect(rendered).toBe(`Hello ${name}, about x: ${name}.`)
  })

  it('should throw config_invalid naming each placeholder that has no value', async () => {
    const error = await renderPrompt('greet', { name: 'a' }, { folder }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'SanadError', code: 'config_invalid', details: { missing: ['topic'] } })
  })

  it('should throw config_invalid for a prompt that does not exist', async () => {
    await expect(renderPrompt('missing', {}, { folder })).rejects.toMatchObject({ code: 'config_invalid' })
  })

  it('should refuse a prompt name that could leave the prompt folder', async () => {
    await expect(renderPrompt('../secrets', {}, { folder })).rejects.toMatchObject({ code: 'config_invalid' })
  })

  it('should keep using the first read of a prompt file', async () => {
    await writeFile(join(folder, 'cached.md'), 'first {{value}}')
    const before = await renderPrompt('cached', { value: '1' }, { folder })
    await writeFile(join(folder, 'cached.md'), 'second {{value}}')
    expect(await renderPrompt('cached', { value: '1' }, { folder })).toBe(before)
  })
})

describe('the prompt files', () => {
  const cases: [string, Record<string, string>][] = [
    ['answer-system.ar', {}],
    ['answer-system.en', {}],
    ['answer-user', { evidence: '[1] جملة.', question: 'سؤال؟', history: '' }],
    ['rewrite-query', { question: 'And when?', history: 'user: Who killed bin Laden?' }],
    ['judge-support', { claim: 'claim', passages: '[1] passage' }],
  ]

  it.each(cases)('should render %s with exactly its documented variables', async (name, variables) => {
    const rendered = await renderPrompt(name, variables)
    expect(rendered).not.toMatch(/\{\{/)
    for (const value of Object.values(variables).filter(Boolean)) expect(rendered).toContain(value)
  })

  it.each(['answer-system.ar', 'answer-system.en'])('should tell the model in %s to say NOT_IN_SOURCES and cite with [n]', async (name) => {
    const rendered = await renderPrompt(name, {})
    expect(rendered).toContain('`NOT_IN_SOURCES`')
    expect(rendered).toContain('`[2]`')
  })
})
