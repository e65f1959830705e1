import type { Lang } from '@/admin/labels'

/** The key panel's strings (client-safe: no Payload import). */
export const keyPanelLabels = {
  title: { en: 'API key', id: 'Kunci API' },
  saveFirst: {
    en: 'Save the client first; then create its key here. The key is shown once.',
    id: 'Simpan klien ini dulu, lalu buat kuncinya di sini. Kunci hanya ditampilkan sekali.',
  },
  noKey: {
    en: 'This client has no key yet.',
    id: 'Klien ini belum punya kunci.',
  },
  current: { en: 'Current key', id: 'Kunci saat ini' },
  hidden: { en: '(the rest is never shown again)', id: '(sisanya tidak pernah ditampilkan lagi)' },
  create: { en: 'Create key', id: 'Buat kunci' },
  replace: { en: 'Replace key', id: 'Ganti kunci' },
  confirmReplace: {
    en: 'Replace the key? The current key stops working at once.',
    id: 'Ganti kunci? Kunci saat ini langsung tidak berlaku.',
  },
  copy: { en: 'Copy', id: 'Salin' },
  copied: { en: 'Copied', id: 'Tersalin' },
  copyNow: {
    en: 'Copy this key now: it is shown only once. Send it as the header',
    id: 'Salin kunci ini sekarang: hanya ditampilkan sekali. Kirim sebagai header',
  },
  failed: { en: 'The key could not be created', id: 'Kunci tidak dapat dibuat' },
} as const

export type KeyPanelText = { [K in keyof typeof keyPanelLabels]: string }

export const keyPanelText = (lang: Lang): KeyPanelText =>
  Object.fromEntries(
    Object.entries(keyPanelLabels).map(([key, value]) => [key, value[lang]]),
  ) as KeyPanelText
