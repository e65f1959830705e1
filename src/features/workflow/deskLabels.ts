/** The desk's admin strings in English and Indonesian (client-safe: no Payload import). */
import type { Labels } from '@/admin/labels'

export const deskLabels = {
  assignedToMe: { en: 'Assigned to me', id: 'Ditugaskan ke saya' },
  unassigned: { en: 'Unassigned', id: 'Belum ditugaskan' },
  assignee: { en: 'Assigned to', id: 'Ditugaskan ke' },
  nobody: { en: '— nobody —', id: '— belum ada —' },
  assign: { en: 'Assign', id: 'Tugaskan' },
  embargoUntil: { en: 'Embargo until', id: 'Embargo hingga' },
  unpublishAt: { en: 'Take down at', id: 'Turunkan pada' },
  save: { en: 'Save', id: 'Simpan' },
  clear: { en: 'Clear', id: 'Hapus' },
  saved: { en: 'Saved.', id: 'Tersimpan.' },
  embargoed: { en: 'Embargoed', id: 'Diembargo' },
  liftsIn: { en: 'lifts in', id: 'berakhir dalam' },
  embargoedQueue: { en: 'Under embargo', id: 'Dalam embargo' },
  bulkTitle: { en: 'With the selected articles:', id: 'Untuk artikel yang dipilih:' },
  bulkNone: { en: 'Select articles in the list first.', id: 'Pilih artikel di daftar dulu.' },
  bulkDone: { en: 'done', id: 'berhasil' },
  bulkRefused: { en: 'refused', id: 'ditolak' },
  publishAt: { en: 'Publish at', id: 'Terbit pada' },
} satisfies Record<string, Labels>

export type DeskLabelKey = keyof typeof deskLabels

/** "3 h 20 min" until `to` (for countdowns; 0 min when past). */
export const formatCountdown = (to: Date | string, now: Date = new Date()): string => {
  const minutes = Math.max(0, Math.ceil((new Date(to).getTime() - now.getTime()) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${mins} min`
  return `${mins} min`
}
