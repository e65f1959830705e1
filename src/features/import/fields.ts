import type { Field, FieldAccess } from 'payload'

import { isStaffField } from '@/access/isStaffField'

const staffRead: FieldAccess = isStaffField

/** Read-only in the admin, readable by staff only. */
const importerOwned = (fields: Field[]): Field[] =>
  fields.map(
    (field) =>
      ({
        ...field,
        access: { read: staffRead },
        admin: { ...field.admin, readOnly: true },
      }) as Field,
  )

/** The parser's confidence, warnings and removed lines, shown in the editor's language. */
const importReviewField: Field = {
  name: 'importReview',
  type: 'ui',
  label: { en: 'Import review', id: 'Tinjauan impor' },
  admin: {
    disableListColumn: true,
    components: { Field: '/src/features/import/admin/ImportReview#ImportReview' },
  },
}

/** Where an imported article came from (the last field of Articles). */
export const sourceField: Field = {
  name: 'source',
  type: 'group',
  label: { en: 'Imported source', id: 'Sumber impor' },
  admin: {
    condition: (data) => Boolean(data?.source?.fileName),
    description: {
      en: 'Where an imported article came from. Read-only.',
      id: 'Asal artikel hasil impor. Hanya-baca.',
    },
  },
  // Written only by the importer; the keepSourceReadOnly hook ignores anything else. Each
  // field is for signed-in staff only (anonymous readers never see raw text or file names).
  fields: importerOwned([
    { name: 'outlet', type: 'text', label: { en: 'Outlet', id: 'Media' } },
    { name: 'editor', type: 'text', label: { en: 'Credited editor', id: 'Editor tercantum' } },
    {
      name: 'translators',
      type: 'text',
      hasMany: true,
      label: { en: 'Translators', id: 'Penerjemah' },
    },
    {
      name: 'fileName',
      type: 'text',
      index: true,
      label: { en: 'Original file', id: 'Berkas asli' },
    },
    {
      name: 'contentHash',
      type: 'text',
      index: true,
      label: { en: 'Content hash', id: 'Hash isi' },
    },
    { name: 'importedAt', type: 'date', label: { en: 'Imported at', id: 'Diimpor pada' } },
    { name: 'importedVersionHash', type: 'text', admin: { hidden: true } },
    {
      name: 'warnings',
      type: 'json',
      label: { en: 'Parser warnings', id: 'Peringatan parser' },
    },
    { name: 'boilerplate', type: 'json', admin: { hidden: true } },
    // Per-field parser confidence (0–1) and whether an editor should look: the review queue's
    // "needs attention" filter (issue #12).
    { name: 'confidence', type: 'json', admin: { hidden: true } },
    {
      name: 'needsAttention',
      type: 'checkbox',
      index: true,
      label: { en: 'Needs attention', id: 'Perlu diperiksa' },
    },
    {
      name: 'rawText',
      type: 'textarea',
      label: { en: 'Raw text', id: 'Teks mentah' },
      admin: { disableListColumn: true, disableListFilter: true, rows: 12 },
    },
  ]).concat([importReviewField]),
}
