import type { Access, CollectionConfig } from 'payload'

import { isEditor } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { roleOf } from '@/access/roles'
import { ARTICLES_SLUG, CORRECTIONS_SLUG } from '@collections/slugs'
import { CORRECTION_KINDS, CORRECTION_MAX_LENGTH } from '@/features/workflow/rules/desk'
import { auditCorrection } from './hooks/auditCorrection'
import { checkCorrection } from './hooks/checkCorrection'

export const correctionKindLabels = {
  correction: { en: 'Correction', id: 'Ralat' },
  update: { en: 'Update', id: 'Pembaruan' },
  clarification: { en: 'Clarification', id: 'Klarifikasi' },
} as const

/** Staff read every correction; the public those on published articles. */
const publicOrStaff: Access = ({ req }) =>
  roleOf(req) !== null ? true : { 'article._status': { equals: 'published' } }

/**
 * Corrections, updates and clarifications of published articles: a record of their own (not a
 * field of the versioned article), so adding one never needs a re-review, never creates an
 * article version and never publishes a pending draft. Appended by editors and admins, never
 * edited or deleted through any API; each is audited as `correct`. Articles list them in date
 * order through their `corrections` join field (REST, GraphQL, the admin).
 */
export const Corrections: CollectionConfig = {
  slug: CORRECTIONS_SLUG,
  labels: {
    singular: { en: 'Correction', id: 'Ralat' },
    plural: { en: 'Corrections', id: 'Ralat' },
  },
  admin: {
    group: { en: 'Content', id: 'Konten' },
    useAsTitle: 'text',
    defaultColumns: ['date', 'kind', 'article', 'text'],
  },
  defaultSort: 'date',
  // The articles' `corrections` join in GraphQL reads unpaginated: for the public that becomes the
  // first capped page (src/limits/readCaps.ts) instead of a 400.
  custom: { boundedUnpaginatedReads: true },
  access: { read: publicOrStaff, create: isEditor, update: nobody, delete: nobody },
  hooks: {
    beforeChange: [checkCorrection],
    afterChange: [auditCorrection],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      required: true,
      index: true,
      label: { en: 'Article', id: 'Artikel' },
    },
    {
      name: 'date',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      label: { en: 'Date', id: 'Tanggal' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'correction',
      label: { en: 'Kind', id: 'Jenis' },
      options: CORRECTION_KINDS.map((value) => ({ value, label: correctionKindLabels[value] })),
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: CORRECTION_MAX_LENGTH,
      label: { en: 'Text (public)', id: 'Teks (publik)' },
    },
  ],
}
