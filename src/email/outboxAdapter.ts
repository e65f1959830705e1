import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { EmailAdapter, SendEmailOptions } from 'payload'

export interface OutboxOptions {
  dir: string
  fromAddress: string
  fromName: string
}

const addresses = (value: SendEmailOptions['to']): string => {
  if (!value) return ''
  const list = Array.isArray(value) ? value : [value]
  return list.map((a) => (typeof a === 'string' ? a : `${a.name} <${a.address}>`)).join(', ')
}

const header = (value: string): string => value.replace(/[\r\n]+/g, ' ')

/**
 * Mail without an SMTP server: every message is written as an .eml file into an outbox folder
 * (like a mail spool), where an operator or a test can read it. Nothing is logged but the
 * recipient count: messages carry password-reset links, which are secrets.
 */
export const outboxEmailAdapter =
  (options: OutboxOptions): EmailAdapter =>
  ({ payload }) => ({
    name: 'outbox',
    defaultFromAddress: options.fromAddress,
    defaultFromName: options.fromName,
    sendEmail: async (message) => {
      mkdirSync(options.dir, { recursive: true })
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`
      const from =
        addresses(message.from as SendEmailOptions['to']) ||
        `"${options.fromName}" <${options.fromAddress}>`
      const body = typeof message.html === 'string' ? message.html : String(message.text ?? '')
      const eml = [
        `From: ${header(from)}`,
        `To: ${header(addresses(message.to))}`,
        `Subject: ${header(String(message.subject ?? ''))}`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: <${id}@redaksi>`,
        'MIME-Version: 1.0',
        `Content-Type: ${typeof message.html === 'string' ? 'text/html' : 'text/plain'}; charset=utf-8`,
        '',
        body,
        '',
      ].join('\r\n')
      const file = path.join(options.dir, `${id}.eml`)
      // write then rename: a reader never sees half a message
      writeFileSync(`${file}.tmp`, eml, { mode: 0o600 })
      renameSync(`${file}.tmp`, file)
      payload.logger.info(
        `mail queued in the outbox (${options.dir}): "${header(String(message.subject ?? ''))}"`,
      )
      return { id }
    },
  })
