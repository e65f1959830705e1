import type { CollectionConfig, Validate } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { WEBHOOKS_SLUG } from '@collections/slugs'
import { WEBHOOK_EVENTS } from '../../events'
import { webhookLabels } from '../../labels'
import { parseWebhookUrl, validateWebhookUrl } from '../../ssrf'
import { hideSecret } from './hooks/hideSecret'
import { keepOrGenerateSecret } from './hooks/keepOrGenerateSecret'

const adminOnly = ({ req }: Parameters<typeof isAdmin>[0]) => isAdmin({ req })

/**
 * The SSRF guard on save (400 with the reason). An unchanged URL is not resolved again (every
 * delivery checks it anyway), so a webhook can always be disabled or renamed; while an admin
 * types, only the syntax is checked (no DNS lookup per keystroke).
 */
const validateUrl: Validate = async (value, { event, operation, previousValue }) => {
  try {
    if (event === 'onChange' || (operation === 'update' && value === previousValue)) {
      parseWebhookUrl(value)
    } else {
      await validateWebhookUrl(value)
    }
    return true
  } catch (err) {
    return (err as Error).message
  }
}

/**
 * Webhooks: where Redaksi POSTs signed article events (src/features/webhooks). Admins only, for
 * every operation and every door. The URL passes the SSRF guard on save (and again on each
 * delivery); the secret is write-only (hooks/hideSecret.ts).
 */
export const Webhooks: CollectionConfig = {
  slug: WEBHOOKS_SLUG,
  labels: {
    singular: { en: 'Webhook', id: 'Webhook' },
    plural: { en: 'Webhooks', id: 'Webhook' },
  },
  admin: {
    group: webhookLabels.group,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'enabled', 'updatedAt'],
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  access: {
    read: adminOnly,
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
  },
  timestamps: true,
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { en: 'Name', id: 'Nama' },
    },
    {
      name: 'url',
      type: 'text',
      required: true,
      maxLength: 2048,
      label: { en: 'URL', id: 'URL' },
      validate: validateUrl,
      hooks: { beforeChange: [({ value }) => (typeof value === 'string' ? value.trim() : value)] },
      admin: {
        description: {
          en: 'http(s) URL of the receiver. Not this CMS, not link-local/metadata addresses; loopback and private networks only with WEBHOOKS_ALLOW_PRIVATE=true.',
          id: 'URL http(s) penerima. Bukan CMS ini, bukan alamat link-local/metadata; loopback dan jaringan privat hanya dengan WEBHOOKS_ALLOW_PRIVATE=true.',
        },
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: { en: 'Events', id: 'Peristiwa' },
      options: WEBHOOK_EVENTS.map((value) => ({ value, label: value })),
    },
    {
      name: 'secret',
      type: 'text',
      maxLength: 256,
      minLength: 16,
      label: webhookLabels.secret,
      hooks: { beforeChange: [keepOrGenerateSecret], afterRead: [hideSecret] },
      admin: {
        components: { Field: '/src/features/webhooks/admin/SecretField#SecretField' },
      },
    },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Enabled', id: 'Aktif' },
    },
  ],
}
