import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { isStaff } from '@/access/isStaff'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { WORKFLOW_STATES } from '@/workflow'
import { ARTICLES_SLUG, AUTHORS_SLUG, EDITORS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { uniqueSlugFrom } from '@collections/shared/uniqueSlug'
import { canDeleteArticle } from './access/canDeleteArticle'
import { canUpdateArticle } from './access/canUpdateArticle'
import { stateLabels } from '@/admin/labels'
import { workflowEndpoint } from './endpoints/workflow'
import { auditArticleChanges } from './hooks/auditArticleChanges'
import { auditDeletion } from './hooks/auditDeletion'
import { guardWorkflowFields } from './hooks/guardWorkflowFields'
import { keepSourceReadOnly } from './hooks/keepSourceReadOnly'
import { keepWorkflowFields } from './hooks/keepWorkflowFields'
import { publishedOnlyForAnonymous } from './hooks/publishedOnlyForAnonymous'
import {
  refreshAfterChange,
  refreshAfterDelete,
  rememberLiveRelations,
} from './hooks/refreshRelatedVisibility'
import { setCreatedBy } from './hooks/setCreatedBy'

const staffRead: FieldAccess = ({ req }) => Boolean(req.user)

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
    components: {
      // Quick links filtering the list by review state.
      beforeList: ['/src/admin/components/ArticleQuickFilters#ArticleQuickFilters'],
      edit: {
        // Articles are published through the workflow panel, never Payload's own buttons; only
        // "Publish changes" on an already-live article remains (for editors and admins).
        PublishButton: '/src/admin/components/PublishChangesButton#PublishChangesButton',
        UnpublishButton: '/src/admin/components/NoButton#NoButton',
      },
    },
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
    update: canUpdateArticle,
    delete: canDeleteArticle,
  },
  hooks: {
    beforeOperation: [publishedOnlyForAnonymous, guardWorkflowFields],
    beforeValidate: [uniqueSlugFrom(ARTICLES_SLUG, 'title')],
    beforeChange: [setCreatedBy, keepWorkflowFields, keepSourceReadOnly, rememberLiveRelations],
    // Media and authors follow the article's publication (src/visibility).
    afterChange: [auditArticleChanges, refreshAfterChange],
    beforeDelete: [auditDeletion],
    afterDelete: [refreshAfterDelete],
  },
  endpoints: [workflowEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, label: { en: 'Title', id: 'Judul' } },
    {
      // Sidebar: review state and the workflow actions open to this user.
      name: 'workflowPanel',
      type: 'ui',
      label: { en: 'Workflow', id: 'Alur kerja' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '/src/admin/components/WorkflowPanel#WorkflowPanel' },
      },
    },
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
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { en: 'Published at', id: 'Waktu terbit' },
      // Set by the workflow when the article first goes live.
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'workflowStatus',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'draft',
      label: { en: 'Review state', id: 'Status tinjauan' },
      options: WORKFLOW_STATES.map((value) => ({ value, label: stateLabels[value] })),
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Cell: '/src/admin/components/WorkflowStatusCell#WorkflowStatusCell' },
      },
    },
    {
      name: 'publishAt',
      type: 'date',
      label: { en: 'Scheduled for', id: 'Dijadwalkan' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: EDITORS_SLUG,
      label: { en: 'Submitted by', id: 'Diajukan oleh' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: ({ req }) => Boolean(req.user), create: () => false, update: () => false },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: EDITORS_SLUG,
      label: { en: 'Created by', id: 'Dibuat oleh' },
      admin: { position: 'sidebar', readOnly: true },
      // Set by the server from the creating account (setCreatedBy); never writable through an API.
      access: { read: ({ req }) => Boolean(req.user), create: () => false, update: () => false },
    },
    {
      // Sidebar: the article's audit trail (notes and history), newest first.
      name: 'auditHistory',
      type: 'ui',
      label: { en: 'Notes & history', id: 'Catatan & riwayat' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '/src/admin/components/AuditHistory#AuditHistory' },
      },
    },
    {
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
        {
          name: 'rawText',
          type: 'textarea',
          label: { en: 'Raw text', id: 'Teks mentah' },
          admin: { disableListColumn: true, disableListFilter: true, rows: 12 },
        },
      ]),
    },
  ],
}
