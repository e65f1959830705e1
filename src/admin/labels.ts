/**
 * Admin UI strings in English and Indonesian. Client-safe (no Payload import): server components
 * pick a language from `i18n.language` and pass plain strings to client components. A feature's own
 * names live with it (src/features/workflow/labels.ts, src/features/audit/labels.ts).
 */
export type Lang = 'en' | 'id'
export type Labels = { en: string; id: string }

/** Payload's `i18n.language` → one of our two label languages. */
export const langOf = (language: string | undefined | null): Lang =>
  language === 'id' ? 'id' : 'en'

export const ui = {
  reviewQueue: { en: 'Review queue', id: 'Antrean tinjauan' },
  reviewQueueEmpty: {
    en: 'No articles are waiting for review.',
    id: 'Tidak ada artikel yang menunggu tinjauan.',
  },
  reviewQueueOwnOnly: {
    en: 'Counts show your own articles.',
    id: 'Jumlah menunjukkan artikel Anda sendiri.',
  },
  waitingForReview: {
    en: 'Waiting for review, oldest first',
    id: 'Menunggu tinjauan, terlama dulu',
  },
  allArticles: { en: 'All articles', id: 'Semua artikel' },
  imported: { en: 'imported', id: 'hasil impor' },
  writtenHere: { en: 'written here', id: 'ditulis di sini' },
  noAuthors: { en: 'no byline', id: 'tanpa byline' },
  noOutlet: { en: 'no outlet', id: 'tanpa media asal' },
  untitled: { en: '(untitled)', id: '(tanpa judul)' },
  waiting: { en: 'waiting', id: 'menunggu' },
  workflow: { en: 'Workflow', id: 'Alur kerja' },
  currentState: { en: 'Review state', id: 'Status tinjauan' },
  noActions: {
    en: 'No workflow action is open to you in this state.',
    id: 'Tidak ada tindakan alur kerja yang tersedia untuk Anda pada status ini.',
  },
  saveFirst: {
    en: 'Save the article before using the workflow.',
    id: 'Simpan artikel sebelum memakai alur kerja.',
  },
  unsavedChanges: {
    en: 'You have unsaved changes; workflow actions apply to the last saved version. Save a draft first.',
    id: 'Ada perubahan yang belum disimpan; tindakan alur kerja berlaku untuk versi tersimpan terakhir. Simpan draf dulu.',
  },
  note: { en: 'Note for the reporter (required)', id: 'Catatan untuk penulis (wajib)' },
  noteRequired: {
    en: 'Write a note telling the reporter what to change.',
    id: 'Tulis catatan tentang apa yang perlu diperbaiki.',
  },
  publishAt: { en: 'Publish at', id: 'Terbit pada' },
  publishAtRequired: {
    en: 'Pick a publication date and time.',
    id: 'Pilih tanggal dan jam terbit.',
  },
  confirm: { en: 'Confirm', id: 'Konfirmasi' },
  cancel: { en: 'Cancel', id: 'Batal' },
  working: { en: 'Working…', id: 'Memproses…' },
  scheduledFor: { en: 'Scheduled for', id: 'Dijadwalkan' },
  fourEyesOverride: {
    en: 'You submitted this version; as an admin you override the four-eyes rule.',
    id: 'Anda yang mengajukan versi ini; sebagai admin Anda melewati aturan empat mata.',
  },
  history: { en: 'Notes & history', id: 'Catatan & riwayat' },
  historyEmpty: { en: 'No workflow events yet.', id: 'Belum ada riwayat alur kerja.' },
  overridden: { en: 'rule overridden', id: 'aturan dilewati' },
  readerPreview: { en: 'Reader preview', id: 'Pratinjau pembaca' },
  readerPreviewHint: {
    en: 'The last saved version, as readers will see it.',
    id: 'Versi tersimpan terakhir, seperti yang akan dilihat pembaca.',
  },
  previewUnsaved: {
    en: 'Save the article to see the reader preview.',
    id: 'Simpan artikel untuk melihat pratinjau pembaca.',
  },
  by: { en: 'By', id: 'Oleh' },
  photo: { en: 'Photo', id: 'Foto' },
  photoMissing: { en: 'photo missing', id: 'foto belum ada' },
  photoPresent: { en: 'present', id: 'ada' },
  noBody: { en: 'No body text yet.', id: 'Belum ada isi berita.' },
  publishChanges: { en: 'Publish changes', id: 'Terbitkan perubahan' },
  filterByState: { en: 'Review state:', id: 'Status tinjauan:' },
  all: { en: 'All', id: 'Semua' },
} satisfies Record<string, Labels>

export type UIKey = keyof typeof ui

/** Translate one UI string. */
export const t = (lang: Lang, key: UIKey): string => ui[key][lang]

/** Short age: "45 min", "3 h", "2 d". */
export const formatAge = (from: Date | string, now: Date = new Date()): string => {
  const ms = Math.max(0, now.getTime() - new Date(from).getTime())
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/** Date and time in the admin's language, in the server's time zone. */
export const formatDateTime = (value: Date | string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value))
