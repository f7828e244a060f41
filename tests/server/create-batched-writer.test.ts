import { setImmediate as nextTurn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { createBatchedWriter } from '../../src/server/create-batched-writer.js'

describe('createBatchedWriter', () => {
  it('should write the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = []
    const write = createBatchedWriter({ write: (text) => writes.push(text) }, () => {})
    write('one\n')
    write('two\n')
    expect(writes).toEqual([])
    await nextTurn()
    expect(writes).toEqual(['one\ntwo\n'])
    write('three\n')
    await nextTurn()
    expect(writes).toEqual(['one\ntwo\n', 'three\n'])
  })

  it('should write what is pending when the process exits', () => {
    const writes: string[] = []
    let exit = () => {}
    const write = createBatchedWriter({ write: (text) => writes.push(text) }, (flush) => (exit = flush))
    write('last words\n')
    exit()
    expect(writes).toEqual(['last words\n'])
  })
})
