import type { CollectionBeforeChangeHook } from 'payload'
import { CONTEXT } from '@/lib/requestContext'

/**
 * The `source` group records where an imported article came from; only the importer writes it
 * (req.context.import). Any other save keeps what is stored, whatever the client sent.
 */
export const keepSourceReadOnly: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (req.context?.[CONTEXT.import]) return data
  if (operation === 'create') return { ...data, source: {} }
  return { ...data, source: originalDoc?.source ?? {} }
}
