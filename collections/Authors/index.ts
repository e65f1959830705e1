import type { CollectionConfig } from 'payload'

import { isEditor, isEditorField } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { publicAuthorOrStaff } from '@/access/publicAuthorOrStaff'
import { inPublishedArticleField } from '@/visibility/fields'
import { normalizeAuthorName } from './hooks/normalizeName'
import { refreshPhotoAfterChange, refreshPhotoAfterDelete } from './hooks/refreshPhotoVisibility'
import { AUTHORS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { uniqueSlugFrom } from '@collections/shared/uniqueSlug'

/** Byline people (not logins). */
export const Authors: CollectionConfig = {
  slug: AUTHORS_SLUG,
  labels: {
    singular: { en: 'Author', id: 'Penulis' },
    plural: { en: 'Authors', id: 'Penulis' },
  },
  admin: {
    group: { en: 'Newsroom', id: 'Redaksi' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'outlet', 'slug'],
  },
  access: {
    read: publicAuthorOrStaff,
    create: isStaff,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeValidate: [uniqueSlugFrom(AUTHORS_SLUG, 'name')],
    beforeChange: [normalizeAuthorName],
    afterChange: [refreshPhotoAfterChange],
    afterDelete: [refreshPhotoAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Name', id: 'Nama' } },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: { en: 'Generated from the name.', id: 'Dibuat dari nama.' },
      },
    },
    { name: 'outlet', type: 'text', index: true, label: { en: 'Outlet', id: 'Media' } },
    {
      name: 'normalizedName',
      type: 'text',
      index: true,
      admin: { hidden: true },
      access: { update: () => false },
    },
    { name: 'bio', type: 'textarea', label: { en: 'Bio', id: 'Biografi' } },
    { name: 'photo', type: 'upload', relationTo: MEDIA_SLUG, label: { en: 'Photo', id: 'Foto' } },
    {
      // An editor's choice: a public profile even without a published byline.
      name: 'publicProfile',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { en: 'Public profile', id: 'Profil publik' },
      access: { create: isEditorField, update: isEditorField },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Show this author to readers even before a published article carries their byline.',
          id: 'Tampilkan penulis ini kepada pembaca meski belum ada artikel terbit dengan bylinenya.',
        },
      },
    },
    inPublishedArticleField,
  ],
}
