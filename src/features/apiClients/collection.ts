import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { API_CLIENT_SCOPES } from '@/access/roles'
import { API_CLIENTS_SLUG } from '@collections/slugs'
import { apiClientStrategy } from './strategy'

const closed = () => false

/**
 * Sites and apps that read the Delivery API with a key (`Authorization: api-clients API-Key
 * <key>`). Admins manage them; a key is made by the server and shown once (POST
 * /api/api-clients/:id/key, the key panel); afterwards only its hint is stored in the clear.
 */
export const ApiClients: CollectionConfig = {
  slug: API_CLIENTS_SLUG,
  labels: {
    singular: { en: 'API client', id: 'Klien API' },
    plural: { en: 'API clients', id: 'Klien API' },
  },
  admin: {
    group: { en: 'Newsroom', id: 'Redaksi' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'scope', 'enabled', 'keyHint', 'lastUsedAt'],
    hidden: ({ user }) => (user as { role?: string; collection?: string } | null)?.role !== 'admin',
  },
  auth: {
    useAPIKey: true,
    disableLocalStrategy: true,
    strategies: [apiClientStrategy],
  },
  access: {
    admin: closed,
    read: isAdmin,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 120,
      label: { en: 'Name', id: 'Nama' },
      admin: {
        description: {
          en: 'Who uses this key, e.g. "Website" or "Android app".',
          id: 'Siapa pemakai kunci ini, mis. "Situs web" atau "Aplikasi Android".',
        },
      },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'published',
      label: { en: 'Scope', id: 'Cakupan' },
      options: [
        {
          value: API_CLIENT_SCOPES[0],
          label: { en: 'Published content only', id: 'Hanya konten terbit' },
        },
        {
          value: API_CLIENT_SCOPES[1],
          label: {
            en: 'Preview: also latest drafts (read-only)',
            id: 'Pratinjau: juga draf terbaru (baca saja)',
          },
        },
      ],
    },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Enabled', id: 'Aktif' },
      admin: {
        description: {
          en: 'A disabled client’s requests are refused (401) at once.',
          id: 'Permintaan klien nonaktif langsung ditolak (401).',
        },
      },
    },
    {
      name: 'keyPanel',
      type: 'ui',
      label: { en: 'API key', id: 'Kunci API' },
      admin: {
        disableListColumn: true,
        components: { Field: '/src/features/apiClients/admin/ApiKeyPanel#ApiKeyPanel' },
      },
    },
    {
      name: 'keyHint',
      type: 'text',
      label: { en: 'Key', id: 'Kunci' },
      admin: { readOnly: true, hidden: true },
      access: { read: isAdminField, create: closed, update: closed },
    },
    {
      name: 'lastUsedAt',
      type: 'date',
      label: { en: 'Last used', id: 'Terakhir dipakai' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
      },
      access: { create: closed, update: closed },
    },
    // Payload's API-key fields: nobody sets or reads a key through any API; the key endpoint
    // writes it as trusted server code. (Closing `apiKey` also hides Payload's own key UI.)
    { name: 'apiKey', type: 'text', access: { read: closed, create: closed, update: closed } },
  ],
}
