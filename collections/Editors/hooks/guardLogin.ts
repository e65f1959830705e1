import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import { APIError, AuthenticationError } from 'payload'
import type {
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { CLIENT_IP_HEADER } from '@/server/security/clientIp'
import { loginThrottle } from '@/security/loginThrottle'
import { EDITORS_SLUG } from '@collections/slugs'

export const LOGIN_THROTTLE_RULE = 'editors.login.throttled'

const pbkdf2Async = promisify(pbkdf2)
// Payload's current password hash parameters (pbkdf2-sha256-v1): the decoy costs what a real check costs.
const DECOY_ITERATIONS = 600_000
const DECOY_KEY_LENGTH = 32
const decoySalt = randomBytes(32).toString('hex')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const accountKey = (email: unknown): string =>
  typeof email === 'string' ? email.toLowerCase().trim() : ''

/** The client address Express put on the request; null for Local API calls (no HTTP client). */
const clientOf = (req: PayloadRequest): string | null => req.headers?.get(CLIENT_IP_HEADER) ?? null

/**
 * Before every login (REST, GraphQL, the admin's form):
 * 1. throttle per client address and per (client, account): progressive delay, then 429 with
 *    Retry-After (rule editors.login.throttled);
 * 2. the attempt counts as a failure until afterLogin forgives it;
 * 3. no such account, or a locked one: spend the same pbkdf2 work a password check costs and
 *    answer exactly like a wrong password (401 "The email or password provided is incorrect."),
 *    so neither timing nor message tells whether an account exists or is locked.
 */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const account = accountKey(data?.email)
  const client = clientOf(req)

  if (client) {
    const decision = loginThrottle.check(client, account)
    if (!decision.allowed) {
      const headers = req.responseHeaders ?? new Headers()
      headers.set('Retry-After', String(decision.retryAfterSeconds))
      req.responseHeaders = headers
      throw new APIError(
        `Rule ${LOGIN_THROTTLE_RULE}: too many failed sign-in attempts from this client; try again in ${decision.retryAfterSeconds} s.`,
        429,
        { rule: LOGIN_THROTTLE_RULE, retryAfter: decision.retryAfterSeconds },
        true,
      )
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs)
    loginThrottle.recordFailure(client, account)
  }

  if (!account || typeof data?.password !== 'string' || data.password.trim() === '') return args

  const user = (await req.payload.db.findOne({
    collection: EDITORS_SLUG,
    where: { email: { equals: account } },
    req,
  })) as { lockUntil?: string | null } | null
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (!user || locked) {
    await pbkdf2Async(data.password, decoySalt, DECOY_ITERATIONS, DECOY_KEY_LENGTH, 'sha256')
    throw new AuthenticationError(req.t)
  }
  return args
}

/** A successful login forgives this client's failures on the account. */
export const forgiveLogin: CollectionAfterLoginHook = ({ req, user }) => {
  const client = clientOf(req)
  if (client) loginThrottle.forgive(client, accountKey((user as { email?: unknown }).email))
}

/**
 * The attempt that reaches the account's lock threshold makes Payload answer "This user is
 * locked…" (LockedAuth): answer it like any wrong password instead, so a lock is not an oracle.
 */
export const sameLoginMessage: CollectionAfterErrorHook = ({ error, req }) => {
  if ((error as { name?: string })?.name !== 'LockedAuth') return
  const generic = new AuthenticationError(req.t)
  return { response: { errors: [{ message: generic.message }] }, status: generic.status }
}
