/** The webhooks feature's admin strings (en + id). Client-safe. */
export const webhookLabels = {
  group: { en: 'Integrations', id: 'Integrasi' },
  secretNew: {
    en: 'Copy this secret now and give it to the receiver: it is never shown again. Keep it, or type your own (16+ characters).',
    id: 'Salin rahasia ini sekarang dan berikan ke penerima: rahasia ini tidak akan ditampilkan lagi. Pakai ini, atau ketik milik Anda (16+ karakter).',
  },
  secretSet: {
    en: 'A secret is set and is never shown again. Leave empty to keep it; type a new one to replace it.',
    id: 'Rahasia sudah diatur dan tidak akan ditampilkan lagi. Biarkan kosong untuk mempertahankannya; ketik yang baru untuk menggantinya.',
  },
  secret: { en: 'Signing secret', id: 'Rahasia tanda tangan' },
  redeliver: { en: 'Redeliver', id: 'Kirim ulang' },
  redelivered: { en: 'Queued as a new delivery', id: 'Diantrekan sebagai pengiriman baru' },
  redeliverFailed: { en: 'Redeliver failed', id: 'Gagal mengirim ulang' },
} as const
