import { EventEmitter } from 'node:events'

import type { Request, Response } from 'express'
import { describe, expect, it } from 'vitest'

import { loadShedding } from '@/server/limits/loadShedding'

const fakeRes = () => {
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    headersSent: false,
    writableEnded: false,
    setHeader(name: string, value: string) {
      res.headers[name.toLowerCase()] = value
    },
    status(code: number) {
      res.statusCode = code
      return res
    },
    json(body: unknown) {
      res.body = body
      res.writableEnded = true
      return res
    },
  })
  return res
}

const call = (handler: ReturnType<typeof loadShedding>, path = '/api/articles') => {
  const res = fakeRes()
  let passed = false
  handler({ path } as Request, res as unknown as Response, () => {
    passed = true
  })
  return { res, passed }
}

const spin = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // a synchronous request handler holding the event loop
  }
}

describe('loadShedding: a busy event-loop turn', () => {
  it('refuses new requests with 503 and Retry-After once the turn has been busy too long', async () => {
    const handler = loadShedding({
      maxConcurrent: 100,
      maxQueued: 100,
      maxQueueWaitMs: 1000,
      maxEventLoopBusyMs: 50,
    })
    await new Promise((resolve) => setTimeout(resolve, 60))
    const first = call(handler)
    expect(first.passed).toBe(true)
    first.res.emit('finish')
    spin(150)
    const late = call(handler)
    expect(late.passed).toBe(false)
    expect(late.res.statusCode).toBe(503)
    expect(late.res.headers['retry-after']).toBe('1')
    expect(JSON.stringify(late.res.body)).toMatch(/busy|overloaded/)
    // health checks are never refused
    expect(call(handler, '/healthz').passed).toBe(true)
    // the next turn starts fresh
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(call(handler).passed).toBe(true)
    expect(handler.stats().shed).toBe(1)
  })

  it('is off with maxEventLoopBusyMs 0', () => {
    const handler = loadShedding({ maxConcurrent: 100, maxQueued: 100, maxQueueWaitMs: 1000 })
    spin(100)
    expect(call(handler).passed).toBe(true)
  })
})
