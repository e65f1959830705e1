/**
 * Data used by the line classifier. Everything site-related lives here as plain data (regexes
 * with labels, keyword lists), never as per-site code paths.
 */

export interface ChromePattern {
  /** Short label, useful when debugging why a line was dropped. */
  label: string
  re: RegExp
  /** Lines longer than this never match (keeps prose from being mistaken for chrome). */
  maxLength: number
  /**
   * Marks the start of the end-of-article trailer when it appears after body text: everything
   * after it that is not a credit line is boilerplate.
   */
  trailer: boolean
}

const chrome = (label: string, re: RegExp, maxLength = 200, trailer = false): ChromePattern => ({
  label,
  re,
  maxLength,
  trailer,
})

/** Known site chrome, tested against each trimmed line. */
export const CHROME_PATTERNS: readonly ChromePattern[] = [
  // "Baca juga: …", "Baca Juga", "(Baca: …)", "Simak juga …", "Lihat Video: …"
  chrome(
    'read-also',
    /^[([]?\s*(?:baca|lihat|simak|tonton|saksikan|cek)\s+(?:juga|pula|selengkapnya|video|berita|artikel|breaking|foto|infografis)\b/i,
    300,
  ),
  chrome('read-also', /^[([]?\s*baca\s*(?:juga|pula|lainnya)?\s*[:>»]/i, 300),
  chrome(
    'read-also',
    /^[([]?\s*(?:read|see|watch|also read|related)\s*(?:also|more|next|too|story|article)?\s*:/i,
    300,
  ),
  chrome('read-also', /^[([]?\s*(?:read|see|watch)\s+(?:also|more|next)\b/i, 300),
  chrome(
    'related',
    /^(?:berita|artikel|video|topik|tag|tautan|konten)\s+(?:terkait|lainnya|pilihan|populer|terpopuler|terkini|terbaru|rekomendasi|menarik)\W*$/i,
    60,
    true,
  ),
  chrome(
    'related',
    /^(?:related|more|latest|popular|most popular|most read|top|recommended|trending|read next)(?:\s+(?:news|articles?|stories|posts|reads?|videos?|on \S+))?\W*$/i,
    60,
    true,
  ),
  chrome(
    'label',
    /^(?:breaking news|breaking|live update|live|eksklusif|exclusive|berita terkini|hot news|viral|headline|advertorial|opini|analisis|analysis|explainer|premium|sponsored)\W*$/i,
    30,
  ),
  chrome('tags', /^(?:tags?|topik|topics?|kata kunci|keywords?|label|hashtags?)\s*:/i, 400, true),
  chrome('hashtags', /^(?:#[\p{L}\d_]+[\s,]*)+$/u, 400),
  // "Bagikan Artikel Ini", "Share this article on Facebook, Twitter or WhatsApp"
  chrome(
    'share',
    /^(?:bagikan|share|sebarkan)(?:\s+(?:artikel|berita|tulisan|this|ini|on|via|to|post|story|article|link)\b.*|\s*:.*)?$/i,
    90,
    true,
  ),
  chrome(
    'share',
    /^(?:facebook|twitter|whatsapp|telegram|line|linkedin|email|copy link)(?:\s*[|·,]\s*(?:facebook|twitter|whatsapp|telegram|line|linkedin|email|copy link|x))+\W*$/i,
    120,
  ),
  // Pagination and prev/next links.
  chrome(
    'nav',
    /^\W*(?:sebelumnya|selanjutnya|berikutnya|halaman (?:sebelumnya|selanjutnya|berikutnya)|next|previous|prev|next page|previous page|next article|previous article|artikel (?:sebelumnya|selanjutnya)|berita (?:sebelumnya|selanjutnya)|older|newer)\W*$/i,
    40,
    true,
  ),
  chrome(
    'nav',
    /^\W*(?:load more|muat lebih banyak|lihat semua|see all|view all|tampilkan (?:semua|lebih banyak)|lanjut(?:kan)? baca(?:an)?|baca selengkapnya|read more|selengkapnya|show more)\W*$/i,
    40,
  ),
  chrome('pagination', /^(?:halaman|page|hal\.?)\s*:?\s*\d+(?:\s*(?:dari|of|\/)\s*\d+)?\W*$/i, 30),
  chrome('pagination', /^(?:halaman\s*:?\s*)?(?:\d+\s+){2,}(?:\d+|selanjutnya|next|»|›)?\W*$/i, 60),
  // Advertising.
  chrome('advertiser', /^konten di bawah ini disajikan oleh advertiser/i, 300),
  chrome(
    'advertiser',
    /^(?:advertisement|advertorial|iklan|ads?|sponsored(?: content)?|konten bersponsor|promoted|paid content|konten berbayar)\W*$/i,
    40,
  ),
  chrome(
    'advertiser',
    /\bscroll (?:to|untuk|ke bawah untuk) (?:continue|resume|lanjut|melanjutkan)\b/i,
    80,
  ),
  // App-download, WhatsApp / Telegram / Google News prompts.
  chrome(
    'app-prompt',
    /^(?:dapatkan|download|unduh|install|pasang|ikuti|follow|gabung|bergabung|join|subscribe|berlangganan|langganan|klik|yuk|ayo|mari|jangan lupa|simak)\b.*\b(?:whatsapp|telegram|google news|google play|play ?store|app ?store|aplikasi|apps?|channel|saluran|newsletter|instagram|twitter|facebook|tiktok|youtube|notifikasi|notification)\b/i,
    260,
  ),
  chrome('app-prompt', /\b(?:di|on|via|at|melalui|lewat)\s+google news\b/i, 220),
  chrome('app-prompt', /^dapatkan (?:update|berita|info|informasi|notifikasi)\b/i, 260),
  chrome('listen', /^(?:dengarkan|listen to|putar)\s+(?:artikel|berita|this|audio)\b/i, 80),
  // Menus and network links ("News Update", "Kanal", "Network", "Live TV", "MNC Network").
  chrome(
    'menu',
    /^(?:news update|update|kanal|channels?|network|networks|portal|live tv|tv|live streaming|streaming|home|beranda|terpopuler|terkini|terbaru|populer|trending|indeks|index|menu|search|cari|pencarian|login|log in|masuk|daftar|register|sign in|sign up|logout|keluar|video|videos|foto|photos?|galeri|gallery|infografis|kategori|categories|latest|latest news|editor'?s? picks?|pilihan editor|komentar|comments?|print|cetak|email|e-mail|copy link|salin tautan|tautan disalin|link copied|ukuran font|font|dengarkan|listen|audio|close|tutup|lainnya|lihat lainnya|more stories|opini|opinion|newsletter|podcast|about us|tentang kami|kontak|contact|redaksi|pedoman media siber|privacy policy|kebijakan privasi|disclaimer|karir|careers?|info iklan|sitemap|rss)\W*$/i,
    40,
  ),
  // "MNC Portal", "MNC Network", "Kompas Gramedia Group": short names ending with a network word.
  chrome(
    'menu',
    /^(?:[\p{L}\d.&]+\s+){1,3}(?:network|portal|group|grup|media group|tv|live tv|channel)\W*$/iu,
    40,
  ),
  chrome(
    'menu',
    /^[\p{L}\d](?:[\p{L}\d .&'-]{0,28}[\p{L}\d.&'-])?(?:\s?[>»›]\s?[\p{L}\d](?:[\p{L}\d .&'-]{0,28}[\p{L}\d.&'-])?)+$/u,
    120,
  ),
  chrome(
    'counter',
    /^\d+\s*(?:komentar|comments?|views?|dibaca|kali dibaca|shares?|likes?|suka)\W*$/i,
    40,
  ),
  chrome('reading-time', /^\d+\s*(?:menit|min(?:ute)?s?)\s*(?:baca|read|membaca)\W*$/i, 30),
  chrome(
    'reading-time',
    /^(?:waktu baca|lama baca|reading time|read time)\s*:?\s*\d+\s*(?:menit|min(?:ute)?s?)\W*$/i,
    40,
  ),
  chrome(
    'reading-time',
    /^\W*(?:(?:estimasi|perkiraan|waktu|lama)?\s*(?:baca|membaca|reading time|read time|time to read)\s*:?\s*\d+\s*(?:menit|min(?:ute)?s?)|\d+\s*(?:menit|min(?:ute)?s?)\s*(?:baca|read|membaca|reading))\W*$/i,
    50,
  ),
  // Chart and infographic blocks inside the body ("Grafik: …", "Chart: …", "Sumber data: …").
  chrome(
    'chart',
    /^(?:(?:grafik|chart|infografis|infographic|graphic|graphics|tabel|table|peta|map|diagram|visualisasi|visualization|interaktif|interactive)\s*\d*|sumber data|data source|sumber grafis)\s*[:：]/i,
    200,
  ),
  // Disclosure and partner blocks.
  chrome(
    'disclosure',
    /^(?:disclaimer|disclosure|pernyataan|penafian|catatan redaksi|editor'?s note|partners?|mitra|sponsored by|didukung oleh|supported by)\s*[:：]/i,
    600,
  ),
  chrome(
    'disclosure',
    /^(?:(?:artikel|tulisan|konten|liputan|berita) ini (?:merupakan|adalah|hasil|diproduksi|didukung|dibuat)\b.*\b(?:kerja ?sama|dukungan|didukung|mitra)\b|the views expressed\b|views expressed (?:here|in this)\b|this (?:article|story|piece|report|content) (?:is|was|has been) (?:republished|produced|supported|funded|sponsored)\b)/i,
    400,
  ),
  // "(Kaltim Post - Nusantara)": outlet and rubric in brackets on their own line.
  chrome('section-label', /^\(\s*[\p{L}\d.&' ]{2,40}?\s+[-–—|]\s+[\p{L}& ]{2,30}\)$/u, 80),
  chrome('separator', /^[\p{P}\p{S}\s]+$/u, 40),
  chrome('font-size', /^(?:a\s*){2,3}$|^a[-+]\s*a[-+]?$/i, 10),
  // Re-publication notices.
  chrome(
    'republished',
    /^(?:artikel|berita|tulisan|konten) ini (?:telah |sudah |juga |pertama kali )*(?:tayang|terbit|dimuat|dipublikasikan|diterbitkan|tayang)\b/i,
    500,
    true,
  ),
  chrome(
    'republished',
    /^this (?:article|story|piece) (?:was |has been |is |first |originally )*(?:published|appeared|posted|republished)\b/i,
    500,
    true,
  ),
  // Copyright lines.
  chrome('copyright', /^(?:©|\(c\)\s*\d{4})/i, 200, true),
  chrome('copyright', /^(?:copyright|hak cipta)\b.{0,12}(?:©|\(c\)|\d{4})/i, 200, true),
  chrome('copyright', /(?:©|copyright\s*©?\s*(?=\d{4}))\s*(?:\d{4}|\p{Lu})/u, 160, true),
  chrome(
    'copyright',
    /\b(?:all rights reserved|hak cipta dilindungi(?: undang-undang)?)\b/i,
    200,
    true,
  ),
  // Promotions ("… Klik Lebih Lanjut").
  chrome(
    'promo',
    /\bklik (?:lebih lanjut|di ?sini|selengkapnya|link|tautan|untuk)\b[^.!?]*$/i,
    300,
  ),
  chrome('promo', /\bclick (?:here|to read more|for more)\b[^.!?]*$/i, 300),
  // Embeds and bare links.
  chrome(
    'embed',
    /^\[\s*(?:gambas|video|embed|iframe|image|photo|foto|ads?|advertisement|tweet|instagram|youtube)\b[^\]]*\]$/i,
    200,
  ),
  chrome('embed', /^gambas\s*:/i, 200),
  chrome('url', /^(?:https?:\/\/|www\.)\S+$/i, 300),
]

/**
 * A bare heading that introduces a list of related headlines ("Baca Juga", "Berita Terkait"):
 * the short headline-like lines that follow it are chrome too.
 */
export const RELATED_HEADING =
  /^[([]?\s*(?:(?:baca|lihat|simak)\s+(?:juga|pula)|(?:read|see)\s+(?:also|more)|also read|(?:berita|artikel|topik)\s+(?:terkait|lainnya|pilihan|rekomendasi)|related(?:\s+(?:news|articles?|stories))?|more (?:news|stories)|recommended)\s*[:)\]]?$/i

/** Role words in credit labels ("Penulis:", "Editor :", "Redaktur & Reporter :", "Rep:"). */
const AUTHOR_ROLES = [
  'penulis',
  'pewarta',
  'reporter',
  'wartawan',
  'jurnalis',
  'kontributor',
  'koresponden',
  'correspondent',
  'authors?',
  'writer',
  'teks',
  'text',
  'ditulis oleh',
  'dilaporkan oleh',
  'written by',
  'oleh',
  'by',
  'rep',
  'wrt',
]
const EDITOR_ROLES = [
  'editor in chief',
  'redaktur pelaksana',
  'editor',
  'redaktur',
  'penyunting',
  'penyelaras(?: bahasa)?',
  'editing',
  'edited',
  'diedit oleh',
  'red',
  'ed',
]
const TRANSLATOR_ROLES = [
  'penerjemah',
  'penterjemah',
  'alih bahasa',
  'diterjemahkan oleh',
  'translated by',
  'translator',
  'translation by',
  'terjemahan',
  'translation',
]
/** Abbreviated roles that only count when followed by a colon. */
export const ABBREVIATED_ROLE = /^(?:rep|wrt|red|ed)$/i
export const AUTHOR_ROLE = new RegExp(`^(?:${AUTHOR_ROLES.join('|')})(?:\\s+by)?$`, 'i')
export const EDITOR_ROLE = new RegExp(`^(?:${EDITOR_ROLES.join('|')})(?:\\s+by)?$`, 'i')
export const TRANSLATOR_ROLE = new RegExp(`^(?:${TRANSLATOR_ROLES.join('|')})(?:\\s+by)?$`, 'i')
const ANY_ROLE = `(?:${[...TRANSLATOR_ROLES, ...EDITOR_ROLES, ...AUTHOR_ROLES].join('|')})(?:\\s+by)?`
/** A credit label: one or more roles, then a colon or a space, then the value. */
export const CREDIT_LABEL = new RegExp(
  `^(${ANY_ROLE}(?:\\s*(?:&|/|,|\\+|dan|and)\\s*${ANY_ROLE})*)(\\s*[:：]\\s*|\\s+)(?=\\S)`,
  'i',
)
export const ROLE_LIST_SPLIT = /\s*(?:&|\/|,|\+|\bdan\b|\band\b)\s*/i
/** Splits "Rep: X/ Red: Y" and "Reporter: X, Editor: Y" into labelled parts. */
export const LABEL_SPLIT = new RegExp(`\\s*[/,]\\s*(?=${ANY_ROLE}\\s*[:：])`, 'i')

export const REPORTING_PREFIX =
  /^(?:(?:additional\s+)?reporting|writing|reported|compiled|written)(?:\s+and\s+(?:writing|reporting|editing))?\s+by\s+/i

/** "Laporan Wartawan Tribunnews.com, Fahmi Ramadhan" (outlet in group 1, names in group 2). */
export const REPORT_BY_OUTLET =
  /^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)(?:\s+(.+?))?\s*,\s*(.+)$/i

/** Photo credit lines ("Sumber gambar, ANTARA FOTO", "Foto: Istimewa", "Fotografer: X"). */
export const PHOTO_CREDIT_PREFIX =
  /^(?:sumber (?:gambar|foto)|image source|photo credit|kredit foto|pewarta foto|fotografer|photographer|foto|photo)\s*[:：,]\s*(?=\S)/i

/** A caption label on its own line; the caption text follows on the next line. */
export const CAPTION_LABEL_LINE =
  /^(?:keterangan (?:gambar|foto)|image caption|caption|keterangan)\s*[:：,]?$/i

/** Other credit lines that are metadata but map to no field ("Sumber: …", "Grafis: …"). */
export const OTHER_CREDIT_PREFIX =
  /^(?:sumber|source|videografer|videographer|grafis|infografis|ilustrator|illustrator|produser|producer|kameramen|cameraman|video editor|penyunting video)\s*[:：]\s*(?=\S)/i

/** A team credit: "Tim Redaksi", "Tim detikcom", "Team CNN Indonesia". */
export const TEAM_CREDIT = /^(?:tim|team|redaksi|newsroom)\b\s*(.*)$/i

/** Role words that may follow a name in a byline ("Fahmi, Jurnalis"). */
export const ROLE_WORDS =
  /^(?:jurnalis|wartawan|reporter|kontributor|koresponden|correspondent|staff writer|staf|staff|contributor|journalist|writer|penulis|editor|senior editor|editor senior|news editor|associate editor|foreign desk|desk|senior correspondent|correspondent|senior writer|staff reporter|columnist|kolumnis)$/i

/** Editor initials at the end of a text, e.g. "(mea/jbr)". */
export const INITIALS_RE = /\(\s*([a-z]{2,5}(?:\s*\/\s*[a-z]{2,5})*)\s*\)$/
export const INITIALS_LINE = /^[([]?\s*([a-z]{2,5}(?:\s*\/\s*[a-z]{2,5})*)\s*[)\]]?$/

/** Hints that a short phrase names a news outlet rather than a person. */
export const OUTLET_HINT =
  /(?:\.(?:com|co\.id|co|id|net|org|tv|news)\b|news\b|\b(?:pos|post|times|tv|online|media|daily|herald|tribun|tribune|kompas|tempo|antara|detik|detikcom|okezone|liputan6|viva|suara|merdeka|inews|cnn|cnbc|bbc|reuters|bloomberg|gazette|journal|chronicle|republika|katadata|jpnn|sindo|metro|bisnis|kumparan|tirto|beritasatu|voa|guardian|afp|ap|xinhua|kyodo|al jazeera|aljazeera|associated press|jawa pos|jawapos|radar|harian|koran|majalah|magazine|warta|wire|press|nikkei|yonhap|bernama|straits|globe|pagi|ekspres|express|today|weekly|mingguan|review|insider|observer|monitor|gazette|telegraph|courier|kontan|investor|katadata|idntimes|kumparan|pikiran rakyat)\b)/i

/** Photo credits inside brackets: "(Foto: PSSI)", "(REUTERS/Name)", "(Istimewa)". */
export const CREDIT_WORD =
  /^(?:foto|photo|dok|dokumentasi|doc|istimewa|ist|getty|shutterstock|istock|antara foto|ap photo|afp|reuters|epa|anadolu|xinhua|bernama|kyodo|instagram|twitter|youtube|facebook|tiktok|tangkapan layar|screenshot|screengrab|file photo|handout|courtesy|ilustrasi foto)\b/i

/** Prefixes stripped from photo credits: "Foto/", "Foto:", "Foto :", "Dok.", "Photo:". */
export const CREDIT_PREFIX = /^(?:foto|photo|dok|dokumentasi|doc)\s*[.:/]\s*/i

/** Indonesian time zones by place (upper-cased lookup); places not listed default to WIB. */
const WITA_PLACES = [
  'BALI',
  'DENPASAR',
  'BADUNG',
  'GIANYAR',
  'TABANAN',
  'BULELENG',
  'KLUNGKUNG',
  'MATARAM',
  'LOMBOK',
  'BIMA',
  'SUMBAWA',
  'KUPANG',
  'LABUAN BAJO',
  'ENDE',
  'MAUMERE',
  'ATAMBUA',
  'SUMBA',
  'MAKASSAR',
  'MANADO',
  'PALU',
  'KENDARI',
  'GORONTALO',
  'MAMUJU',
  'PAREPARE',
  'BONE',
  'BITUNG',
  'BALIKPAPAN',
  'SAMARINDA',
  'BANJARMASIN',
  'BANJARBARU',
  'TARAKAN',
  'BONTANG',
  'NUNUKAN',
  'TANJUNG SELOR',
  'PENAJAM',
  'NUSANTARA',
  'IKN',
]
const WIT_PLACES = [
  'JAYAPURA',
  'AMBON',
  'TERNATE',
  'SOFIFI',
  'TUAL',
  'MANOKWARI',
  'SORONG',
  'MERAUKE',
  'TIMIKA',
  'MIMIKA',
  'WAMENA',
  'NABIRE',
  'BIAK',
  'FAKFAK',
  'RAJA AMPAT',
  'KAIMANA',
  'PAPUA',
  'MALUKU',
]
const WIB_PLACES = [
  'JAKARTA',
  'BANDUNG',
  'SURABAYA',
  'MEDAN',
  'SEMARANG',
  'YOGYAKARTA',
  'JOGJA',
  'JOGJAKARTA',
  'PALEMBANG',
  'BEKASI',
  'DEPOK',
  'TANGERANG',
  'BOGOR',
  'MALANG',
  'SOLO',
  'SURAKARTA',
  'PADANG',
  'PEKANBARU',
  'PONTIANAK',
  'BATAM',
  'BANDA ACEH',
  'ACEH',
  'LAMPUNG',
  'BANDAR LAMPUNG',
  'JAMBI',
  'BENGKULU',
  'SERANG',
  'CIREBON',
  'TASIKMALAYA',
  'SUKABUMI',
  'CIANJUR',
  'KARAWANG',
  'GARUT',
  'KUDUS',
  'PEKALONGAN',
  'TEGAL',
  'MAGELANG',
  'KLATEN',
  'KEDIRI',
  'MADIUN',
  'JEMBER',
  'BANYUWANGI',
  'PROBOLINGGO',
  'PASURUAN',
  'SIDOARJO',
  'GRESIK',
  'MOJOKERTO',
  'BLITAR',
  'PANGKALPINANG',
  'TANJUNGPINANG',
  'PALANGKA RAYA',
  'SAMPIT',
  'CILEGON',
  'SLEMAN',
  'BANTUL',
  'PURWOKERTO',
  'TULUNGAGUNG',
  'MADURA',
  'SUMEDANG',
  'SUBANG',
  'INDRAMAYU',
  'PURWAKARTA',
  'BINJAI',
  'SIANTAR',
  'PEMATANGSIANTAR',
  'LHOKSEUMAWE',
  'BUKITTINGGI',
  'DUMAI',
]
const WORLD_PLACES = [
  'WASHINGTON',
  'NEW YORK',
  'LONDON',
  'MOSCOW',
  'MOSKOW',
  'KYIV',
  'KIEV',
  'BEIJING',
  'TOKYO',
  'SINGAPORE',
  'SINGAPURA',
  'KUALA LUMPUR',
  'SYDNEY',
  'CANBERRA',
  'PARIS',
  'BERLIN',
  'BRUSSELS',
  'BRUSSEL',
  'GENEVA',
  'JENEWA',
  'BANGKOK',
  'MANILA',
  'HANOI',
  'SEOUL',
  'DUBAI',
  'RIYADH',
  'JERUSALEM',
  'YERUSALEM',
  'GAZA',
  'TEHRAN',
  'TEHERAN',
  'ANKARA',
  'ISTANBUL',
  'CAIRO',
  'KAIRO',
  'DOHA',
  'HONG KONG',
  'TAIPEI',
  'NEW DELHI',
  'ISLAMABAD',
  'DHAKA',
  'MELBOURNE',
  'WELLINGTON',
  'ROME',
  'ROMA',
  'MADRID',
  'VATICAN',
  'VATIKAN',
  'OSLO',
  'STOCKHOLM',
  'HELSINKI',
  'WARSAW',
  'OTTAWA',
  'LOS ANGELES',
  'SAN FRANCISCO',
  'CHICAGO',
  'BRASILIA',
  'MEXICO CITY',
  'NAIROBI',
  'JOHANNESBURG',
  'DILI',
  'PHNOM PENH',
  'YANGON',
  'NAYPYITAW',
  'VIENTIANE',
  'SHANGHAI',
  'OSAKA',
  'MUMBAI',
  'KARACHI',
  'KABUL',
  'BAGHDAD',
  'DAMASCUS',
  'DAMASKUS',
  'BEIRUT',
  'AMMAN',
  'ABU DHABI',
  'TEL AVIV',
  'RAMALLAH',
  'MINSK',
  'VIENNA',
  'WINA',
  'PRAGUE',
  'PRAHA',
  'BUDAPEST',
  'ATHENS',
  'LISBON',
  'AMSTERDAM',
  'DEN HAAG',
  'THE HAGUE',
  'ZURICH',
  'COPENHAGEN',
  'KOPENHAGEN',
  'DUBLIN',
  'BANDAR SERI BEGAWAN',
  'DAVOS',
  'MECCA',
  'MEKKAH',
  'MADINAH',
  'MEDINA',
]

/** Words that make "<place> <word>" a district rather than an outlet ("Jakarta Selatan"). */
export const PLACE_QUALIFIERS =
  /^(?:selatan|utara|barat|timur|tengah|pusat|raya|kota|city|north|south|east|west|central|regency|province|provinsi|kabupaten)$/i

export const PLACE_ZONES: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ...WIB_PLACES.map((p): [string, string | null] => [p, '+07:00']),
  ...WITA_PLACES.map((p): [string, string | null] => [p, '+08:00']),
  ...WIT_PLACES.map((p): [string, string | null] => [p, '+09:00']),
  ...WORLD_PLACES.map((p): [string, string | null] => [p, null]),
])

/** Upper-case acronyms kept as-is when a place or outlet written in capitals is title-cased. */
export const KEEP_UPPER = new Set([
  'DKI',
  'DIY',
  'NTT',
  'NTB',
  'AS',
  'USA',
  'UK',
  'UEA',
  'UAE',
  'PBB',
  'UN',
  'EU',
  'CNN',
  'BBC',
  'CNBC',
  'AP',
  'AFP',
  'VOA',
  'DW',
  'IKN',
  'RI',
  'TV',
  'NHK',
  'ABC',
  'NBC',
  'CBS',
  'KBS',
  'MNC',
])

export const ID_STOPWORDS = new Set([
  'yang',
  'dan',
  'di',
  'itu',
  'dengan',
  'untuk',
  'tidak',
  'ini',
  'dari',
  'dalam',
  'akan',
  'pada',
  'juga',
  'ke',
  'karena',
  'bahwa',
  'oleh',
  'sudah',
  'telah',
  'kata',
  'adalah',
  'ada',
  'mereka',
  'kami',
  'kita',
  'saat',
  'atau',
  'lebih',
  'bisa',
  'dapat',
  'namun',
  'tersebut',
  'para',
  'sebagai',
  'hingga',
  'setelah',
  'menjadi',
  'masih',
  'belum',
  'serta',
  'tetapi',
  'agar',
  'bagi',
  'secara',
  'sejak',
  'sementara',
  'yakni',
  'yaitu',
  'kepada',
  'seperti',
  'ujar',
  'katanya',
  'dia',
  'ia',
])

export const EN_STOPWORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'that',
  'for',
  'with',
  'was',
  'on',
  'said',
  'are',
  'be',
  'by',
  'as',
  'at',
  'it',
  'from',
  'has',
  'have',
  'had',
  'were',
  'will',
  'would',
  'this',
  'an',
  'not',
  'but',
  'its',
  'their',
  'they',
  'he',
  'she',
  'his',
  'her',
  'been',
  'which',
  'who',
  'after',
  'also',
  'than',
  'more',
  'about',
  'into',
  'over',
  'there',
  'could',
  'or',
])

/** An affiliation line under an author's name (academic and think-tank bylines). */
export const AFFILIATION =
  /\b(?:universitas|university|universiti|institut|institute|college|politeknik|polytechnic|fakultas|faculty|sekolah tinggi|school of|lembaga|centre|center|pusat studi|laboratorium|laboratory|researcher|peneliti|lecturer|dosen|professor|profesor|guru besar|research fellow|fellow|analyst|analis)\b/i

/** Honorifics dropped from author names ("Dr Sarah Lim"). */
export const HONORIFIC = /^(?:dr|prof|profesor|professor|ir|drs|dra|mr|mrs|ms)\.?\s+(?=\p{Lu})/iu

/** A copyright footer's owner: "© 2024 Harian X. All rights reserved." → "Harian X". */
export const COPYRIGHT_OWNER_STRIP =
  /(?:copyright|hak cipta|©|ⓒ|\(c\)|\b(?:19|20)\d{2}\b|[-–]\s*(?:19|20)\d{2}|all rights reserved\.?|hak cipta dilindungi(?: undang-undang)?\.?|dilindungi undang-undang\.?)/gi

/** A "translated from …" note without a name ("This article was translated from the Malay original."). */
export const TRANSLATION_NOTE =
  /^(?:this (?:article|story) (?:was|has been|is) translated|translated from|diterjemahkan dari|artikel ini (?:telah )?diterjemahkan|terjemahan dari)\b/i
/** "Diterjemahkan dari bahasa Inggris oleh X", "Translated from Indonesian by X" (name in group 1). */
export const TRANSLATED_FROM_BY =
  /^(?:translated from (?:the )?[\p{L} ]{2,30}? by|diterjemahkan dari (?:bahasa )?[\p{L} ]{2,30}? oleh)\s+(.+)$/iu
