/**
 * Deterministic synthetic news documents for the import benchmark. Each index maps to one
 * document; layouts, languages, bylines, dates, captions, chrome and scraper artefacts (split
 * paragraphs, CRLF, BOM, no-break spaces) vary with the index.
 */

export interface SyntheticDocument {
  fileName: string
  text: string
}

type Rng = () => number

/** mulberry32: small, fast, deterministic. */
const makeRng = (seed: number): Rng => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]
const int = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1))
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

const FIRST = [
  'Ahmad',
  'Siti',
  'Budi',
  'Dewi',
  'Rizky',
  'Putri',
  'Fajar',
  'Nur',
  'Andi',
  'Maria',
  'Yohanes',
  'Lestari',
  'Dimas',
  'Ayu',
  'Hendra',
  'Rina',
]
const LAST = [
  'Santoso',
  'Rahmawati',
  'Hidayat',
  'Saputra',
  'Wulandari',
  'Pratama',
  'Siregar',
  'Nasution',
  'Hutapea',
  'Lestari',
  'Kurniawan',
  'Setiawan',
  'Manurung',
  'Wijaya',
]
const PLACES_WIB = [
  'Jakarta',
  'Bandung',
  'Surabaya',
  'Medan',
  'Semarang',
  'Bekasi',
  'Bogor',
  'Palembang',
  'Padang',
  'Pontianak',
]
const PLACES_WITA = ['Denpasar', 'Makassar', 'Kupang', 'Mataram', 'Balikpapan', 'Manado']
const PLACES_WIT = ['Jayapura', 'Ambon', 'Sorong', 'Merauke', 'Ternate']
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']
const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
]
const MONTHS_ID_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
]
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

const TOPICS_ID = [
  'banjir',
  'harga beras',
  'gempa bumi',
  'jalan tol baru',
  'vaksinasi',
  'pemilu',
  'kebakaran hutan',
  'inflasi',
  'transportasi publik',
  'sampah plastik',
]
const TOPICS_EN = [
  'flooding',
  'rice prices',
  'an earthquake',
  'a new toll road',
  'vaccinations',
  'the election',
  'forest fires',
  'inflation',
  'public transport',
  'plastic waste',
]

const SENTENCES_ID = [
  'Pemerintah daerah menyatakan akan segera menindaklanjuti persoalan {topic} yang dikeluhkan warga {place} dalam beberapa pekan terakhir.',
  'Menurut data yang dihimpun dinas terkait, jumlah warga yang terdampak {topic} meningkat hampir dua kali lipat dibandingkan tahun lalu.',
  'Kepala dinas setempat mengatakan koordinasi dengan pemerintah pusat terus dilakukan agar penanganan {topic} berjalan lebih cepat.',
  'Sejumlah warga mengaku sudah lama menunggu kepastian dari pemerintah terkait {topic} di lingkungan tempat tinggal mereka.',
  'Anggota DPRD meminta agar anggaran untuk penanganan {topic} dialokasikan secara transparan dan tepat sasaran.',
  'Pengamat kebijakan publik menilai persoalan {topic} membutuhkan solusi jangka panjang, bukan sekadar langkah darurat.',
  'Aparat keamanan juga dikerahkan untuk membantu warga dan memastikan situasi di {place} tetap kondusif.',
  'Hingga Senin sore, petugas masih melakukan pendataan terhadap rumah dan fasilitas umum yang terdampak.',
  'Pihaknya berjanji akan menyampaikan perkembangan terbaru kepada masyarakat melalui kanal resmi pemerintah.',
  'Warga berharap pemerintah tidak hanya datang saat masalah muncul, tetapi juga melakukan pencegahan sejak dini.',
  'Rapat koordinasi lanjutan dijadwalkan berlangsung pekan depan dengan melibatkan seluruh pemangku kepentingan.',
  'Data tersebut akan menjadi dasar penyusunan kebijakan yang lebih tepat untuk mengatasi {topic}.',
]
const QUOTES_ID = [
  'Kami akan bekerja semaksimal mungkin agar masyarakat tidak dirugikan',
  'Persoalan ini tidak bisa diselesaikan oleh satu lembaga saja',
  'Kami minta warga tetap tenang dan mengikuti arahan petugas di lapangan',
  'Anggarannya sudah kami siapkan dan tinggal menunggu proses administrasi',
]
const SENTENCES_EN = [
  'Local authorities said they would act quickly on complaints about {topic} from residents of {place} in recent weeks.',
  'According to official data, the number of people affected by {topic} has nearly doubled compared with last year.',
  'The head of the regional agency said coordination with the central government was continuing so that the response to {topic} could be accelerated.',
  'Several residents said they had waited a long time for clarity from the government about {topic} in their neighborhood.',
  'Lawmakers called for the budget for {topic} to be allocated transparently and to reach the right people.',
  'Policy analysts said the problem of {topic} required long-term solutions rather than emergency measures alone.',
  'Security personnel were also deployed to help residents and keep the situation in {place} under control.',
  'As of Monday afternoon, officials were still recording the homes and public facilities that had been affected.',
  'The agency promised to share the latest developments with the public through official government channels.',
  'A follow-up coordination meeting is scheduled for next week and will involve all stakeholders.',
]
const QUOTES_EN = [
  'We will do everything we can to make sure the public is not harmed',
  'This problem cannot be solved by a single institution',
  'We ask residents to stay calm and follow the instructions of officers on the ground',
]
const CAPTIONS_ID = [
  'Warga melintasi lokasi terdampak {topic} di {place}.',
  'Petugas memeriksa kondisi lapangan terkait {topic} di {place}.',
  'Suasana rapat koordinasi penanganan {topic} di kantor pemerintah daerah {place}.',
]
const CAPTIONS_EN = [
  'Residents walk past an area affected by {topic} in {place}.',
  'Officials inspect conditions related to {topic} in {place}.',
]
const CREDITS = [
  '(Foto/{name})',
  '(Foto: Dok. Humas Pemda)',
  '(Istimewa)',
  '(ANTARA FOTO/{name})',
  '(Kompas.com/{name})',
  '(REUTERS/{name})',
  '(JP/{name})',
  '(Foto: {outlet})',
  '(Dok. {name})',
]

const LAYOUTS = [
  'sindonews',
  'detik',
  'kompas',
  'tempo-en',
  'okezone',
  'reuters',
  'cnn',
  'antara',
  'tribun',
  'jakpost',
  'wita',
  'wit',
  'oleh',
] as const
type Layout = (typeof LAYOUTS)[number]

const ENGLISH: ReadonlySet<Layout> = new Set<Layout>(['tempo-en', 'reuters', 'jakpost'])

interface Ctx {
  rng: Rng
  english: boolean
  place: string
  topic: string
}

const name = (rng: Rng): string => `${pick(rng, FIRST)} ${pick(rng, LAST)}`
const initials = (rng: Rng): string =>
  `(${String.fromCharCode(97 + int(rng, 0, 25))}${String.fromCharCode(97 + int(rng, 0, 25))}${String.fromCharCode(97 + int(rng, 0, 25))}/${String.fromCharCode(97 + int(rng, 0, 25))}${String.fromCharCode(97 + int(rng, 0, 25))}${String.fromCharCode(97 + int(rng, 0, 25))})`

const fill = (ctx: Ctx, template: string): string =>
  template.replace('{topic}', ctx.topic).replace('{place}', ctx.place)

/** Body paragraphs; some are split mid-sentence around a quote like a careless scraper would. */
const body = (ctx: Ctx, opening: string): string[] => {
  const { rng, english } = ctx
  const sentences = english ? SENTENCES_EN : SENTENCES_ID
  const quotes = english ? QUOTES_EN : QUOTES_ID
  const count = int(rng, 5, 12)
  const out: string[] = []
  for (let p = 0; p < count; p++) {
    const n = int(rng, 2, 4)
    const parts: string[] = []
    const start = int(rng, 0, sentences.length - 1)
    const step = int(rng, 1, 3)
    for (let s = 0; s < n; s++)
      parts.push(fill(ctx, sentences[(start + s * step) % sentences.length]))
    let text = parts.join(' ')
    if (p === 0) text = opening + text
    const r = rng()
    if (r < 0.2 && p > 0) {
      // Split before a quote: `… menegaskan, ` / `"…."`
      out.push(`${text} ${english ? 'The official said,' : 'Dia menegaskan,'}\u00a0`)
      out.push(`"${pick(rng, quotes)}."`)
      continue
    }
    if (r < 0.3 && p > 0) {
      out.push(`“${pick(rng, quotes)},” ${english ? 'he said' : 'kata dia'}.`)
    }
    out.push(text)
  }
  return out
}

const caption = (ctx: Ctx, outlet: string): string => {
  const credit = pick(ctx.rng, CREDITS).replace('{name}', name(ctx.rng)).replace('{outlet}', outlet)
  return `${fill(ctx, pick(ctx.rng, ctx.english ? CAPTIONS_EN : CAPTIONS_ID))} ${credit}`
}

interface DateBits {
  y: number
  m: number
  d: number
  hh: number
  mm: number
  dow: number
}

const randomDate = (rng: Rng): DateBits => {
  const y = int(rng, 2015, 2024)
  const m = int(rng, 1, 12)
  const d = int(rng, 1, 28)
  return {
    y,
    m,
    d,
    hh: int(rng, 0, 23),
    mm: int(rng, 0, 59),
    dow: new Date(Date.UTC(y, m - 1, d)).getUTCDay(),
  }
}

const title = (ctx: Ctx): string => {
  const { rng } = ctx
  const topic = ctx.topic
  return ctx.english
    ? pick(rng, [
        `Officials in ${ctx.place} scramble to deal with ${topic}`,
        `Residents of ${ctx.place} demand action on ${topic}`,
        `${ctx.place} budget for ${topic} under scrutiny`,
      ])
    : pick(rng, [
        `Warga ${ctx.place} Keluhkan Penanganan ${cap(topic)}`,
        `Pemda ${ctx.place} Siapkan Langkah Darurat Atasi ${cap(topic)}`,
        `DPRD Soroti Anggaran ${cap(topic)} di ${ctx.place}`,
      ])
}

const cap = (text: string): string =>
  text.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase())

const build = (layout: Layout, ctx: Ctx): string[] => {
  const { rng } = ctx
  const dt = randomDate(rng)
  const idDate = `${DAYS_ID[dt.dow]}, ${dt.d} ${MONTHS_ID[dt.m - 1]} ${dt.y}`
  const time = `${pad(dt.hh)}:${pad(dt.mm)}`
  const author = name(rng)
  const editor = name(rng)
  const PLACE = ctx.place.toUpperCase()
  switch (layout) {
    case 'sindonews':
      return [
        title(ctx),
        '',
        `${author}, Sindonews`,
        caption(ctx, 'Sindonews'),
        '',
        ...body(ctx, ''),
        '',
        `Editor : ${editor}`,
        '',
        'Sebelumnya',
        '',
        'Bagikan Artikel Ini',
        'Konten di bawah ini disajikan oleh Advertiser. Jurnalis iNews Network tidak terlibat dalam materi konten ini.',
        'News Update',
        'Kanal',
        'Network',
        'MNC Portal',
        'Live TV',
        'MNC Network',
      ]
    case 'detik':
      return [
        title(ctx),
        '',
        `${author} - detikNews`,
        `${DAYS_ID[dt.dow]}, ${dt.d} ${MONTHS_ID_SHORT[dt.m - 1]} ${dt.y} ${time} WIB`,
        '',
        caption(ctx, 'detikcom'),
        '',
        ...withChrome(ctx, body(ctx, `${ctx.place} - `), `Baca juga: ${title(ctx)}`),
        '',
        `Simak Video "${title(ctx)}"`,
        '[Gambas:Video 20detik]',
        '',
        initials(rng),
      ]
    case 'kompas':
      return [
        title(ctx),
        '',
        `Penulis ${author} | Editor ${editor}`,
        '',
        `Kompas.com - ${pad(dt.d)}/${pad(dt.m)}/${dt.y}, ${time} WIB`,
        '',
        caption(ctx, 'Kompas.com'),
        '',
        ...withChrome(ctx, body(ctx, `${PLACE}, KOMPAS.com - `), `Baca juga: ${title(ctx)}`),
        '',
        'Cek berita dan artikel yang lain di Google News',
      ]
    case 'tempo-en':
      return [
        title(ctx),
        '',
        `Reporter: ${author}`,
        `${dt.d} ${MONTHS_EN[dt.m - 1]} ${dt.y} ${time} WIB`,
        '',
        ...withChrome(ctx, body(ctx, `TEMPO.CO, ${ctx.place} - `), `Read also: ${title(ctx)}`),
        '',
        `Translator: ${name(rng)}`,
        `Editor: ${editor}`,
        '',
        'Click here to get the latest news updates from Tempo on Google News',
      ]
    case 'okezone':
      return [
        title(ctx),
        '',
        `${author}, Jurnalis · ${DAYS_ID[dt.dow]} ${dt.d} ${MONTHS_ID[dt.m - 1]} ${dt.y} ${time} WIB`,
        '',
        caption(ctx, 'Okezone'),
        '',
        ...body(ctx, `${PLACE} - `),
        '',
        'Follow Berita Okezone di Google News',
      ]
    case 'reuters': {
      const second = name(rng)
      return [
        title(ctx),
        '',
        `By ${author} and ${second}`,
        `${MONTHS_EN[dt.m - 1]} ${dt.d}, ${dt.y} ${dt.hh % 12 || 12}:${pad(dt.mm)} ${dt.hh < 12 ? 'AM' : 'PM'} GMT+7`,
        '',
        caption(ctx, 'Reuters'),
        '',
        ...body(ctx, `${PLACE}, ${MONTHS_EN[dt.m - 1].slice(0, 3)} ${dt.d} (Reuters) - `),
        '',
        `Reporting by ${author}; Editing by ${editor}`,
      ]
    }
    case 'cnn':
      return [
        title(ctx),
        '',
        'CNN Indonesia',
        `${idDate} ${time} WIB`,
        '',
        caption(ctx, 'CNN Indonesia'),
        '',
        ...body(ctx, `${ctx.place}, CNN Indonesia -- `),
        '',
        '[Gambas:Video CNN]',
        '',
        initials(rng),
      ]
    case 'antara':
      return [
        title(ctx),
        '',
        ...body(ctx, `${ctx.place} (ANTARA) - `),
        '',
        `Pewarta: ${author}`,
        `Editor: ${editor}`,
        `COPYRIGHT © ANTARA ${dt.y}`,
      ]
    case 'tribun':
      return [
        title(ctx),
        '',
        `Laporan Wartawan Tribunnews.com, ${author}`,
        '',
        ...withChrome(ctx, body(ctx, `TRIBUNNEWS.COM, ${PLACE} - `), `Baca juga: ${title(ctx)}`),
        '',
        `Artikel ini telah tayang di Tribunnews.com dengan judul ${title(ctx)}`,
        `Penulis: ${author}`,
        `Editor: ${editor}`,
      ]
    case 'jakpost':
      return [
        title(ctx),
        '',
        `${author} (The Jakarta Post)`,
        `${ctx.place} ● ${DAYS_EN[dt.dow]}, ${MONTHS_EN[dt.m - 1]} ${dt.d}, ${dt.y}`,
        '',
        caption(ctx, 'The Jakarta Post'),
        '',
        ...body(ctx, ''),
        '',
        'Share this article on Facebook, Twitter or WhatsApp',
      ]
    case 'wita':
      return [
        title(ctx),
        '',
        `${author}, Bali Post`,
        `${idDate} | ${time} WITA`,
        '',
        ...body(ctx, `${PLACE} - `),
        '',
        'Bagikan:',
      ]
    case 'wit':
      return [
        title(ctx),
        '',
        `Pewarta: ${author}`,
        `${pad(dt.d)}/${pad(dt.m)}/${dt.y}, ${time} WIT`,
        '',
        ...body(ctx, `${ctx.place} (ANTARA) - `),
        '',
        `Editor: ${editor}`,
        `COPYRIGHT © ANTARA ${dt.y}`,
      ]
    case 'oleh':
      return [
        title(ctx),
        '',
        `Oleh ${author}`,
        idDate,
        '',
        ...body(ctx, `${PLACE} - `),
        '',
        'Sebelumnya',
        'Selanjutnya',
      ]
  }
}

/** Inserts a "Baca juga"-style line somewhere in the middle of the body. */
const withChrome = (ctx: Ctx, paragraphs: string[], line: string): string[] => {
  const at = int(ctx.rng, 1, Math.max(1, paragraphs.length - 1))
  return [...paragraphs.slice(0, at), line, ...paragraphs.slice(at)]
}

/** The synthetic document with index `i` (deterministic). */
export function generateDocument(i: number): SyntheticDocument {
  const rng = makeRng(Math.imul(i + 1, 2654435761) ^ 0x5eed)
  const layout = LAYOUTS[i % LAYOUTS.length]
  const english = ENGLISH.has(layout)
  const placePool = layout === 'wita' ? PLACES_WITA : layout === 'wit' ? PLACES_WIT : PLACES_WIB
  const topicIndex = int(rng, 0, TOPICS_ID.length - 1)
  const ctx: Ctx = {
    rng,
    english,
    place: pick(rng, placePool),
    topic: english ? TOPICS_EN[topicIndex] : TOPICS_ID[topicIndex],
  }
  // Blank line between paragraphs, as scraped.
  const lines = build(layout, ctx).flatMap((line, k, all) =>
    line !== '' && k + 1 < all.length && all[k + 1] !== '' && isParagraph(line)
      ? [line, '']
      : [line],
  )
  let text = lines.join('\n') + '\n'
  const artefacts = rng()
  if (artefacts < 0.15) text = text.replace(/\n/g, '\r\n')
  if (artefacts > 0.9) text = `\ufeff${text}`
  if (rng() < 0.2) text = text.replace(/ (dan|and) /, ' $1\u200b ')
  return { fileName: `synthetic-${String(i).padStart(6, '0')}-${layout}.txt`, text }
}

const isParagraph = (line: string): boolean => line.length > 120

/** `n` synthetic documents, indexes 0 … n-1. */
export function* generateDocuments(n: number): Generator<SyntheticDocument> {
  for (let i = 0; i < n; i++) yield generateDocument(i)
}
