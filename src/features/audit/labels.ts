/** Audit-trail names in English and Indonesian (client-safe: no Payload import). */
import type { Labels } from '@/admin/labels'

/** Audit-trail action names (workflow actions plus the importer's). */
export const auditActionLabels: Record<string, Labels> = {
  submit: { en: 'Submitted for review', id: 'Diajukan untuk ditinjau' },
  request_changes: { en: 'Changes requested', id: 'Perbaikan diminta' },
  approve: { en: 'Approved', id: 'Disetujui' },
  publish: { en: 'Published', id: 'Diterbitkan' },
  schedule: { en: 'Scheduled', id: 'Dijadwalkan' },
  unpublish: { en: 'Unpublished', id: 'Ditarik dari terbitan' },
  import: { en: 'Imported', id: 'Diimpor' },
  reimport: { en: 'Re-imported', id: 'Diimpor ulang' },
  publish_changes: { en: 'Changes published', id: 'Perubahan diterbitkan' },
  create: { en: 'Created', id: 'Dibuat' },
  delete: { en: 'Deleted', id: 'Dihapus' },
  assign: { en: 'Assignment changed', id: 'Penugasan diubah' },
  timing: { en: 'Embargo / take-down changed', id: 'Embargo / penurunan diubah' },
  correct: { en: 'Correction added', id: 'Ralat ditambahkan' },
}
