import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { EDITORS_SLUG, WEBHOOK_DELIVERIES_SLUG, WEBHOOKS_SLUG } from '@collections/slugs'
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from '../../events'
import { webhookLabels } from '../../labels'
import { redeliverEndpoint } from '../../redeliver'

const adminOnly = ({ req }: Parameters<typeof isAdmin>[0]) => isAdmin({ req })

/**
 * The delivery log: one row per delivery (all its tries), written only by the server. Admins
 * read it; nobody edits it through any API. A redelivery is a new row (new delivery id) pointing
 * at the one it repeats and naming the admin who asked (the audit trail of redeliveries).
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: WEBHOOK_DELIVERIES_SLUG,
  labels: {
    singular: { en: 'Webhook delivery', id: 'Pengiriman webhook' },
    plural: { en: 'Webhook deliveries', id: 'Pengiriman webhook' },
  },
  admin: {
    group: webhookLabels.group,
    useAsTitle: 'deliveryId',
    defaultColumns: [
      'createdAt',
      'webhook',
      'event',
      'status',
      'attempts',
      'lastResponseCode',
      'durationMs',
    ],
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
    disableCopyToLocale: true,
  },
  access: {
    read: adminOnly,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-createdAt',
  timestamps: true,
  endpoints: [redeliverEndpoint],
  fields: [
    {
      name: 'redeliver',
      type: 'ui',
      admin: {
        components: { Field: '/src/features/webhooks/admin/RedeliverButton#RedeliverButton' },
      },
    },
    { name: 'webhook', type: 'relationship', relationTo: WEBHOOKS_SLUG, index: true },
    {
      name: 'event',
      type: 'select',
      required: true,
      options: WEBHOOK_EVENTS.map((value) => ({ value, label: value })),
    },
    {
      name: 'deliveryId',
      type: 'text',
      required: true,
      unique: true,
      label: { en: 'Delivery id', id: 'Id pengiriman' },
    },
    {
      name: 'articleRef',
      type: 'text',
      index: true,
      label: { en: 'Article id', id: 'Id artikel' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: DELIVERY_STATUSES.map((value) => ({ value, label: value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { en: 'Tries', id: 'Percobaan' } },
    {
      name: 'lastResponseCode',
      type: 'number',
      label: { en: 'Last response code', id: 'Kode respons terakhir' },
    },
    { name: 'durationMs', type: 'number', label: { en: 'Duration (ms)', id: 'Durasi (ms)' } },
    { name: 'lastError', type: 'text', label: { en: 'Last error', id: 'Galat terakhir' } },
    {
      name: 'lastAttemptAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'nextAttemptAt',
      type: 'date',
      label: { en: 'Next try', id: 'Percobaan berikutnya' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'payload', type: 'json', label: { en: 'Payload', id: 'Muatan' } },
    {
      name: 'redeliveryOf',
      type: 'relationship',
      relationTo: WEBHOOK_DELIVERIES_SLUG,
      label: { en: 'Redelivery of', id: 'Pengiriman ulang dari' },
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: EDITORS_SLUG,
      label: { en: 'Redelivery requested by', id: 'Pengiriman ulang diminta oleh' },
    },
  ],
}
