import type { Field } from 'payload'

/** Sidebar: the article's audit trail (notes and history), newest first (after `createdBy`). */
export const auditHistoryField: Field = {
  name: 'auditHistory',
  type: 'ui',
  label: { en: 'Notes & history', id: 'Catatan & riwayat' },
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '/src/features/audit/admin/AuditHistory#AuditHistory' },
  },
}
