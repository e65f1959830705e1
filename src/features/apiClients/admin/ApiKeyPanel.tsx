import type { UIFieldServerProps } from 'payload'

import { langOf } from '@/admin/labels'
import { API_CLIENTS_SLUG } from '@collections/slugs'
import { keyPanelText } from '../labels'
import { ApiKeyPanelClient } from './ApiKeyPanelClient'

/**
 * The API client's key in its edit view: the hint of the current key (never the key), and a
 * button that makes a new key and shows it once (POST /api/api-clients/:id/key).
 */
export const ApiKeyPanel = async ({ id, payload, user, i18n }: UIFieldServerProps) => {
  const text = keyPanelText(langOf(i18n?.language))
  const client = id
    ? ((await payload.findByID({
        collection: API_CLIENTS_SLUG,
        id,
        depth: 0,
        overrideAccess: false,
        user,
        disableErrors: true,
        select: { keyHint: true },
      })) as { keyHint?: string | null } | null)
    : null
  return (
    <ApiKeyPanelClient
      apiRoute={payload.config.routes.api}
      hint={client?.keyHint ?? null}
      id={id === undefined || id === null ? null : String(id)}
      text={text}
    />
  )
}
