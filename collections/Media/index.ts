import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { publicMediaOrStaff } from '@/access/publicMediaOrStaff'
import { inPublishedArticleField } from '@/visibility/fields'
import { MEDIA_SLUG } from '@collections/slugs'

/**
 * Photos with their caption and credit. Imported documents carry captions without image files, so
 * the file is optional: such entries show as "photo missing" until someone uploads the image.
 */
export const Media: CollectionConfig = {
  slug: MEDIA_SLUG,
  labels: {
    singular: { en: 'Media', id: 'Media' },
    plural: { en: 'Media', id: 'Media' },
  },
  admin: {
    group: { en: 'Content', id: 'Konten' },
    useAsTitle: 'caption',
    defaultColumns: ['filename', 'caption', 'credit', 'photoStatus'],
  },
  access: {
    read: publicMediaOrStaff,
    create: isStaff,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
    staticDir: 'data/media',
    mimeTypes: ['image/*'],
    filesRequiredOnCreate: false,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, height: undefined, withoutEnlargement: true },
    ],
  },
  fields: [
    {
      name: 'caption',
      type: 'textarea',
      required: true,
      label: { en: 'Caption', id: 'Keterangan foto' },
    },
    { name: 'credit', type: 'text', label: { en: 'Credit', id: 'Kredit' } },
    inPublishedArticleField,
    {
      name: 'alt',
      type: 'text',
      label: { en: 'Alt text', id: 'Teks alternatif' },
      admin: {
        description: {
          en: 'Describes the image for readers who cannot see it; defaults to the caption.',
          id: 'Menjelaskan gambar bagi pembaca yang tidak dapat melihatnya; bawaan: keterangan foto.',
        },
      },
    },
    {
      name: 'photoStatus',
      type: 'text',
      virtual: true,
      label: { en: 'Photo', id: 'Foto' },
      admin: {
        readOnly: true,
        components: {
          Cell: '/src/admin/components/PhotoStatusCell#PhotoStatusCell',
          Field: '/src/admin/components/PhotoStatusField#PhotoStatusField',
        },
      },
      hooks: {
        afterRead: [({ siblingData }) => (siblingData?.filename ? 'present' : 'photo missing')],
      },
    },
  ],
}
