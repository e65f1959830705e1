import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from '@/features/workflow/rules'
import { ARTICLES_SLUG, AUDIT_EVENTS_SLUG, EDITORS_SLUG } from '@collections/slugs'

export const AUDIT_ACTIONS = [
  ...WORKFLOW_ACTIONS,
  'import',
  'reimport',
  'create',
  'delete',
  // the desk: assignment, embargo / take-down times, corrections to live articles
  'assign',
  'timing',
  'correct',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const nobody = () => false

/**
 * The audit trail: one row per workflow transition, import, create and delete, written by server
 * code in the same transaction as the change it records. A deleted article's rows stay: the
 * reference becomes empty and `articleRef`/`articleTitle` keep its id and title. Staff can read it; nobody can edit or delete it through
 * any API (create/update/delete access is false; the server writes with overrideAccess).
 */
export const AuditEvents: CollectionConfig = {
  slug: AUDIT_EVENTS_SLUG,
  labels: {
    singular: { en: 'Audit event', id: 'Catatan audit' },
    plural: { en: 'Audit trail', id: 'Jejak audit' },
  },
  admin: {
    group: { en: 'Newsroom', id: 'Redaksi' },
    useAsTitle: 'summary',
    defaultColumns: ['at', 'actorLabel', 'action', 'article', 'fromState', 'toState', 'note'],
    disableCopyToLocale: true,
  },
  access: {
    read: isStaff,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-at',
  timestamps: true,
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'actor', type: 'relationship', relationTo: EDITORS_SLUG },
    { name: 'actorLabel', type: 'text', required: true, label: { en: 'Actor', id: 'Pelaku' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: value })),
    },
    {
      // Empty once the article is deleted; articleRef and articleTitle keep what it was.
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      index: true,
    },
    {
      name: 'articleRef',
      type: 'text',
      index: true,
      label: { en: 'Article id', id: 'Id artikel' },
    },
    { name: 'articleTitle', type: 'text', label: { en: 'Article title', id: 'Judul artikel' } },
    { name: 'fromState', type: 'select', options: [...WORKFLOW_STATES] },
    { name: 'toState', type: 'select', options: [...WORKFLOW_STATES] },
    { name: 'note', type: 'textarea' },
    { name: 'versionId', type: 'text' },
    {
      name: 'override',
      type: 'text',
      label: { en: 'Rule overridden', id: 'Aturan yang dilewati' },
    },
    { name: 'summary', type: 'text', admin: { hidden: true } },
  ],
}
