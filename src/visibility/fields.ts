import type { Field } from 'payload'

/** The maintained flag (see src/visibility/refresh.ts): written by the server only. */
export const inPublishedArticleField: Field = {
  name: 'inPublishedArticle',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  label: { en: 'Used by a published article', id: 'Dipakai artikel terbit' },
  access: { create: () => false, update: () => false },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: {
      en: 'Maintained automatically: anonymous readers see this only while a published article uses it.',
      id: 'Diperbarui otomatis: pembaca anonim hanya melihatnya selama artikel terbit memakainya.',
    },
  },
}
