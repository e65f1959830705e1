import type { AuthStrategy, AuthStrategyResult } from 'payload'

import { touchLastUsed } from './lastUsed'
import { checkKey } from './lookup'
import { presentedKey } from './keys'

/**
 * `Authorization: api-clients API-Key <key>` → the enabled API client with that key. It replaces
 * Payload's own API-key strategy for this collection (removed in the plugin's onInit), which
 * would also sign in a disabled client. The server answers 401 before Payload runs for a key this
 * strategy refuses (src/server/api/apiKeyGate.ts), so a bad key is never read as anonymous.
 */
export const apiClientStrategy: AuthStrategy = {
  name: 'api-clients-key',
  authenticate: async ({ headers, payload }) => {
    const presented = presentedKey(headers.get('authorization'))
    if (presented.kind !== 'key') return { user: null }
    const check = await checkKey(payload, presented.key)
    if (!check.ok) return { user: null }
    touchLastUsed(payload, check.client)
    return {
      user: { ...check.client, _strategy: 'api-key' } as unknown as AuthStrategyResult['user'],
    }
  },
}
