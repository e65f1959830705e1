import type { FieldHook } from 'payload'

import { CONTEXT } from '@/lib/requestContext'

/**
 * Write-only secret: every read returns nothing, for every caller and every door (REST, GraphQL,
 * Local API, the admin), except the response of the save that generated or set it and the
 * delivery task (both mark req.context.webhookSecretReveal, which no client can set).
 */
export const hideSecret: FieldHook = ({ value, req }) =>
  req.context?.[CONTEXT.webhookSecretReveal] === true ? value : undefined
