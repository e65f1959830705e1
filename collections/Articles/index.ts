import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { isStaffField } from '@/access/isStaffField'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { ARTICLES_SLUG, AUTHORS_SLUG, EDITORS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { uniqueSlugFrom } from '@collections/shared/uniqueSlug'
import { publishedOnlyForAnonymous } from './hooks/publishedOnlyForAnonymous'
import {
  refreshAfterChange,
  refreshAfterDelete,
  rememberLiveRelations,
} from './hooks/refreshRelatedVisibility'
import { setCreatedBy } from './hooks/setCreatedBy'

/**
 * Articles: the content itself. The features add the rest as plugins (payload.config.ts):
 * - src/features/workflow: review state fields, the workflow panel and buttons, update/delete
 *   access, the field guard, the workflow endpoint;
 * - src/features/audit: the audit hooks and the notes & history panel;
 * - src/features/import: the importer-owned `source` group.
 */
export const Articles: CollectionConfig = {
  slug: ARTICLES_SLUG,
  labels: {
    singular: { en: 'Article', id: 'Artikel' },
    plural: { en: 'Articles', id: 'Artikel' },
  },
  admin: {
    group: { en: 'Content', id: 'Konten' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'workflowStatus', 'authors', 'outlet', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'summary'],
  },
  versions: {
    drafts: { validate: false },
    // Keep every version: a newsroom's edit history is part of its record (and skipping the
    // pruning query keeps saves fast).
    maxPerDoc: 0,
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isStaff,
    // narrowed by the workflow feature (its rule book decides who edits and deletes what)
    update: isStaff,
    delete: isStaff,
  },
  hooks: {
    beforeOperation: [publishedOnlyForAnonymous],
    beforeValidate: [uniqueSlugFrom(ARTICLES_SLUG, 'title')],
    beforeChange: [setCreatedBy, rememberLiveRelations],
    // Media and authors follow the article's publication (src/visibility).
    afterChange: [refreshAfterChange],
    afterDelete: [refreshAfterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { en: 'Title', id: 'Judul' } },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      label: { en: 'Slug', id: 'Slug' },
      admin: {
        position: 'sidebar',
        description: { en: 'Generated from the title.', id: 'Dibuat dari judul.' },
      },
    },
    { name: 'summary', type: 'textarea', label: { en: 'Summary', id: 'Ringkasan' } },
    { name: 'body', type: 'richText', label: { en: 'Body', id: 'Isi' } },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: AUTHORS_SLUG,
      hasMany: true,
      label: { en: 'Authors (byline)', id: 'Penulis (byline)' },
    },
    {
      name: 'media',
      type: 'relationship',
      relationTo: MEDIA_SLUG,
      hasMany: true,
      label: { en: 'Photos and captions', id: 'Foto dan keterangan' },
    },
    {
      name: 'featuredMedia',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { en: 'Featured photo', id: 'Foto utama' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'text',
          defaultValue: 'id',
          label: { en: 'Language (ISO 639-1)', id: 'Bahasa (ISO 639-1)' },
          validate: (value: string | null | undefined) =>
            !value || /^[a-z]{2}$/.test(value) || 'Use a two-letter ISO 639-1 code, e.g. id or en.',
        },
        { name: 'dateline', type: 'text', label: { en: 'Dateline', id: 'Tempat berita' } },
      ],
    },
    { name: 'tags', type: 'text', hasMany: true, label: { en: 'Tags', id: 'Tag' } },
    {
      // The saved article as readers will see it.
      name: 'readerPreview',
      type: 'ui',
      label: { en: 'Reader preview', id: 'Pratinjau pembaca' },
      admin: {
        disableListColumn: true,
        components: { Field: '/src/admin/components/ReaderPreview#ReaderPreview' },
      },
    },
    {
      name: 'outlet',
      type: 'text',
      index: true,
      label: { en: 'Outlet', id: 'Media asal' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: EDITORS_SLUG,
      label: { en: 'Created by', id: 'Dibuat oleh' },
      admin: { position: 'sidebar', readOnly: true },
      // Set by the server from the creating account (setCreatedBy); never writable through an API.
      access: { read: isStaffField, create: () => false, update: () => false },
    },
  ],
}
