import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { env } from '@/config/env'
import { outboxEmailAdapter } from './outboxAdapter'

/**
 * Payload's email adapter: SMTP through nodemailer when SMTP_URL is set, otherwise every mail is
 * written as an .eml file into the outbox (EMAIL_OUTBOX_DIR). Password resets and the
 * notification jobs (src/features/notifications) both go through it. The SMTP connection is not
 * verified at start-up (an unreachable mail server must not stop the CMS): a failed send fails
 * its job, which the jobs queue retries.
 */
export const emailAdapter = (root: string): EmailAdapter | Promise<EmailAdapter> => {
  const settings = env.email(root)
  const smtpUrl = env.smtpUrl()
  if (!smtpUrl) return outboxEmailAdapter(settings)
  return nodemailerAdapter({
    defaultFromAddress: settings.fromAddress,
    defaultFromName: settings.fromName,
    skipVerify: true,
    transport: nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  })
}
