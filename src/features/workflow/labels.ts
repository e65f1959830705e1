/** The workflow's names in English and Indonesian (client-safe: no Payload import). */
import type { Labels } from '@/admin/labels'
import type { WorkflowAction, WorkflowState } from './rules/transitions'

export const workflowActionLabels: Record<WorkflowAction, Labels> = {
  submit: { en: 'Submit for review', id: 'Ajukan untuk ditinjau' },
  request_changes: { en: 'Request changes', id: 'Minta perbaikan' },
  approve: { en: 'Approve', id: 'Setujui' },
  publish: { en: 'Publish now', id: 'Terbitkan sekarang' },
  schedule: { en: 'Schedule', id: 'Jadwalkan' },
  unpublish: { en: 'Unpublish', id: 'Tarik dari terbitan' },
  publish_changes: { en: 'Publish changes', id: 'Terbitkan perubahan' },
}

/** Review-state names (the Articles collection's select options use this table too). */
export const stateLabels: Record<WorkflowState, Labels> = {
  draft: { en: 'Draft', id: 'Draf' },
  in_review: { en: 'In review', id: 'Dalam tinjauan' },
  changes_requested: { en: 'Changes requested', id: 'Perlu perbaikan' },
  approved: { en: 'Approved', id: 'Disetujui' },
  scheduled: { en: 'Scheduled', id: 'Terjadwal' },
  published: { en: 'Published', id: 'Terbit' },
  unpublished: { en: 'Unpublished', id: 'Ditarik' },
}
