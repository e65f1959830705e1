import type { Config, Plugin } from 'payload'

import { EDITORS_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { extendCollection } from '@/features/shared/extend'
import { notificationFields } from './fields'
import { NOTIFY_QUEUE } from './queue'
import { sendNotification } from './task'

export { kickNotifications, queueNotification, queueTransitionNotifications } from './queue'

/**
 * Email notifications as one Payload plugin: the per-editor preferences (mail language and one
 * switch per kind, on their own account), the `sendNotification` task and its queue, run by the
 * server's jobs runner. The workflow queues the mails (src/features/notifications/queue.ts) in its
 * transaction; they go through Payload's email adapter (src/email/adapter.ts: SMTP_URL or the
 * .eml outbox), like password-reset mails.
 */
export const notificationsPlugin: Plugin = (config: Config): Config => {
  const withEditors = extendCollection(config, EDITORS_SLUG, (editors) => ({
    ...editors,
    fields: [...editors.fields, ...notificationFields],
  }))
  const autoRun = withEditors.jobs?.autoRun
  return {
    ...withEditors,
    jobs: {
      ...withEditors.jobs,
      tasks: [...(withEditors.jobs?.tasks ?? []), sendNotification],
      autoRun: Array.isArray(autoRun)
        ? [...autoRun, { cron: env.jobs().cron, queue: NOTIFY_QUEUE, limit: 25 }]
        : autoRun,
    },
  }
}
