import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  /** The raw message with quoted-printable soft breaks and escapes decoded (good enough to search). */
  text: string
  subject: string
}

/** Quoted-printable and RFC 2047 encoded-words → text (UTF-8), for assertions. */
const decode = (raw: string): string => {
  const softBreaks = raw.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < softBreaks.length; i++) {
    const hex = softBreaks.slice(i + 1, i + 3)
    if (softBreaks[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(softBreaks[i], 'utf8'))
    }
  }
  return Buffer.from(bytes)
    .toString('utf8')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, body: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body.replace(/_/g, ' '),
    )
}

/**
 * A real SMTP server on 127.0.0.1 and an ephemeral port, collecting every message it accepts.
 * `failNext(n)` answers the next n messages with a temporary failure (451), as a mail server
 * having trouble would.
 */
export const startSmtpServer = async () => {
  const mails: ReceivedMail[] = []
  let failures = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (failures > 0) {
          failures--
          const err = new Error('451 try again later') as Error & { responseCode: number }
          err.responseCode = 451
          callback(err)
          return
        }
        const text = decode(Buffer.concat(chunks).toString('utf8'))
        const subject =
          /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(text)?.[1]?.replace(/\r?\n[ \t]/g, '') ?? ''
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          text,
          subject,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext: (n: number) => {
      failures = n
    },
    /** Waits for a mail matching `predicate` (polling), up to `timeoutMs`. */
    waitFor: async (predicate: (m: ReceivedMail) => boolean, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const found = mails.find(predicate)
        if (found) return found
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error(
        `no matching mail within ${timeoutMs} ms; received: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`,
      )
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
