/** The calendar's strings in English and Indonesian (client-safe). */
import type { Labels } from '@/admin/labels'
import type { CalendarKind } from './query'

export const calendarLabels = {
  title: { en: 'Publishing calendar', id: 'Kalender terbit' },
  nav: { en: 'Calendar', id: 'Kalender' },
  day: { en: 'Day', id: 'Hari' },
  week: { en: 'Week', id: 'Minggu' },
  previous: { en: '← Previous', id: '← Sebelumnya' },
  next: { en: 'Next →', id: 'Berikutnya →' },
  today: { en: 'Today', id: 'Hari ini' },
  empty: { en: 'Nothing planned.', id: 'Tidak ada jadwal.' },
  utc: {
    en: 'Times in UTC days, shown in your time zone.',
    id: 'Hari menurut UTC, jam menurut zona waktu Anda.',
  },
  staffOnly: {
    en: 'The calendar is for newsroom staff.',
    id: 'Kalender hanya untuk staf redaksi.',
  },
  badRange: {
    en: 'That date is not valid; showing this week.',
    id: 'Tanggal tidak valid; menampilkan minggu ini.',
  },
  truncated: {
    en: 'More than 500 articles: the list is cut off.',
    id: 'Lebih dari 500 artikel: daftar dipotong.',
  },
  embargoed: { en: 'embargoed', id: 'diembargo' },
} satisfies Record<string, Labels>

export const kindLabels: Record<CalendarKind, Labels> = {
  scheduled: { en: 'goes live', id: 'terbit' },
  published: { en: 'published', id: 'diterbitkan' },
  embargo: { en: 'embargo lifts', id: 'embargo berakhir' },
  takedown: { en: 'taken down', id: 'diturunkan' },
}
