/**
 * npm run create-admin -- --email E --password P [--name N]
 * Creates an admin account without the browser (for operators and scripts).
 * npm run create-admin -- --unlock EMAIL
 * Clears the failed-login lock of an account (an admin locked out never depends on another admin).
 * Exit codes: 0 done, 1 failed (e.g. the email exists / no such account), 2 usage error.
 */
import './env'

import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { EDITORS_SLUG } from '@collections/slugs'
import { isConfigError } from '@/config/errors'
import { closePayload } from '@/db/close'

const usage =
  'usage: npm run create-admin -- --email E --password P [--name N]\n       npm run create-admin -- --unlock EMAIL'

let values: { email?: string; password?: string; name?: string; unlock?: string }
try {
  values = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      unlock: { type: 'string' },
    },
    strict: true,
  }).values
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`)
  process.exit(2)
}

if (values.unlock !== undefined) {
  if (!values.unlock || values.email || values.password) {
    console.error(`--unlock takes an email and no other option\n${usage}`)
    process.exit(2)
  }
} else if (!values.email || !values.password) {
  console.error(`--email and --password are required\n${usage}`)
  process.exit(2)
}
if (values.password !== undefined && values.password.length < 8) {
  console.error('--password must have at least 8 characters')
  process.exit(2)
}

try {
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    if (values.unlock) {
      const email = values.unlock.toLowerCase().trim()
      const found = await payload.find({
        collection: EDITORS_SLUG,
        where: { email: { equals: email } },
        limit: 1,
      })
      if (found.totalDocs === 0) {
        console.error(`no account with email ${email}`)
        process.exitCode = 1
      } else {
        // Unlocking needs only the email (the generated type also names a password).
        await payload.unlock({
          collection: EDITORS_SLUG,
          data: { email } as { email: string; password: string },
          overrideAccess: true,
        })
        console.log(`unlocked ${email}: failed-login count reset, lock cleared`)
      }
    } else {
      const existing = await payload.find({
        collection: EDITORS_SLUG,
        where: { email: { equals: values.email!.toLowerCase() } },
        limit: 1,
      })
      if (existing.totalDocs > 0) {
        console.error(`an account with email ${values.email} already exists`)
        process.exitCode = 1
      } else {
        const user = await payload.create({
          collection: EDITORS_SLUG,
          data: {
            email: values.email!,
            password: values.password!,
            name: values.name ?? values.email!.split('@')[0],
            role: 'admin',
          },
        })
        console.log(`created admin ${user.email} (id ${user.id})`)
      }
    }
  } finally {
    await closePayload(payload)
  }
} catch (err) {
  console.error(
    isConfigError(err)
      ? `redaksi: ${err.message}`
      : `create-admin failed: ${(err as Error).message}`,
  )
  process.exitCode = 1
}
process.exit(process.exitCode ?? 0)
