import type { Field } from 'payload'

import { EDITORS_SLUG } from '@collections/slugs'
import { isStaffField } from '@/access/isStaffField'
import { stateLabels } from '@/features/workflow/labels'
import { WORKFLOW_STATES } from './rules'

/** The sidebar panel: review state and the workflow actions open to this user (after `title`). */
export const workflowPanelField: Field = {
  // Sidebar: review state and the workflow actions open to this user.
  name: 'workflowPanel',
  type: 'ui',
  label: { en: 'Workflow', id: 'Alur kerja' },
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '/src/features/workflow/admin/WorkflowPanel#WorkflowPanel' },
  },
}

/**
 * The fields the workflow owns (after `outlet`): only the workflow service writes them
 * (keepWorkflowFields, guardWorkflowFields).
 */
export const workflowFields: Field[] = [
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
      components: { Cell: '/src/features/workflow/admin/WorkflowStatusCell#WorkflowStatusCell' },
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
    access: { read: isStaffField, create: () => false, update: () => false },
  },
]

/**
 * The desk's fields (after `submittedBy`): the assigned reviewer, the embargo and the scheduled
 * take-down. Written only by the desk endpoints (src/features/workflow/desk.ts) on the live
 * document and its newest version, so setting them never publishes a pending draft.
 */
export const deskFields: Field[] = [
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: EDITORS_SLUG,
    index: true,
    label: { en: 'Assigned to', id: 'Ditugaskan ke' },
    admin: { position: 'sidebar', readOnly: true },
    access: { read: ({ req }) => Boolean(req.user), create: () => false, update: () => false },
  },
  {
    name: 'embargoUntil',
    type: 'date',
    index: true,
    label: { en: 'Embargoed until', id: 'Embargo hingga' },
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    access: { create: () => false, update: () => false },
  },
  {
    name: 'unpublishAt',
    type: 'date',
    index: true,
    label: { en: 'Take down at', id: 'Diturunkan pada' },
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    access: { create: () => false, update: () => false },
  },
]
