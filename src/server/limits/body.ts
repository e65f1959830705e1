import { IncomingMessage } from 'node:http'

import type { Request, RequestHandler, Response } from 'express'

import { bracketDepth, describeShapeProblem, inspectShape, MAX_JSON_DEPTH } from '@/limits/json'

export interface BodyLimitOptions {
  /** JSON, form and any other non-multipart body. */
  maxBodyBytes: number
  /** One file of a multipart upload (the request may carry that plus maxBodyBytes of fields). */
  maxUploadBytes: number
}

/** Where the request continues: the original, or a replay of the body this guard read. */
export const REPLAYED_REQUEST = 'redaksiReplayedRequest'
/** The body this guard read and checked (a Buffer), for handlers that take it as it is. */
export const READ_BODY = 'redaksiReadBody'

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`

const refuse = (res: Response, status: number, message: string, close = false) => {
  if (res.headersSent) return
  // Closing stops a client that is still sending a large body; Node discards what arrives.
  if (close) res.setHeader('Connection', 'close')
  res.status(status).json({ errors: [{ message }] })
}

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')

const mediaType = (req: Request): string =>
  (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase()

/** A fresh request carrying the same head and the already-read body, for Next to read again. */
const replay = (req: Request, body: Buffer): IncomingMessage => {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.url
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  const headers = { ...req.headers, 'content-length': String(body.length) }
  delete headers['transfer-encoding']
  copy.headers = headers
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  )
  copy.push(body)
  copy.push(null)
  copy.complete = true
  return copy
}

/** Bytes and time a refused body may still take to arrive (so the client sees the 413). */
const DISCARD_BYTES = 32 * 1024 * 1024
const DISCARD_MS = 5000

/**
 * A lingering close: keep reading (and dropping) the rest of a refused body for a short while, so
 * a client still sending gets the 413 instead of a broken pipe; cut the connection beyond that.
 */
const discardRest = (req: Request) => {
  let dropped = 0
  const cut = () => {
    clearTimeout(timer)
    req.off('data', drop)
    req.socket.destroy()
  }
  const drop = (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > DISCARD_BYTES) cut()
  }
  const timer = setTimeout(cut, DISCARD_MS)
  req.on('data', drop)
  req.once('end', () => clearTimeout(timer))
  req.once('close', () => clearTimeout(timer))
}

/** Reads at most `limit` bytes; resolves null (and stops reading) when the body is larger. */
const readCapped = (req: Request, limit: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        chunks.length = 0
        discardRest(req)
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (err: Error) => {
      cleanup()
      reject(err)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })

/** JSON accepted by /api/*: an object, not deeper than MAX_JSON_DEPTH, no array too long. */
const checkJson = (text: string, graphql: boolean): string | null => {
  if (text.trim() === '') return null
  if (bracketDepth(text) > MAX_JSON_DEPTH) {
    return `The JSON body is nested too deep: more than ${MAX_JSON_DEPTH} levels.`
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    return `Malformed JSON in the request body: ${(err as Error).message}`
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return `The request body must be a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}.`
  }
  const problem = inspectShape(parsed)
  if (problem) return `${describeShapeProblem(problem)}.`.replace(/^./, (c) => c.toUpperCase())
  if (graphql) {
    const query = (parsed as { query?: unknown }).query
    if (typeof query === 'string' && bracketDepth(query) > MAX_JSON_DEPTH) {
      return `The GraphQL query is nested too deep: more than ${MAX_JSON_DEPTH} levels.`
    }
  }
  return null
}

const tooLarge = (
  req: Request,
  res: Response,
  { maxBodyBytes, maxUploadBytes }: BodyLimitOptions,
): boolean => {
  const declared = req.headers['content-length']
  if (declared === undefined) return false
  const multipart = mediaType(req).startsWith('multipart/')
  const limit = multipart ? maxUploadBytes + maxBodyBytes : maxBodyBytes
  if (!(Number(declared) > limit)) return false
  refuse(
    res,
    413,
    multipart
      ? `Upload too large: ${declared} bytes; the limit is ${formatBytes(maxUploadBytes)} per file (MEDIA_MAX_BYTES).`
      : `Request body too large: ${declared} bytes; the limit is ${formatBytes(maxBodyBytes)} (MAX_BODY_BYTES).`,
    true,
  )
  return true
}

/** 413 for a declared Content-Length over the limit, before the request waits for anything. */
export const declaredSizeLimit =
  (options: BodyLimitOptions): RequestHandler =>
  (req, res, next) => {
    if (!tooLarge(req, res, options)) next()
  }

/**
 * Request bodies are capped before anything reads them: a declared Content-Length over the limit
 * gets 413 at once, and a body without one (chunked) is counted as it arrives and refused as soon
 * as it passes the limit. Multipart uploads have their own, larger cap (Payload's
 * `upload.limits.fileSize` counts each file as it streams).
 *
 * Under /api/* the body must be JSON (or multipart): other content types get 415, and JSON is
 * checked here once (malformed, not an object, nested too deep, an array too long → 400) so that no
 * Payload route ever sees it. The checked body is replayed to Next through a fresh request object.
 */
export const bodyLimit =
  (options: BodyLimitOptions): RequestHandler =>
  (req, res, next) => {
    if (!hasBody(req) || tooLarge(req, res, options)) {
      if (!res.headersSent) next()
      return
    }
    const type = mediaType(req)
    const limit = options.maxBodyBytes
    if (type.startsWith('multipart/')) {
      // A declared Content-Length was checked above and streams on to Payload, which counts each
      // file. A chunked upload (no Content-Length) is counted here: Next buffers such a body
      // itself and, past its own cap, stalls the connection instead of answering, so an oversize
      // one gets its 413 here and a fitting one is replayed from memory (bounded by the limit
      // and by the in-flight request cap).
      if (req.headers['content-length'] !== undefined) {
        next()
        return
      }
      readCapped(req, options.maxUploadBytes + options.maxBodyBytes).then(
        (body) => {
          if (body === null) {
            refuse(
              res,
              413,
              `Upload too large: more than ${formatBytes(options.maxUploadBytes)} per file (MEDIA_MAX_BYTES).`,
            )
            return
          }
          // both consumers: the /api handler reads READ_BODY, Next the replayed request
          res.locals[READ_BODY] = body
          res.locals[REPLAYED_REQUEST] = replay(req, body)
          next()
        },
        () => refuse(res, 400, 'The request body could not be read.', true),
      )
      return
    }
    const api = req.path.startsWith('/api/')
    const json = type === 'application/json'
    if (api && !json) {
      refuse(
        res,
        415,
        `Unsupported Content-Type "${type || 'none'}": send JSON (Content-Type: application/json) or multipart/form-data.`,
        true,
      )
      return
    }
    readCapped(req, limit).then(
      (body) => {
        if (body === null) {
          refuse(
            res,
            413,
            `Request body too large: more than ${formatBytes(limit)} (MAX_BODY_BYTES).`,
          )
          return
        }
        if (api && json) {
          const problem = checkJson(body.toString('utf8'), req.path === '/api/graphql')
          if (problem) {
            refuse(res, 400, problem)
            return
          }
        }
        res.locals[READ_BODY] = body
        res.locals[REPLAYED_REQUEST] = replay(req, body)
        next()
      },
      () => refuse(res, 400, 'The request body could not be read.', true),
    )
  }

/** The body the guard read, if it read one (null: none, or multipart still streaming). */
export const readBody = (res: Response): Buffer | null =>
  (res.locals[READ_BODY] as Buffer | undefined) ?? null

/** The request Next should handle: the replay when the guard read the body, else the original. */
export const requestForNext = (req: Request, res: Response): IncomingMessage =>
  (res.locals[REPLAYED_REQUEST] as IncomingMessage | undefined) ?? req
