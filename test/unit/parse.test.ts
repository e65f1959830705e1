import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { generateDocument, generateDocuments } from '../fixtures/synthetic'
import type { ParsedArticle, ParsedMedia } from '@/features/import/parse'
import { MAX_DOCUMENT_BYTES, ParseError, parseDocument } from '@/features/import/parse'
import { parseDateline } from '@/features/import/parser/byline'
import { detectLanguage } from '@/features/import/parser/language'
import { CHROME_PATTERNS } from '@/features/import/parser/patterns'
import { expectLossless } from '../helpers/lossless'

const FIXTURES = fileURLToPath(new URL('../fixtures/documents/', import.meta.url))
const SEED = '000_4fd9d068e36e76ef.txt'

const readFixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)
const parseFixture = (name: string): ParsedArticle =>
  parseDocument(readFixture(name), { fileName: name })
const parseText = (text: string): ParsedArticle => parseDocument(text, { fileName: 'inline.txt' })

const roleOf = (result: ParsedArticle, text: string): string | undefined =>
  result.lines.find((l) => l.text === text)?.role

const expectParseError = (run: () => unknown, message: string | RegExp): void => {
  let error: unknown
  try {
    run()
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ParseError)
  if (typeof message === 'string') expect((error as Error).message).toBe(message)
  else expect((error as Error).message).toMatch(message)
}

describe('parseDocument: seed (Sindonews via iNews network)', () => {
  const result = parseFixture(SEED)

  it('extracts title, byline, outlet, editor and language', () => {
    expect(result.title).toBe(
      'Bantu Ukraina dengan Senjata Canggih, NATO Rupanya Enggan Perang Terbuka dengan Rusia',
    )
    expect(result.authors).toEqual(['Muhaimin'])
    expect(result.outlet).toBe('Sindonews')
    expect(result.editor).toBe('Abriandi')
    expect(result.translators).toEqual([])
    expect(result.language).toBe('id')
    expect(result.dateline).toBeNull()
    expect(result.publishedAt).toBeNull()
    expect(result.warnings).toContain('publishedAt not found')
  })

  it('extracts the photo caption and normalizes its credit', () => {
    expect(result.media).toEqual([
      {
        caption:
          'HIMARS, salah satu sistem misil jarak jauh AS yang dikirim anggota NATO untuk melawan Rusia.',
        credit: 'US Army',
      },
    ])
  })

  it('re-joins paragraphs the scraper split around quotes', () => {
    expect(result.paragraphs).toHaveLength(10)
    expect(result.paragraphs[0]).toBe(
      'Pada Juli, Menteri Luar Negeri Rusia Sergey Lavrov mengatakan dalam wawancara kepada RT bahwa Ukraina sedang "dipompa" dengan perangkat keras militer Barat. Lavrov menegaskan, "Ukraina dipaksa menggunakan senjata ini dengan cara yang semakin berisiko sehingga mencegah Kiev membuat tindakan konstruktif apa pun."',
    )
    expect(result.paragraphs[1]).toBe(
      'Dalam pidatonya pada Kamis, Stoltenberg mengklaim Putin pada akhirnya gagal mencapai tujuannya, karena bukannya NATO mengurangi kehadirannya di Eropa Timur dan memperlambat ekspansinya, aliansi tersebut telah menjadi "lebih kuat dan lebih terkonsolidasi" dengan aksesi yang akan datang, Swedia dan Finlandia.',
    )
    expect(result.paragraphs[0].startsWith('Pada Juli')).toBe(true)
    expect(result.paragraphs[9].endsWith('Pembantaian itu menewaskan 77 orang.')).toBe(true)
  })

  it('treats everything from "Sebelumnya" on as boilerplate', () => {
    expect(result.boilerplate).toEqual([
      'Sebelumnya',
      'Bagikan Artikel Ini',
      'Konten di bawah ini disajikan oleh Advertiser. Jurnalis iNews Network tidak terlibat dalam materi konten ini.',
      'News Update',
      'Kanal',
      'Network',
      'Kami membuka kesempatan bagi Anda yang ingin menjadi pebisnis media melalui program iNews.id Network. Klik Lebih Lanjut',
      'MNC Portal',
      'Live TV',
      'MNC Network',
    ])
    expect(result.boilerplate[0]).toBe('Sebelumnya')
    expect(result.boilerplate[result.boilerplate.length - 1]).toBe('MNC Network')
  })

  it('assigns roles to bylines, captions and credits', () => {
    expect(roleOf(result, 'Editor : Abriandi')).toBe('meta')
    expect(roleOf(result, 'Muhaimin, Sindonews')).toBe('meta')
    expect(result.lines[0].role).toBe('title')
    expect(result.lines.filter((l) => l.role === 'caption')).toHaveLength(1)
  })

  it('is lossless', () => {
    expectLossless(readFixture(SEED).toString('utf8'), result)
  })
})

interface Expected {
  title: string
  authors: string[]
  outlet: string | null
  editor: string | null
  translators?: string[]
  dateline: string | null
  publishedAt: string | null
  language: string
  media: ParsedMedia[]
  paragraphs: number
  boilerplate: string[]
  /** Substrings that must each appear in some warning. */
  warnings?: string[]
  /** Exact paragraphs by index. */
  paragraphText?: Record<number, string>
  metaLines?: string[]
}

const CASES: Record<string, Expected> = {
  's01_antara.txt': {
    title: 'Presiden Resmikan Bendungan Baru di Nusa Tenggara Timur',
    authors: ['Benny Jahang'],
    outlet: 'Antara',
    editor: 'Budi Suyanto',
    dateline: 'Kupang',
    publishedAt: null,
    language: 'id',
    media: [],
    paragraphs: 3,
    boilerplate: ['COPYRIGHT © ANTARA 2023'],
    warnings: ['publishedAt not found'],
    metaLines: ['Pewarta: Benny Jahang', 'Editor: Budi Suyanto'],
  },
  's02_tribunnews.txt': {
    title: 'Banjir Rendam Ratusan Rumah di Kabupaten Bekasi',
    authors: ['Fahmi Ramadhan'],
    outlet: 'Tribunnews.com',
    editor: 'Wahyu Aji',
    dateline: 'Bekasi',
    publishedAt: null,
    language: 'id',
    media: [],
    paragraphs: 3,
    boilerplate: [
      'Baca juga: Tanggul Kali Bekasi Jebol, Warga Diminta Waspada',
      'Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rendam Ratusan Rumah di Kabupaten Bekasi',
    ],
    paragraphText: {
      0: 'TRIBUNNEWS.COM, BEKASI - Banjir merendam ratusan rumah warga di tiga desa di Kabupaten Bekasi setelah hujan deras mengguyur sejak Sabtu malam.',
    },
    metaLines: [
      'Laporan Wartawan Tribunnews.com, Fahmi Ramadhan',
      'Penulis: Fahmi Ramadhan',
      'Editor: Wahyu Aji',
    ],
  },
  's03_jakartapost_en.txt': {
    title: 'Jakarta’s MRT extends operating hours during holiday season',
    authors: ['Dio Suhenda'],
    outlet: 'The Jakarta Post',
    editor: null,
    dateline: 'Jakarta',
    publishedAt: '2022-12-23T00:00:00+07:00',
    language: 'en',
    media: [
      {
        caption: 'Commuters wait for a train at Bundaran HI station in Central Jakarta.',
        credit: 'JP/Seto Wardhana',
      },
    ],
    paragraphs: 3,
    boilerplate: ['Share this article on Facebook, Twitter or WhatsApp'],
    warnings: ['time zone not stated; assumed +07:00'],
    metaLines: ['Dio Suhenda (The Jakarta Post)', 'Jakarta ● Fri, December 23, 2022'],
  },
  'f01_detik.txt': {
    title: 'Polisi Selidiki Kebakaran Gudang Plastik di Cakung',
    authors: ['Rolando Fransiscus Sihombing'],
    outlet: 'detikNews',
    editor: null,
    dateline: 'Jakarta',
    publishedAt: '2023-01-16T07:30:00+07:00',
    language: 'id',
    media: [
      {
        caption:
          'Petugas pemadam kebakaran berupaya memadamkan api di gudang plastik di Cakung, Jakarta Timur.',
        credit: 'Damkar DKI',
      },
    ],
    paragraphs: 3,
    boilerplate: [
      'Baca juga: Gudang Kertas di Bekasi Terbakar, 12 Mobil Damkar Dikerahkan',
      'Simak Video "Detik-detik Api Melahap Gudang di Cakung"',
      '[Gambas:Video 20detik]',
    ],
    warnings: ['editor initials found but no editor named: (mea/jbr)'],
    metaLines: [
      'Rolando Fransiscus Sihombing - detikNews',
      'Senin, 16 Jan 2023 07:30 WIB',
      '(mea/jbr)',
    ],
  },
  'f02_kompas.txt': {
    title: 'Harga Beras Naik, Pemerintah Guyur Operasi Pasar di 100 Titik',
    authors: ['Ahmad Naufal Dzulfaroh'],
    outlet: 'Kompas.com',
    editor: 'Sari Hardiyanto',
    dateline: 'Jakarta',
    publishedAt: '2023-01-16T14:05:00+07:00',
    language: 'id',
    media: [
      {
        caption:
          'Warga mengantre membeli beras dalam operasi pasar di Pasar Induk Cipinang, Jakarta.',
        credit: 'KOMPAS.com/Garry Lotulung',
      },
    ],
    paragraphs: 3,
    boilerplate: [
      'Baca juga: Harga Cabai dan Bawang Merah Mulai Turun',
      'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate, kemudian join.',
      'Cek berita dan artikel yang lain di Google News',
    ],
    metaLines: [
      'Penulis Ahmad Naufal Dzulfaroh | Editor Sari Hardiyanto',
      'Kompas.com - 16/01/2023, 14:05 WIB',
    ],
  },
  'f03_tempo_en.txt': {
    title: 'Indonesia to Ban Raw Bauxite Exports Starting June',
    authors: ['Riri Rahayu'],
    outlet: 'Tempo.co',
    editor: 'Laila Afifa',
    translators: ['Dewi Elvia Muthiariny'],
    dateline: 'Jakarta',
    publishedAt: '2022-12-23T14:05:00+07:00',
    language: 'en',
    media: [],
    paragraphs: 3,
    boilerplate: [
      'Read also: Govt Mulls Ban on Tin Exports After Nickel',
      'Click here to get the latest news updates from Tempo on Google News',
    ],
    metaLines: ['Translator: Dewi Elvia Muthiariny', 'Editor: Laila Afifa'],
  },
  'f04_okezone.txt': {
    title: 'Gempa Magnitudo 5,2 Guncang Garut, Warga Berhamburan Keluar Rumah',
    authors: ['Fahmi Firdaus'],
    outlet: null,
    editor: null,
    dateline: 'Garut',
    publishedAt: '2023-01-16T07:30:00+07:00',
    language: 'id',
    media: [{ caption: 'Ilustrasi gempa bumi.', credit: 'Okezone' }],
    paragraphs: 4,
    boilerplate: [
      'Follow Berita Okezone di Google News',
      'Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION, daftar sekarang dengan klik disini dan nantikan kejutan menarik lainnya',
    ],
    metaLines: ['Fahmi Firdaus, Jurnalis · Senin 16 Januari 2023 07:30 WIB'],
  },
  'f05_reuters_en.txt': {
    title: "Indonesia's central bank raises rates for sixth straight month",
    authors: ['Stefanno Sulaiman', 'Gayatri Suroyo'],
    outlet: 'Reuters',
    editor: 'Kanupriya Kapoor',
    dateline: 'Jakarta',
    publishedAt: '2023-01-19T07:30:00+07:00',
    language: 'en',
    media: [
      {
        caption:
          'A man walks past the Bank Indonesia headquarters in Jakarta, Indonesia, January 19, 2023.',
        credit: 'REUTERS/Willy Kurniawan',
      },
    ],
    paragraphs: 3,
    boilerplate: ['Our Standards: The Thomson Reuters Trust Principles.'],
    metaLines: [
      'By Stefanno Sulaiman and Gayatri Suroyo',
      'Reporting by Stefanno Sulaiman and Fransiska Nangoy; Writing by Gayatri Suroyo; Editing by Kanupriya Kapoor',
    ],
  },
  'f06_cnn_indonesia.txt': {
    title: 'Jokowi Minta Menteri Percepat Penyaluran Bansos Jelang Ramadan',
    authors: [],
    outlet: 'CNN Indonesia',
    editor: null,
    dateline: 'Jakarta',
    publishedAt: '2023-02-24T14:05:00+07:00',
    language: 'id',
    media: [
      {
        caption: 'Presiden Joko Widodo saat memimpin rapat terbatas di Istana Kepresidenan.',
        credit: 'Biro Pers Sekretariat Presiden/Muchlis Jr',
      },
    ],
    paragraphs: 3,
    boilerplate: ['[Gambas:Video CNN]'],
    warnings: ['no byline found', 'editor initials found but no editor named: (fra/sfr)'],
    metaLines: ['CNN Indonesia', '(fra/sfr)'],
  },
  'f07_bali_wita.txt': {
    title: 'Wisatawan Asing Ditemukan Tewas di Pantai Kuta',
    authors: ['I Made Wirya'],
    outlet: 'Bali Post',
    editor: null,
    dateline: 'Denpasar',
    publishedAt: '2022-12-23T14:05:00+08:00',
    language: 'id',
    media: [],
    paragraphs: 4,
    boilerplate: ['Bagikan:'],
    metaLines: ['I Made Wirya, Bali Post', 'Jumat, 23 Desember 2022 | 14:05 WITA'],
  },
  'f08_papua_wit.txt': {
    title: 'Banjir Bandang Terjang Sentani, Ratusan Warga Mengungsi',
    authors: ['Hendrik Hay'],
    outlet: 'Antara',
    editor: 'Agus Salim',
    dateline: 'Jayapura',
    publishedAt: '2022-12-23T09:15:00+09:00',
    language: 'id',
    media: [
      {
        caption:
          'Warga membersihkan lumpur yang masuk ke rumah mereka di Sentani, Kabupaten Jayapura, Papua.',
        credit: 'ANTARA FOTO/Gusti Tanati',
      },
    ],
    paragraphs: 3,
    boilerplate: ['COPYRIGHT © ANTARA 2022'],
    metaLines: ['Pewarta: Hendrik Hay', '23/12/2022, 09:15 WIT', 'Editor: Agus Salim'],
  },
  'f09_oleh_makassar.txt': {
    title: 'Pemkot Makassar Perluas Jalur Sepeda di Pusat Kota',
    authors: ['Andi Muhammad Ikhsan'],
    outlet: null,
    editor: null,
    dateline: 'Makassar',
    publishedAt: '2023-01-16T00:00:00+08:00',
    language: 'id',
    media: [],
    paragraphs: 5,
    boilerplate: [
      'Simak juga: Makassar Siapkan Bus Listrik untuk Transportasi Publik',
      'Sebelumnya',
      'Selanjutnya',
    ],
    warnings: [
      'time zone not stated; assumed +08:00 (WITA) from dateline "Makassar"',
      'short line treated as body: "Jalur Terproteksi"',
    ],
    paragraphText: { 2: 'Jalur Terproteksi' },
    metaLines: ['Oleh Andi Muhammad Ikhsan', 'Senin, 16 Januari 2023'],
  },
  'f10_translated_multi.txt': {
    title: 'Ilmuwan Temukan Spesies Katak Baru di Pegunungan Meratus',
    authors: ['Rina Wulandari', 'Budi Santoso', 'Citra Lestari'],
    outlet: null,
    editor: 'Dian Puspita',
    translators: ['Yoga Pratama'],
    dateline: null,
    publishedAt: '2023-03-01T10:00:00+07:00',
    language: 'id',
    media: [
      {
        caption: 'Katak spesies baru yang ditemukan di Pegunungan Meratus, Kalimantan Selatan.',
        credit: 'LIPI',
      },
    ],
    paragraphs: 3,
    boilerplate: [],
    paragraphText: {
      1: 'Menurut ketua tim, katak berukuran kurang dari dua sentimeter itu hanya ditemukan di aliran sungai kecil yang jernih dan berbatu. Para peneliti menyebut habitat tersebut sangat rentan terhadap perubahan tata guna lahan di sekitarnya.',
      2: 'Peneliti utama mengatakan, "Spesies ini menjadi pengingat bahwa masih banyak kekayaan hayati kita yang belum tercatat."',
    },
    metaLines: ['Rina Wulandari, Budi Santoso dan Citra Lestari', 'Penerjemah: Yoga Pratama'],
  },
  'f11_hardwrapped_en.txt': {
    title: 'Floods cut off villages in northern Sumatra',
    authors: ['Maria Hutapea'],
    outlet: null,
    editor: null,
    translators: ['Nadia Rahman'],
    dateline: 'Medan',
    publishedAt: '2023-03-01T10:00:00+07:00',
    language: 'en',
    media: [],
    paragraphs: 3,
    boilerplate: [],
    paragraphText: {
      1: 'The regional disaster agency said rescuers had reached most of the affected areas by boat, but two villages remained isolated because a bridge had been washed away.',
    },
    metaLines: ['By Maria Hutapea', 'Translated by Nadia Rahman', 'Wed, March 1, 2023 10:00 WIB'],
  },
  // Layouts the parser was not tuned on while the rules were first written.
  'g01_liputan6.txt': {
    title: 'Harga Emas Antam Hari Ini Turun Rp 5.000 per Gram',
    authors: ['Tira Santia'],
    outlet: 'Liputan6.com',
    editor: 'Arthur Gideon',
    dateline: 'Jakarta',
    publishedAt: '2023-01-16T09:15:00+07:00',
    language: 'id',
    media: [{ caption: 'Ilustrasi emas batangan.', credit: 'Liputan6.com/Angga Yuniar' }],
    paragraphs: 6,
    boilerplate: ['Advertisement', 'Tag Terkait', 'Harga Emas', 'Antam'],
    paragraphText: { 2: 'Berikut daftar harga emas Antam hari ini:', 3: '- 0,5 gram: Rp 570.000' },
    metaLines: ['Liputan6.com', 'Diperbarui 16 Jan 2023, 09:20 WIB', 'Reporter: Tira Santia'],
  },
  'g02_kumparan.txt': {
    title: 'Polisi Tangkap Pelaku Penipuan Online yang Rugikan Korban Rp 2 Miliar',
    authors: [],
    outlet: 'kumparanNEWS',
    editor: null,
    dateline: null,
    publishedAt: '2023-01-16T07:30:00+07:00',
    language: 'id',
    media: [],
    paragraphs: 4,
    boilerplate: ['·', 'waktu baca 2 menit', 'Bagikan', 'Komentar'],
    warnings: ['no byline found', 'time zone not stated; assumed +07:00 (WIB)'],
  },
  'g03_bbc_indonesia.txt': {
    title: 'Gunung Semeru erupsi lagi, warga diminta menjauh',
    authors: [],
    outlet: 'BBC News Indonesia',
    editor: null,
    dateline: null,
    publishedAt: '2022-12-04T00:00:00+07:00',
    language: 'id',
    media: [
      { caption: 'Warga menyelamatkan ternak saat Gunung Semeru erupsi.', credit: 'ANTARA FOTO' },
    ],
    paragraphs: 3,
    boilerplate: ['Berita terkait', 'Topik terkait'],
    metaLines: ['SUMBER GAMBAR, ANTARA FOTO', 'Keterangan gambar,'],
  },
  'g04_jpnn.txt': {
    title: 'Menpan-RB Pastikan Seleksi PPPK Guru Tetap Dibuka Tahun Ini',
    authors: ['Mesyia Muhammad'],
    outlet: 'JPNN.com',
    editor: 'Mesyia Muhammad',
    dateline: 'Jakarta',
    publishedAt: '2023-01-16T07:30:00+07:00',
    language: 'id',
    media: [{ caption: 'Menpan-RB Abdullah Azwar Anas.', credit: 'Ricardo/JPNN.com' }],
    paragraphs: 3,
    boilerplate: [],
    metaLines: ['JPNN.com', 'Redaktur & Reporter : Mesyia Muhammad'],
  },
  'g05_republika.txt': {
    title: 'Cuaca Ekstrem, BMKG Imbau Nelayan Tak Melaut',
    authors: ['Dian Fath Risalah'],
    outlet: 'Republika.co.id',
    editor: 'Ratna Puspita',
    dateline: 'Jakarta',
    publishedAt: '2023-02-02T15:45:00+07:00',
    language: 'id',
    media: [],
    paragraphs: 2,
    boilerplate: [],
    metaLines: ['Rep: Dian Fath Risalah/ Red: Ratna Puspita'],
  },
  'g06_jakartaglobe_en.txt': {
    title: "Indonesia's inflation eases to 5.28% in January",
    authors: [],
    outlet: 'Jakarta Globe',
    editor: 'Heru Andriyanto',
    dateline: 'Jakarta',
    publishedAt: '2023-01-31T11:45:00+07:00',
    language: 'en',
    media: [],
    paragraphs: 3,
    boilerplate: ['Tags:', 'Inflation', 'BPS'],
    metaLines: ['Jakarta Globe', 'Editor : Heru Andriyanto (heru.andriyanto@beritasatu.com)'],
  },
  'g07_related_list.txt': {
    title: 'Kebakaran Landa Pasar Senen, 20 Mobil Damkar Dikerahkan',
    authors: [],
    outlet: null,
    editor: null,
    dateline: null,
    publishedAt: null,
    language: 'id',
    media: [{ caption: 'Ilustrasi kebakaran.', credit: 'Shutterstock' }],
    paragraphs: 2,
    boilerplate: [
      'BREAKING NEWS',
      'Baca Juga',
      'Pasar Kebakaran di Jakarta Sepanjang 2022',
      'Daftar Pasar Tradisional yang Direvitalisasi',
    ],
    warnings: ['editor initials found but no editor named: (dkh/dkh)'],
  },
  'g08_deck_en.txt': {
    title: 'Jakarta’s MRT extends operating hours during holiday season',
    authors: ['Dio Suhenda'],
    outlet: 'The Jakarta Post',
    editor: null,
    dateline: 'Jakarta',
    publishedAt: '2022-12-23T00:00:00+07:00',
    language: 'en',
    media: [],
    paragraphs: 3,
    boilerplate: [],
    paragraphText: {
      0: 'The operator expects ridership to jump by a third as residents head to year-end celebrations.',
    },
    metaLines: ['Dio Suhenda (The Jakarta Post)', 'Jakarta ● Fri, December 23, 2022'],
  },
}

describe('parseDocument: samples and layout fixtures', () => {
  for (const [file, want] of Object.entries(CASES)) {
    it(`parses ${file}`, () => {
      const r = parseFixture(file)
      expect(r.title).toBe(want.title)
      expect(r.authors).toEqual(want.authors)
      expect(r.outlet).toBe(want.outlet)
      expect(r.editor).toBe(want.editor)
      expect(r.translators).toEqual(want.translators ?? [])
      expect(r.dateline).toBe(want.dateline)
      expect(r.publishedAt).toBe(want.publishedAt)
      expect(r.language).toBe(want.language)
      expect(r.media).toEqual(want.media)
      expect(r.paragraphs).toHaveLength(want.paragraphs)
      expect(r.boilerplate).toEqual(want.boilerplate)
      for (const w of want.warnings ?? []) {
        expect(
          r.warnings.some((x) => x.includes(w)),
          `warning "${w}" in ${r.warnings}`,
        ).toBe(true)
      }
      for (const [i, text] of Object.entries(want.paragraphText ?? {})) {
        expect(r.paragraphs[Number(i)]).toBe(text)
      }
      for (const line of want.metaLines ?? []) expect(roleOf(r, line)).toBe('meta')
      if (want.authors.length > 0) expect(r.warnings).not.toContain('no byline found')
      if (want.publishedAt !== null) expect(r.warnings).not.toContain('publishedAt not found')
    })
  }

  it('covers every fixture file with expectations', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))
    expect(files.sort()).toEqual([SEED, ...Object.keys(CASES)].sort())
  })

  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
    it(`is lossless for ${file}`, () => {
      expectLossless(readFixture(file).toString('utf8'), parseFixture(file))
    })
  }
})

const SMALL_DOC = [
  'Pemerintah Tambah Kuota Pupuk Bersubsidi',
  '',
  'Oleh Siti Rahmawati',
  'Senin, 16 Januari 2023 - 07:30 WIB',
  '',
  'Jakarta - Pemerintah menambah kuota pupuk bersubsidi untuk musim tanam tahun ini.',
  '',
  'Menteri Pertanian mengatakan penambahan kuota dilakukan karena permintaan petani meningkat tajam.',
  '',
  'Baca juga: Harga Gabah Naik',
]

describe('parseDocument: encodings and normalization', () => {
  const clean = parseText(SMALL_DOC.join('\n'))

  it('parses the clean reference document', () => {
    expect(clean.title).toBe('Pemerintah Tambah Kuota Pupuk Bersubsidi')
    expect(clean.authors).toEqual(['Siti Rahmawati'])
    expect(clean.publishedAt).toBe('2023-01-16T07:30:00+07:00')
    expect(clean.dateline).toBe('Jakarta')
    expect(clean.paragraphs).toHaveLength(2)
    expect(clean.boilerplate).toEqual(['Baca juga: Harga Gabah Naik'])
  })

  it('handles CRLF, a UTF-8 BOM, no-break spaces and zero-width characters', () => {
    const dirty =
      '\ufeff' +
      SMALL_DOC.map((l) =>
        l
          .replace('Pemerintah menambah', 'Pemerintah\u00a0menambah')
          .replace('Kuota Pupuk', 'Kuota\u200b Pupuk')
          .replace('Siti', 'Si\u200cti\u2060')
          .replace('karena', 'kare\u200dna\ufeff'),
      ).join('\r\n') +
      '\u00a0\r\n'
    for (const input of [dirty, Buffer.from(dirty, 'utf8')]) {
      const r = parseDocument(input, { fileName: 'dirty.txt' })
      expect(r.title).toBe(clean.title)
      expect(r.authors).toEqual(clean.authors)
      expect(r.paragraphs).toEqual(clean.paragraphs)
      expect(r.publishedAt).toBe(clean.publishedAt)
      expect(r.boilerplate).toEqual(clean.boilerplate)
      expect(r.lines).toEqual(clean.lines)
      for (const l of r.lines) expect(l.text).not.toMatch(/[\r\u00a0\u200b-\u200d\u2060\ufeff]/)
      expectLossless(dirty, r)
    }
    // Raw BOM bytes.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL_DOC.join('\n'))])
    expect(parseDocument(bom, { fileName: 'bom.txt' }).title).toBe(clean.title)
  })

  it('applies Unicode NFC', () => {
    const decomposed = SMALL_DOC.join('\n').replace(
      'Pemerintah menambah',
      'Pemerinta\u0301h menambah',
    )
    const r = parseText(decomposed)
    expect(r.paragraphs[0]).toContain('Pemerint\u00e1h menambah')
  })

  it('decodes Windows-1252 when the bytes are not valid UTF-8', () => {
    const text = [
      'Kafe di Jakarta Sajikan Kopi Nusantara',
      '',
      'Oleh Budi Santoso',
      '',
      'Jakarta - \u201cCaf\u00e9 kami hanya memakai biji kopi lokal,\u201d kata pemiliknya kepada wartawan pada Senin.',
      '',
      'Harga secangkir kopi di kafe itu berkisar Rp25.000 hingga Rp40.000 \u2013 cukup terjangkau.',
    ].join('\r\n')
    const cp1252: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 }
    const bytes = Buffer.from([...text].map((c) => cp1252[c] ?? c.charCodeAt(0)))
    expect(bytes.includes(0xe9)).toBe(true)
    expect(bytes.includes(0x93)).toBe(true)
    const r = parseDocument(bytes, { fileName: 'legacy.txt' })
    expect(r.warnings).toContain('decoded as windows-1252')
    expect(r.paragraphs[0]).toBe(
      'Jakarta - \u201cCaf\u00e9 kami hanya memakai biji kopi lokal,\u201d kata pemiliknya kepada wartawan pada Senin.',
    )
    expect(r.paragraphs[1]).toContain('Rp40.000 \u2013 cukup')
    expect(r.authors).toEqual(['Budi Santoso'])
    expectLossless(text, r)
  })

  it('keeps UTF-8 with a few broken bytes as UTF-8 and warns', () => {
    const good = Buffer.from(
      `${SMALL_DOC.join('\n')}\n\nKata “menteri” — dan “kuota” — muncul berulang kali di paragraf ini.`,
    )
    const broken = Buffer.concat([good, Buffer.from(' \xff', 'latin1')])
    const r = parseDocument(broken, { fileName: 'broken.txt' })
    expect(r.warnings.some((w) => w.startsWith('invalid UTF-8 bytes replaced'))).toBe(true)
    expect(r.paragraphs.join(' ')).toContain('“menteri”')
  })
})

describe('parseDocument: bad input', () => {
  it('rejects an empty file', () => {
    expectParseError(() => parseDocument(Buffer.alloc(0), { fileName: 'a.txt' }), 'empty file')
    expectParseError(() => parseDocument('', { fileName: 'a.txt' }), 'empty file')
  })

  it('rejects a whitespace-only file', () => {
    expectParseError(
      () => parseDocument(' \n\t\r\n\u00a0\u200b\n', { fileName: 'a.txt' }),
      'empty file (only whitespace)',
    )
    expectParseError(
      () => parseDocument(Buffer.from('\ufeff   \r\n\r\n'), { fileName: 'a.txt' }),
      /^empty file/,
    )
  })

  it('rejects binary content', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    ])
    expectParseError(
      () => parseDocument(png, { fileName: 'a.bin' }),
      'binary file (NUL bytes found)',
    )
    expectParseError(
      () => parseDocument('Judul\u0000\nIsi', { fileName: 'a.txt' }),
      'binary file (NUL bytes found)',
    )
    const controls = Buffer.from(
      Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))),
    )
    expectParseError(() => parseDocument(controls, { fileName: 'a.bin' }), /^binary file/)
  })

  it('rejects files over the size limit', () => {
    const big = Buffer.alloc(Math.round(6.1 * 1024 * 1024), 0x61)
    expectParseError(
      () => parseDocument(big, { fileName: 'big.txt' }),
      'file too large: 6.1 MB (limit 5 MB)',
    )
    expectParseError(
      () => parseDocument('a'.repeat(MAX_DOCUMENT_BYTES + 1), { fileName: 'big.txt' }),
      /^file too large: 5\.0 MB \(limit 5 MB\)$/,
    )
    expect(MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024)
  })

  it('rejects bytes that are neither UTF-8 nor Windows-1252', () => {
    // 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8 here.
    const bytes = Buffer.concat([
      Buffer.from('Judul berita\n\nIsi '),
      Buffer.from([0x81, 0x8d, 0x41]),
    ])
    expectParseError(
      () => parseDocument(bytes, { fileName: 'a.txt' }),
      'undecodable bytes: not valid UTF-8 or Windows-1252',
    )
  })

  it('rejects a document without body text', () => {
    expectParseError(() => parseText('Hanya Sebuah Judul'), 'no body text')
    expectParseError(
      () =>
        parseText(
          'Hanya Sebuah Judul\n\nOleh Budi Santoso\nSenin, 16 Januari 2023 07:30 WIB\n\nBaca juga: Lainnya',
        ),
      'no body text',
    )
  })

  it('rejects a document without a recognizable title', () => {
    const paragraph =
      'Pemerintah menambah kuota pupuk bersubsidi untuk musim tanam tahun ini. '.repeat(5)
    expectParseError(() => parseText(`${paragraph}\n\n${paragraph}`), 'no recognizable title')
    expectParseError(
      () => parseText('Baca juga: Sesuatu\nSebelumnya\nBagikan'),
      'no recognizable title',
    )
  })

  it('throws errors that are instances of Error with the ParseError name', () => {
    try {
      parseText('')
    } catch (e) {
      expect(e).toBeInstanceOf(Error)
      expect((e as Error).name).toBe('ParseError')
    }
  })
})

const doc = (...lines: string[]): string => lines.join('\n')
const LONG_A =
  'Pemerintah daerah menyatakan akan segera menindaklanjuti persoalan banjir yang dikeluhkan warga dalam beberapa pekan terakhir.'
const LONG_B =
  'Menurut data yang dihimpun dinas terkait, jumlah warga yang terdampak meningkat hampir dua kali lipat dibandingkan tahun lalu.'

describe('parseDocument: paragraph joining', () => {
  it('joins a paragraph that ends mid-sentence with the next one, with one space', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        `${LONG_A} Kepala dinas mengatakan bahwa`,
        '',
        'warga diminta tetap waspada.',
        '',
        LONG_B,
      ),
    )
    expect(r.paragraphs).toEqual([
      `${LONG_A} Kepala dinas mengatakan bahwa warga diminta tetap waspada.`,
      LONG_B,
    ])
  })

  it('joins across a colon and treats a closing quote after punctuation as final', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        `${LONG_A} Ia berkata:`,
        '',
        '"Kami siap membantu."',
        '',
        '“Semua sudah siap.”',
        '',
        LONG_B,
      ),
    )
    expect(r.paragraphs).toEqual([
      `${LONG_A} Ia berkata: "Kami siap membantu."`,
      '“Semua sudah siap.”',
      LONG_B,
    ])
  })

  it('joins across interleaved chrome and captions', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        `${LONG_A} Menurut dia, warga yang`,
        'Baca juga: Berita Lain',
        'Warga mengungsi ke balai desa. (Foto: Istimewa)',
        'terdampak akan menerima bantuan.',
        LONG_B,
      ),
    )
    expect(r.paragraphs[0]).toBe(
      `${LONG_A} Menurut dia, warga yang terdampak akan menerima bantuan.`,
    )
    expect(r.media).toEqual([{ caption: 'Warga mengungsi ke balai desa.', credit: 'Istimewa' }])
  })

  it('does not join a short heading into the next paragraph', () => {
    const r = parseText(
      doc('Judul Berita Hari Ini', '', LONG_A, '', 'Kronologi Kejadian', '', LONG_B),
    )
    expect(r.paragraphs).toEqual([LONG_A, 'Kronologi Kejadian', LONG_B])
    expect(r.warnings).toContain('short line treated as body: "Kronologi Kejadian"')
  })

  it('does not join a lead into a paragraph that opens with a dateline', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        'Pemerintah memastikan harga BBM tidak naik hingga akhir tahun',
        '',
        `JAKARTA - ${LONG_A}`,
      ),
    )
    expect(r.paragraphs).toHaveLength(2)
    expect(r.dateline).toBe('Jakarta')
  })

  it('keeps editor initials in the last paragraph and reports them', () => {
    const r = parseText(doc('Judul Berita Hari Ini', '', LONG_A, '', `${LONG_B} (mea/jbr)`))
    expect(r.paragraphs[1].endsWith('(mea/jbr)')).toBe(true)
    expect(r.editor).toBeNull()
    expect(r.warnings).toContain('editor initials found but no editor named: (mea/jbr)')
  })
})

describe('parseDocument: trailer and chrome', () => {
  it('keeps a mid-article "Selanjutnya" followed by more prose as a single boilerplate line', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        LONG_A,
        '',
        'Selanjutnya',
        '',
        LONG_B,
        '',
        LONG_A + ' Lagi.',
      ),
    )
    expect(r.boilerplate).toEqual(['Selanjutnya'])
    expect(r.paragraphs).toHaveLength(3)
  })

  it('turns everything after "Artikel ini telah tayang di" into boilerplate except credits', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        LONG_A,
        '',
        LONG_B,
        '',
        'Artikel ini telah tayang di Serambinews.com dengan judul Judul Berita Hari Ini',
        'Penulis: Nur Hidayat',
        'Editor: Ayu Lestari',
        'Berita terkait lainnya yang tidak ada hubungannya dengan isi artikel di atas ini.',
      ),
    )
    expect(r.authors).toEqual(['Nur Hidayat'])
    expect(r.editor).toBe('Ayu Lestari')
    expect(r.outlet).toBe('Serambinews.com')
    expect(r.boilerplate).toEqual([
      'Artikel ini telah tayang di Serambinews.com dengan judul Judul Berita Hari Ini',
      'Berita terkait lainnya yang tidak ada hubungannya dengan isi artikel di atas ini.',
    ])
  })

  it('drops chrome before the title', () => {
    const r = parseText(
      doc('Home > News > Nasional', 'ADVERTISEMENT', 'Judul Berita Hari Ini', '', LONG_A),
    )
    expect(r.title).toBe('Judul Berita Hari Ini')
    expect(r.boilerplate).toEqual(['Home > News > Nasional', 'ADVERTISEMENT'])
  })

  it('keeps the chrome patterns as labelled data', () => {
    expect(CHROME_PATTERNS.length).toBeGreaterThan(10)
    for (const p of CHROME_PATTERNS) {
      expect(p.label).toMatch(/^[a-z-]+$/)
      expect(p.re).toBeInstanceOf(RegExp)
    }
  })

  it('does not treat prose that starts like chrome as chrome', () => {
    const prose = [
      'Oleh karena itu, pemerintah meminta warga untuk tetap tenang dan tidak panik menghadapi situasi ini.',
      'Hak cipta lagu itu kini dipegang oleh label rekaman asal Jakarta yang menaunginya sejak lama.',
      'Bagikan pengalaman Anda, kata panitia, karena cerita warga sangat penting bagi kegiatan ini dan tahun depan.',
    ]
    const r = parseText(doc('Judul Berita Hari Ini', '', LONG_A, '', ...prose, '', LONG_B))
    expect(r.paragraphs).toEqual([LONG_A, ...prose, LONG_B])
    expect(r.authors).toEqual([])
  })
})

describe('parseDocument: bylines and dates', () => {
  const header = (...meta: string[]): ParsedArticle =>
    parseText(doc('Judul Berita Hari Ini', '', ...meta, '', LONG_A, '', LONG_B))

  it.each([
    ['Muhaimin, Sindonews', ['Muhaimin'], 'Sindonews'],
    ['Rolando Fransiscus Sihombing - detikNews', ['Rolando Fransiscus Sihombing'], 'detikNews'],
    ['Penulis: Ahmad Naufal | Editor: Sari Hardiyanto', ['Ahmad Naufal'], null],
    ['Oleh: Budi Santoso', ['Budi Santoso'], null],
    ['By Jane Doe and John Smith', ['Jane Doe', 'John Smith'], null],
    ['Laporan Wartawan Tribunnews.com, Fahmi Ramadhan', ['Fahmi Ramadhan'], 'Tribunnews.com'],
    ['Fahmi Firdaus, Jurnalis', ['Fahmi Firdaus'], null],
    ['Pewarta: Benny Jahang', ['Benny Jahang'], null],
    ['Dio Suhenda (The Jakarta Post)', ['Dio Suhenda'], 'The Jakarta Post'],
    [
      'Rina Wulandari, Budi Santoso dan Citra Lestari',
      ['Rina Wulandari', 'Budi Santoso', 'Citra Lestari'],
      null,
    ],
    ['Reporter: Siti Rahmawati', ['Siti Rahmawati'], null],
    ['Tim detikcom', [], 'detikcom'],
  ])('parses byline %j', (line, authors, outlet) => {
    const r = header(line)
    expect(roleOf(r, line)).toBe('meta')
    expect(r.authors).toEqual(authors)
    expect(r.outlet).toBe(outlet)
  })

  it.each([
    ['Senin, 16 Januari 2023 - 07:30 WIB', '2023-01-16T07:30:00+07:00'],
    ['Jumat, 23 Desember 2022 | 14:05 WITA', '2022-12-23T14:05:00+08:00'],
    ['Sabtu, 24 Des 2022 09.15 WIT', '2022-12-24T09:15:00+09:00'],
    ['23/12/2022, 14:05 WIB', '2022-12-23T14:05:00+07:00'],
    ['Diterbitkan 2023-01-16 07:30 WIB', '2023-01-16T07:30:00+07:00'],
    ['Published: January 16, 2023 7:30 PM WIB', '2023-01-16T19:30:00+07:00'],
    ['Jan 16, 2023 12:10 AM GMT+7', '2023-01-16T00:10:00+07:00'],
    ['2023-01-16T07:30:00Z', '2023-01-16T07:30:00+00:00'],
    ['Monday, 16 January 2023 10:00 UTC', '2023-01-16T10:00:00+00:00'],
  ])('parses date %j', (line, iso) => {
    const r = header(line)
    expect(roleOf(r, line)).toBe('meta')
    expect(r.publishedAt).toBe(iso)
    expect(r.warnings.some((w) => w.startsWith('time zone not stated'))).toBe(false)
  })

  it('assumes midnight WIB for a date without time and says so', () => {
    const r = header('Fri, December 23, 2022')
    expect(r.publishedAt).toBe('2022-12-23T00:00:00+07:00')
    expect(r.warnings).toContain('time zone not stated; assumed +07:00 (WIB)')
  })

  it('prefers the published date over an update date', () => {
    const r = header(
      'Diperbarui: Selasa, 17 Januari 2023 10:00 WIB',
      'Senin, 16 Januari 2023 07:30 WIB',
    )
    expect(r.publishedAt).toBe('2023-01-16T07:30:00+07:00')
  })

  it('rejects impossible dates', () => {
    const r = header('31/02/2023 07:30 WIB')
    expect(r.publishedAt).toBeNull()
  })

  it('guesses a bare name right after the title as a byline and says so', () => {
    const r = header('Ahmad Hidayat')
    expect(r.authors).toEqual(['Ahmad Hidayat'])
    expect(r.warnings).toContain('byline guessed from name-like line: "Ahmad Hidayat"')
  })

  it('uses "Reporting by" names only when there is no byline', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        LONG_A,
        '',
        LONG_B,
        '',
        'Reporting by Ayu Lestari; Editing by Hendra Wijaya',
      ),
    )
    expect(r.authors).toEqual(['Ayu Lestari'])
    expect(r.editor).toBe('Hendra Wijaya')
  })

  it('dedupes authors from the byline and the trailer', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        'Oleh Budi Santoso',
        '',
        LONG_A,
        '',
        LONG_B,
        '',
        'Penulis: budi santoso',
        'Editor: Ayu Lestari',
      ),
    )
    expect(r.authors).toEqual(['Budi Santoso'])
  })

  it('warns when no byline is found', () => {
    const r = parseText(doc('Judul Berita Hari Ini', '', LONG_A, '', LONG_B))
    expect(r.warnings).toContain('no byline found')
    expect(r.warnings).toContain('publishedAt not found')
  })

  it('strips an outlet suffix from the title', () => {
    const r = parseText(doc('Judul Berita Hari Ini - Kompas.com', '', LONG_A))
    expect(r.title).toBe('Judul Berita Hari Ini')
    expect(r.outlet).toBe('Kompas.com')
  })
})

describe('parseDocument: more credit forms', () => {
  it('reads combined role labels and abbreviations', () => {
    const r = parseText(
      doc('Judul Berita Hari Ini', '', LONG_A, '', LONG_B, '', 'Penulis & Editor: Ayu Lestari'),
    )
    expect(r.authors).toEqual(['Ayu Lestari'])
    expect(r.editor).toBe('Ayu Lestari')
  })

  it('does not read prose that starts with a role word as a credit', () => {
    const lines = [
      'Ed Sheeran akan tampil di Jakarta pada bulan depan untuk pertama kalinya.',
      'Editor senior majalah itu mengatakan penjualan edisi cetak terus turun.',
      'Red Cross officials said the shelters were full by Monday evening.',
    ]
    const r = parseText(doc('Judul Berita Hari Ini', '', LONG_A, '', ...lines, '', LONG_B))
    expect(r.paragraphs).toEqual([LONG_A, ...lines, LONG_B])
    expect(r.editor).toBeNull()
  })

  it('treats a byline that names only an outlet as the outlet', () => {
    const r = parseText(doc('Judul Berita Hari Ini', 'By ANTARA', '', LONG_A))
    expect(r.authors).toEqual([])
    expect(r.outlet).toBe('Antara')
  })

  it('attaches a credit line to the caption before it', () => {
    const r = parseText(
      doc(
        'Judul Berita Hari Ini',
        '',
        'Foto: Warga mengungsi ke balai desa.',
        'Foto: Istimewa',
        '',
        LONG_A,
      ),
    )
    expect(r.media).toEqual([{ caption: 'Warga mengungsi ke balai desa.', credit: 'Istimewa' }])
  })
})

describe('parseDateline', () => {
  it.each([
    ['Jakarta - Presiden', 'Jakarta', null],
    ['JAKARTA, KOMPAS.com - Pemerintah', 'Jakarta', 'Kompas.com'],
    ['Kupang (ANTARA) - Presiden', 'Kupang', 'Antara'],
    ['TRIBUNNEWS.COM, BEKASI - Banjir', 'Bekasi', 'Tribunnews.com'],
    ['JAKARTA - Polisi', 'Jakarta', null],
    ['Jakarta, CNN Indonesia -- Presiden', 'Jakarta', 'CNN Indonesia'],
    ['WASHINGTON, Jan 16 (Reuters) - The', 'Washington', 'Reuters'],
    ['Liputan6.com, Jakarta - Presiden', 'Jakarta', 'Liputan6.com'],
    ['TEMPO.CO, Jakarta - President', 'Jakarta', 'Tempo.co'],
    ['KOTA BEKASI - Banjir', 'Kota Bekasi', null],
    ['Jakarta. Indonesia’s annual inflation', 'Jakarta', null],
    ['WASHINGTON (AP) — The', 'Washington', 'AP'],
  ])('reads %j', (text, place, outlet) => {
    expect(parseDateline(text)).toEqual({ place, outlet })
  })

  it.each([
    'Pada Juli, Menteri Luar Negeri Rusia Sergey Lavrov mengatakan',
    'Presiden Joko Widodo - yang hadir di lokasi - mengatakan',
    'Ia mengatakan - dengan nada tinggi - bahwa',
    'Jakarta-Bandung toll road reopened on Monday',
  ])('ignores %j', (text) => {
    expect(parseDateline(text)).toBeNull()
  })
})

describe('detectLanguage', () => {
  it('detects Indonesian and English', () => {
    expect(detectLanguage(LONG_A + ' ' + LONG_B).language).toBe('id')
    expect(
      detectLanguage(
        'The government said on Monday that it was working with the provinces to fix the roads.',
      ).language,
    ).toBe('en')
  })

  it('is not confident on too little text', () => {
    expect(detectLanguage('Halo').confident).toBe(false)
  })
})

describe('bench/synthetic', () => {
  it('is deterministic', () => {
    expect(generateDocument(42)).toEqual(generateDocument(42))
    expect(generateDocument(1).text).not.toBe(generateDocument(2).text)
  })

  it('produces documents that parse losslessly across all layouts', () => {
    const layouts = new Set<string>()
    for (const { fileName, text } of generateDocuments(260)) {
      layouts.add(fileName.replace(/^synthetic-\d+-|\.txt$/g, ''))
      const r = parseDocument(text, { fileName })
      expectLossless(text, r)
      expect(r.title.length).toBeGreaterThan(10)
      expect(r.paragraphs.length).toBeGreaterThan(3)
      expect(r.language).toBe(/-(?:tempo-en|reuters|jakpost)\.txt$/.test(fileName) ? 'en' : 'id')
      if (!/-(?:sindonews|antara|tribun)\.txt$/.test(fileName)) expect(r.publishedAt).not.toBeNull()
      if (!/-cnn\.txt$/.test(fileName)) expect(r.authors.length).toBeGreaterThan(0)
    }
    expect(layouts.size).toBe(13)
  })
})
