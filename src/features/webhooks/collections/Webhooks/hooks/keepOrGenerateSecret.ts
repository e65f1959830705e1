import type { FieldHook } from 'payload'

import { WEBHOOKS_SLUG } from '@collections/slugs'
import { CONTEXT } from '@/lib/requestContext'
import { generateSecret } from '../../../sign'

/**
 * The secret on save: generated when a webhook is created without one, kept when an update
 * leaves it empty (reads never return it, so the admin form sends it back empty), replaced when a
 * new one is given. A generated or new secret is returned once, in this save's response (only that
 * secret: other webhooks read in the same request stay hidden).
 */
export const keepOrGenerateSecret: FieldHook = async ({ value, operation, originalDoc, req }) => {
  const reveal = (secret: string): string => {
    const current = req.context[CONTEXT.webhookSecretReveal]
    if (current !== true) {
      req.context[CONTEXT.webhookSecretReveal] = [...(current ?? []), secret]
    }
    return secret
  }
  const given = typeof value === 'string' ? value.trim() : ''
  if (given) return reveal(given)
  if (operation === 'create' || !originalDoc?.id) return reveal(generateSecret())
  // originalDoc went through afterRead (secret hidden): the stored value, without hooks
  const stored = (await req.payload.db.findOne({
    collection: WEBHOOKS_SLUG,
    where: { id: { equals: originalDoc.id } },
    req,
  })) as { secret?: string | null } | null
  return stored?.secret || generateSecret()
}
