import { describe, expect, it } from 'vitest'

import { planImport } from '@/features/import/plan'
import type { ImportFacts } from '@/features/import/plan'

const facts = (over: Partial<ImportFacts>): ImportFacts => ({
  file: 'a.txt',
  byHash: null,
  byFile: null,
  ...over,
})

describe('planImport (pure: which of unchanged / duplicate / conflict / create / update)', () => {
  it.each<[string, Partial<ImportFacts>, ReturnType<typeof planImport>]>([
    ['new content, new file', {}, { kind: 'create' }],
    [
      'same content as an earlier file of this batch',
      { earlierInBatch: 'b.txt' },
      { kind: 'duplicate', duplicateOf: 'b.txt' },
    ],
    [
      'the same file twice in a batch is not a duplicate',
      { earlierInBatch: 'a.txt' },
      { kind: 'create' },
    ],
    [
      'stored with this content from this file',
      { byHash: { id: 7, fileName: 'a.txt' } },
      { kind: 'unchanged', articleId: 7 },
    ],
    [
      'stored with this content from another file',
      { byHash: { id: 7, fileName: 'b.txt' } },
      { kind: 'duplicate', duplicateOf: 'b.txt', articleId: 7 },
    ],
    [
      'stored with this content, file unknown',
      { byHash: { id: 7, fileName: null } },
      { kind: 'duplicate', duplicateOf: 'article 7', articleId: 7 },
    ],
    [
      'the file changed, nobody edited the article',
      { byFile: { id: 3, editedSinceImport: false } },
      { kind: 'update', articleId: 3 },
    ],
    [
      'the file changed, a person edited the article',
      { byFile: { id: 3, editedSinceImport: true } },
      { kind: 'conflict', articleId: 3 },
    ],
    ['dry run: nothing to write', { dryRun: true }, { kind: 'dry-run' }],
    [
      'dry run still reports a conflict',
      { dryRun: true, byFile: { id: 3, editedSinceImport: true } },
      { kind: 'conflict', articleId: 3 },
    ],
  ])('%s', (_name, over, expected) => {
    expect(planImport(facts(over))).toEqual(expected)
  })
})
