import type { Field, FieldAccess, TextFieldSingleValidation } from 'payload'

import { roleOf } from '@/access/roles'

/** Licence details are the newsroom's business: staff read them, the public API never does. */
const staffOnly: FieldAccess = ({ req }) => roleOf(req) !== null

/**
 * Credit is required once the entry has an image file (an imported caption-only entry may still
 * lack it until the photo desk attaches the photo).
 */
export const validateCredit: TextFieldSingleValidation = (value, { siblingData, req }) => {
  const hasFile = Boolean((siblingData as { filename?: unknown } | undefined)?.filename || req.file)
  if (!hasFile || (typeof value === 'string' && value.trim() !== '')) return true
  return req.i18n?.language === 'id'
    ? 'Foto wajib mencantumkan kredit (fotografer atau kantor berita).'
    : 'A photo needs a credit (the photographer or agency).'
}

/** Rights fields added after `credit` on the Media collection. */
export const rightsFields: Field[] = [
  {
    name: 'copyrightHolder',
    type: 'text',
    label: { en: 'Copyright holder', id: 'Pemegang hak cipta' },
  },
  {
    name: 'usageTerms',
    type: 'textarea',
    access: { read: staffOnly },
    label: { en: 'Usage terms', id: 'Ketentuan penggunaan' },
    admin: {
      description: {
        en: 'Where and how long the photo may be used (licence, embargo, one-time use).',
        id: 'Di mana dan berapa lama foto boleh dipakai (lisensi, embargo, sekali pakai).',
      },
    },
  },
  {
    name: 'rightsExpireAt',
    type: 'date',
    access: { read: staffOnly },
    label: { en: 'Rights expire at', id: 'Hak berakhir pada' },
    admin: {
      date: { pickerAppearance: 'dayAndTime' },
      description: {
        en: 'Optional. After this time an article with this featured photo cannot be approved or published.',
        id: 'Opsional. Setelah waktu ini artikel dengan foto utama ini tidak dapat disetujui atau diterbitkan.',
      },
    },
  },
]
