/**
 * The import feature's admin strings (English and Indonesian) and the Indonesian rendering of the
 * parser's review warnings. Client-safe: no Payload import.
 */
import type { Labels, Lang } from '@/admin/labels'

export const importLabels = {
  review: { en: 'Import review', id: 'Tinjauan impor' },
  needsAttention: { en: 'Needs attention', id: 'Perlu diperiksa' },
  looksFine: { en: 'Parsed with confidence', id: 'Diurai dengan yakin' },
  confidence: { en: 'Confidence per field', id: 'Keyakinan per kolom' },
  warnings: { en: 'Parser warnings', id: 'Peringatan parser' },
  noWarnings: { en: 'No warnings.', id: 'Tidak ada peringatan.' },
  removedLines: {
    en: 'Removed lines (kept as boilerplate)',
    id: 'Baris yang dibuang (disimpan sebagai boilerplate)',
  },
  noRemovedLines: { en: 'No lines were removed.', id: 'Tidak ada baris yang dibuang.' },
  notImported: { en: 'Not an imported article.', id: 'Bukan artikel hasil impor.' },
  title: { en: 'Title', id: 'Judul' },
  authors: { en: 'Authors', id: 'Penulis' },
  outlet: { en: 'Outlet', id: 'Media' },
  date: { en: 'Date', id: 'Tanggal' },
  captions: { en: 'Captions', id: 'Keterangan foto' },
  body: { en: 'Body', id: 'Isi' },
} satisfies Record<string, Labels>

export type ImportLabelKey = keyof typeof importLabels

export const tImport = (lang: Lang, key: ImportLabelKey): string => importLabels[key][lang]

/** Indonesian for the parser's warnings (English is how they are stored). */
const WARNING_ID: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^no byline found$/, () => 'byline (penulis) tidak ditemukan'],
  [/^publishedAt not found$/, () => 'tanggal terbit tidak ditemukan'],
  [/^caption may be truncated: (.*)$/, (m) => `keterangan foto mungkin terpotong: ${m[1]}`],
  [
    /^removed (\d+) chrome lines? \(kept as boilerplate\)(?:, (\d+) decided by features, not patterns)?$/,
    (m) =>
      `${m[1]} baris chrome dibuang (disimpan sebagai boilerplate)` +
      (m[2] ? `, ${m[2]} diputuskan dari ciri baris, bukan pola` : ''),
  ],
  [/^time zone not stated; assumed (.*)$/, (m) => `zona waktu tidak dicantumkan; dianggap ${m[1]}`],
  [
    /^byline guessed from name-like line: (.*)$/,
    (m) => `byline ditebak dari baris mirip nama: ${m[1]}`,
  ],
  [/^short line treated as body: (.*)$/, (m) => `baris pendek dianggap isi: ${m[1]}`],
  [/^language uncertain; assumed (.*)$/, (m) => `bahasa tidak pasti; dianggap ${m[1]}`],
  [
    /^hard-wrapped text: lines inside a paragraph block were joined$/,
    () => 'teks terpotong per baris: baris dalam satu paragraf digabung',
  ],
  [
    /^editor initials found but no editor named: (.*)$/,
    (m) => `inisial editor ditemukan tetapi nama editor tidak: ${m[1]}`,
  ],
  [
    /^only an update date found; used as publishedAt$/,
    () => 'hanya tanggal pembaruan ditemukan; dipakai sebagai tanggal terbit',
  ],
]

export const translateWarning = (warning: string, lang: Lang): string => {
  if (lang === 'en') return warning
  for (const [re, render] of WARNING_ID) {
    const m = re.exec(warning)
    if (m) return render(m)
  }
  return warning
}
