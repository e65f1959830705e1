import type { TaskConfig } from 'payload'

import { ARTICLES_SLUG, EDITORS_SLUG } from '@collections/slugs'
import type { Article, Editor } from '@/payload-types'
import { NOTIFY_TASK } from './queue'
import { NOTIFICATION_KINDS, OPT_OUT_FIELD, renderMail } from './templates'
import type { NotificationKind } from './templates'

/**
 * Sends one notification mail through Payload's email adapter (SMTP with SMTP_URL, else the .eml
 * outbox). Skips recipients who turned the kind off or no longer exist. A failed send throws, so
 * the jobs queue retries it (5 attempts, exponential backoff from 10 s).
 */
export const sendNotification: TaskConfig<{
  input: { kind: string; articleId: string; recipientId: string; note?: string | null }
  output: { outcome: string }
}> = {
  slug: NOTIFY_TASK,
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'kind', type: 'text', required: true },
    { name: 'articleId', type: 'text', required: true },
    { name: 'recipientId', type: 'text', required: true },
    { name: 'note', type: 'textarea' },
  ],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const kind = input.kind as NotificationKind
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      return { output: { outcome: 'skipped: unknown kind' } }
    }
    const numeric = payload.db.defaultIDType === 'number'
    const idFor = (v: string) => (numeric ? Number(v) : v)
    const recipient = (await payload.findByID({
      collection: EDITORS_SLUG,
      id: idFor(input.recipientId),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Editor | null
    if (!recipient?.email) return { output: { outcome: 'skipped: no recipient' } }
    const prefs = (recipient.notifications ?? {}) as Record<string, unknown>
    if (prefs[OPT_OUT_FIELD[kind]] === false) {
      return { output: { outcome: `skipped: ${recipient.id} turned ${kind} mails off` } }
    }
    const article = (await payload.findByID({
      collection: ARTICLES_SLUG,
      id: idFor(input.articleId),
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req,
      select: { title: true },
    })) as Pick<Article, 'id' | 'title'> | null
    if (!article) return { output: { outcome: 'skipped: article deleted' } }
    const base = (payload.config.serverURL || 'http://localhost:3000').replace(/\/$/, '')
    const mail = renderMail({
      kind,
      lang: prefs.language === 'id' ? 'id' : 'en',
      recipientName: recipient.name || recipient.email,
      title: article.title ?? '',
      url: `${base}/admin/collections/${ARTICLES_SLUG}/${article.id}`,
      note: input.note ?? null,
    })
    await payload.sendEmail({ to: recipient.email, ...mail })
    payload.logger.info(
      `notification ${kind} for article ${article.id} sent to account ${recipient.id}`,
    )
    return { output: { outcome: 'sent' } }
  },
}
