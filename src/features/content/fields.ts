import type { Field, FieldAccess } from 'payload'

/** Computed by the server (hooks/renderBody.ts); no API caller may write these. */
const computedOnly: FieldAccess = () => false

const computed = (field: Field): Field =>
  ({
    ...field,
    access: { create: computedOnly, update: computedOnly },
    admin: { ...field.admin, readOnly: true, disableListFilter: true },
  }) as Field

/** Rendered forms of the body, stored on every saved version (the last fields of Articles' body area). */
export const renderedFields: Field[] = [
  computed({
    name: 'url',
    type: 'text',
    label: { en: 'Public URL', id: 'URL publik' },
    admin: {
      position: 'sidebar',
      description: {
        en: 'Where the website shows the article (PUBLIC_SITE_URL). Set by the server.',
        id: 'Alamat artikel di situs (PUBLIC_SITE_URL). Diisi oleh server.',
      },
    },
  }),
  {
    type: 'row',
    fields: [
      computed({
        name: 'wordCount',
        type: 'number',
        label: { en: 'Words', id: 'Jumlah kata' },
        admin: { position: 'sidebar' },
      }),
      computed({
        name: 'readingMinutes',
        type: 'number',
        label: { en: 'Reading time (min)', id: 'Waktu baca (menit)' },
        admin: { position: 'sidebar' },
      }),
    ],
  },
  {
    type: 'collapsible',
    label: { en: 'Rendered body (HTML and text)', id: 'Isi terender (HTML dan teks)' },
    admin: {
      initCollapsed: true,
      description: {
        en: 'What sites and apps receive, computed from the body on every save. Read-only.',
        id: 'Yang diterima situs dan aplikasi, dihitung dari isi setiap kali disimpan. Hanya-baca.',
      },
    },
    fields: [
      computed({
        name: 'bodyHtml',
        type: 'code',
        label: { en: 'Body HTML', id: 'HTML isi' },
        admin: { language: 'html', disableListColumn: true },
      }),
      computed({
        name: 'bodyText',
        type: 'textarea',
        label: { en: 'Body text', id: 'Teks isi' },
        admin: { disableListColumn: true, rows: 8 },
      }),
    ],
  },
]

/** The names of the stored rendered fields. */
export const RENDERED_FIELD_NAMES = [
  'bodyHtml',
  'bodyText',
  'url',
  'wordCount',
  'readingMinutes',
] as const
