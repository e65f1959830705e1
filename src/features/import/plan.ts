/**
 * What the importer does with one parsed document, decided from facts only (pure: no database,
 * no Payload). The importer gathers the facts, asks planImport, and the writer carries the plan
 * out (importer.ts).
 */
export type ID = number | string

export interface ImportFacts {
  file: string
  /** Another file of this batch with the same content, if any. */
  earlierInBatch?: string
  /** The stored article with this content (main row or newest version), if any. */
  byHash: { id: ID; fileName: string | null } | null
  /** The stored article this file was imported into before, with other content. */
  byFile: { id: ID; editedSinceImport: boolean } | null
  dryRun?: boolean
}

export type ImportPlan =
  | { kind: 'duplicate'; duplicateOf: string; articleId?: ID }
  | { kind: 'unchanged'; articleId: ID }
  | { kind: 'conflict'; articleId: ID }
  | { kind: 'dry-run' }
  | { kind: 'create' }
  | { kind: 'update'; articleId: ID }

export const CONFLICT_MESSAGE =
  'the source file changed, but a person has edited the article since it was imported; kept their edits'

/** unchanged / duplicate / conflict / create / update (or dry-run: parsed, nothing written). */
export const planImport = (facts: ImportFacts): ImportPlan => {
  const { file, earlierInBatch, byHash, byFile } = facts
  if (earlierInBatch !== undefined && earlierInBatch !== file) {
    return { kind: 'duplicate', duplicateOf: earlierInBatch }
  }
  if (byHash) {
    if (byHash.fileName === file) return { kind: 'unchanged', articleId: byHash.id }
    return {
      kind: 'duplicate',
      duplicateOf: byHash.fileName ?? `article ${byHash.id}`,
      articleId: byHash.id,
    }
  }
  if (byFile?.editedSinceImport) return { kind: 'conflict', articleId: byFile.id }
  if (facts.dryRun) return { kind: 'dry-run' }
  return byFile ? { kind: 'update', articleId: byFile.id } : { kind: 'create' }
}
