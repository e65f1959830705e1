import { APIError } from 'payload'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { roleOf } from '@/access/roles'
import { env } from '@/config/env'
import { describeShapeProblem, inspectShape } from './json'

type OperationArgs = Record<string, unknown>

/** A 4xx Payload answers as `{ errors: [{ message }] }` (REST) or a GraphQL error. */
export class BadRequestError extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, undefined, true)
    this.name = 'BadRequestError'
  }
}

/** Pages past this are refused (an OFFSET that large is a scan, not a reader). */
const MAX_PAGE = 1_000_000

const INTEGER_ID = /^[1-9][0-9]{0,15}$/
const OBJECT_ID = /^[0-9a-f]{24}$/i

/**
 * The raw `:id` of a REST route must be a whole id: SQL databases use positive integers (Payload
 * itself would `parseFloat` "1 OR 1=1" into 1 and "abc" into NaN), MongoDB uses ObjectIds.
 */
const checkRouteID = (req: PayloadRequest, collectionSlug: string) => {
  const raw = req.routeParams?.id
  if (typeof raw !== 'string') return
  if (req.routeParams?.collection !== collectionSlug) return
  const collection = (req.payload.collections as Record<string, { customIDType?: unknown }>)[
    collectionSlug
  ]
  if (!collection || collection.customIDType) return
  const type = req.payload.db.defaultIDType
  const valid =
    type === 'number'
      ? INTEGER_ID.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER
      : OBJECT_ID.test(raw)
  if (!valid) {
    throw new BadRequestError(
      `Invalid id "${raw.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}": ${type === 'number' ? 'ids are positive whole numbers' : 'ids are 24-character hexadecimal ObjectIds'}.`,
    )
  }
}

/** Create and update data must be an object of sane shape (it may come from multipart `_payload`). */
const checkData = (args: OperationArgs) => {
  if (!('data' in args)) return
  const data = args.data
  if (data === undefined && args.req && (args.req as PayloadRequest).file) return
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new BadRequestError(
      'The request body must be a JSON object (Content-Type: application/json) describing the document.',
    )
  }
  const problem = inspectShape(data)
  if (problem) {
    const message = describeShapeProblem(problem, 'the document data')
    throw new BadRequestError(`${message[0].toUpperCase()}${message.slice(1)}.`)
  }
}

/**
 * Payload's relationship dataloader (GraphQL relationship fields resolve through it at
 * `currentDepth` 0): an unpaginated find of the given ids with `disableErrors`, which neither REST
 * nor GraphQL queries can set. Bounded by the parent's relations, like depth population.
 */
const isPopulationByIds = (args: OperationArgs): boolean => {
  const where = args.where as { id?: { in?: unknown } } | undefined
  return (
    args.disableErrors === true &&
    where !== undefined &&
    Object.keys(where).length === 1 &&
    Array.isArray(where.id?.in) &&
    where.id.in.length <= 1000
  )
}

/**
 * Read caps for everyone but staff (signed-in editors-collection accounts) and trusted server code
 * (Local API with access control off): `limit` at most API_MAX_LIMIT (`limit: 0`, Payload's "all",
 * becomes that too), no `pagination: false` on a top-level read (relationship population, which
 * Payload runs as an unpaginated find by ids, is bounded by its parent and allowed), and `depth` at
 * most API_MAX_DEPTH. REST, GraphQL and the Local API with a user all pass through here.
 */
const capRead = (args: OperationArgs): OperationArgs => {
  const { apiMaxDepth, apiMaxLimit } = env.limits()
  const next: OperationArgs = { ...args }
  const topLevel = !args.currentDepth
  if (topLevel && args.pagination === false && !isPopulationByIds(args)) {
    throw new BadRequestError(
      `pagination=false is for staff accounts only; page through results with limit (at most ${apiMaxLimit}) and page.`,
    )
  }
  if (topLevel && typeof args.limit === 'number') {
    if (!Number.isFinite(args.limit) || args.limit < 0) {
      throw new BadRequestError(`limit must be a whole number from 1 to ${apiMaxLimit}.`)
    }
    if (args.limit === 0 || args.limit > apiMaxLimit) next.limit = apiMaxLimit
  }
  if (typeof args.depth === 'number' && args.depth > apiMaxDepth) next.depth = apiMaxDepth
  return next
}

/** Added to every collection by the limits plugin. */
export const enforceRequestLimits: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  checkRouteID(req, collection.slug)
  const opArgs = args as OperationArgs
  if (operation === 'create' || operation === 'update') checkData(opArgs)
  // for everyone, staff too: a negative or fractional page became a negative OFFSET (Postgres: 500)
  if (
    typeof opArgs.page === 'number' &&
    (!Number.isInteger(opArgs.page) || opArgs.page < 1 || opArgs.page > MAX_PAGE)
  ) {
    throw new BadRequestError(`page must be a whole number from 1 to ${MAX_PAGE}.`)
  }
  if (overrideAccess === true || roleOf(req) !== null) return args
  // A collection can opt in to serving unpaginated reads (Payload's GraphQL join resolvers ask
  // for `pagination: false`) as their first capped page instead of a 400 (corrections do).
  if (
    operation === 'read' &&
    opArgs.pagination === false &&
    (collection.custom as { boundedUnpaginatedReads?: boolean } | undefined)
      ?.boundedUnpaginatedReads === true
  ) {
    return capRead({ ...opArgs, pagination: true, limit: opArgs.limit || 0 }) as typeof args
  }
  if (operation === 'read' || operation === 'readDistinct') return capRead(opArgs) as typeof args
  return args
}
