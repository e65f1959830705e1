/**
 * Notification mails in English and Indonesian (pure: no Payload import). The recipient's stored
 * mail language decides; English when none is stored.
 */
export const NOTIFICATION_KINDS = [
  'submitted',
  'assigned',
  'changes_requested',
  'published',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
export type MailLang = 'en' | 'id'

/** The editors' opt-out field (in their `notifications` group) for each kind. */
export const OPT_OUT_FIELD: Record<NotificationKind, string> = {
  submitted: 'onSubmitted',
  assigned: 'onAssigned',
  changes_requested: 'onChangesRequested',
  published: 'onPublished',
}

export interface MailInput {
  kind: NotificationKind
  lang: MailLang
  recipientName: string
  title: string
  url: string
  note?: string | null
}

const subjects: Record<NotificationKind, Record<MailLang, (t: string) => string>> = {
  submitted: {
    en: (t) => `Submitted for review: ${t}`,
    id: (t) => `Diajukan untuk ditinjau: ${t}`,
  },
  assigned: {
    en: (t) => `Assigned to you: ${t}`,
    id: (t) => `Ditugaskan kepada Anda: ${t}`,
  },
  changes_requested: {
    en: (t) => `Changes requested: ${t}`,
    id: (t) => `Perlu perbaikan: ${t}`,
  },
  published: {
    en: (t) => `Published: ${t}`,
    id: (t) => `Terbit: ${t}`,
  },
}

const leads: Record<NotificationKind, Record<MailLang, string>> = {
  submitted: {
    en: 'An article assigned to you was submitted for review.',
    id: 'Artikel yang ditugaskan kepada Anda diajukan untuk ditinjau.',
  },
  assigned: {
    en: 'An article was assigned to you for review.',
    id: 'Sebuah artikel ditugaskan kepada Anda untuk ditinjau.',
  },
  changes_requested: {
    en: 'An editor asked for changes to your article. Their note:',
    id: 'Editor meminta perbaikan pada artikel Anda. Catatannya:',
  },
  published: {
    en: 'Your article is published.',
    id: 'Artikel Anda telah terbit.',
  },
}

const greeting: Record<MailLang, (n: string) => string> = {
  en: (n) => `Hello ${n},`,
  id: (n) => `Halo ${n},`,
}
const open: Record<MailLang, string> = { en: 'Open the article:', id: 'Buka artikel:' }
const footer: Record<MailLang, string> = {
  en: 'You can turn these mails off in your account (Notifications).',
  id: 'Anda dapat mematikan email ini di akun Anda (Notifikasi).',
}

/** One line: no CR/LF (headers), no control characters. */
const oneLine = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 200)

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  )

/** Subject, plain text and HTML of a notification mail. */
export const renderMail = (input: MailInput): { subject: string; text: string; html: string } => {
  const { kind, lang } = input
  const title = oneLine(input.title) || '(untitled)'
  const subject = subjects[kind][lang](title)
  const note = kind === 'changes_requested' && input.note ? input.note.slice(0, 5000) : null
  const text = [
    greeting[lang](oneLine(input.recipientName)),
    '',
    leads[kind][lang],
    ...(note ? ['', note] : []),
    '',
    `“${title}”`,
    `${open[lang]} ${input.url}`,
    '',
    '—',
    footer[lang],
  ].join('\n')
  const html = [
    `<p>${escapeHtml(greeting[lang](oneLine(input.recipientName)))}</p>`,
    `<p>${escapeHtml(leads[kind][lang])}</p>`,
    note ? `<blockquote style="white-space:pre-wrap">${escapeHtml(note)}</blockquote>` : '',
    `<p><strong>${escapeHtml(title)}</strong><br/><a href="${escapeHtml(input.url)}">${escapeHtml(open[lang])} ${escapeHtml(input.url)}</a></p>`,
    `<p style="color:#666">${escapeHtml(footer[lang])}</p>`,
  ].join('\n')
  return { subject, text, html }
}
