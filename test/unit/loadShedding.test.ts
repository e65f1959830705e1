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

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** One request through the limiter; requests start from the next turn of the event loop. */
const call = async (handler: ReturnType<typeof loadShedding>, path = '/api/articles') => {
  const res = fakeRes()
  let passed = false
  handler({ path } as Request, res as unknown as Response, () => {
    passed = true
  })
  await nextTurn()
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
    const first = await call(handler)
    expect(first.passed).toBe(true)
    first.res.emit('finish')
    spin(150)
    const late = await call(handler)
    expect(late.passed).toBe(false)
    expect(late.res.statusCode).toBe(503)
    expect(late.res.headers['retry-after']).toBe('1')
    expect(JSON.stringify(late.res.body)).toMatch(/busy|overloaded/)
    // health checks are never refused
    expect((await call(handler, '/healthz')).passed).toBe(true)
    // the next turn starts fresh
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect((await call(handler)).passed).toBe(true)
    expect(handler.stats().shed).toBe(1)
  })

  it('is off with maxEventLoopBusyMs 0', async () => {
    const handler = loadShedding({ maxConcurrent: 100, maxQueued: 100, maxQueueWaitMs: 1000 })
    spin(100)
    expect((await call(handler)).passed).toBe(true)
  })
})

describe('loadShedding: fair scheduling', () => {
  it('starts a few requests per turn of the event loop, oldest first, so writes and reads happen between them', async () => {
    const handler = loadShedding({ maxConcurrent: 100, maxQueued: 100, maxQueueWaitMs: 1000 })
    const started: number[] = []
    const responses = Array.from({ length: 9 }, (_, i) => {
      const res = fakeRes()
      handler({ path: '/api/articles' } as Request, res as unknown as Response, () => {
        started.push(i)
        // a synchronous request: done within its own turn
        res.emit('finish')
      })
      return res
    })
    expect(started).toEqual([])
    expect(handler.stats().queued).toBe(9)
    await nextTurn()
    expect(started).toEqual([0, 1, 2, 3])
    await nextTurn()
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    await nextTurn()
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(handler.stats()).toEqual({ active: 0, queued: 0, shed: 0 })
    expect(responses.every((r) => r.statusCode === 200)).toBe(true)
  })

  it('runs the requests of one turn one after another, not interleaved', async () => {
    const handler = loadShedding({ maxConcurrent: 100, maxQueued: 100, maxQueueWaitMs: 1000 })
    const events: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = fakeRes()
      handler({ path: '/api/articles' } as Request, res as unknown as Response, () => {
        events.push(`start ${i}`)
        // synchronous work split by awaits, like Payload's on SQLite
        void (async () => {
          for (let step = 0; step < 3; step++) await Promise.resolve()
          events.push(`end ${i}`)
          res.emit('finish')
        })()
      })
    }
    await nextTurn()
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('refuses at once beyond the queue and the free slots, and after the longest wait', async () => {
    const handler = loadShedding({ maxConcurrent: 2, maxQueued: 3, maxQueueWaitMs: 50 })
    const held = Array.from({ length: 8 }, () => {
      const res = fakeRes()
      let passed = false
      handler({ path: '/api/articles' } as Request, res as unknown as Response, () => {
        passed = true
      })
      return { res, passed: () => passed }
    })
    // 2 free slots + 3 queue places: requests 6-8 are refused straight away
    expect(held.slice(5).map((h) => h.res.statusCode)).toEqual([503, 503, 503])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(held.slice(0, 5).map((h) => h.passed())).toEqual([true, true, false, false, false])
    // the slots stay taken: the three waiting ones are refused after 50 ms, with Retry-After
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(held.slice(2, 5).map((h) => h.res.statusCode)).toEqual([503, 503, 503])
    expect(held[2].res.headers['retry-after']).toBe('1')
    expect(handler.stats()).toEqual({ active: 2, queued: 0, shed: 6 })
    held[0].res.emit('finish')
    held[1].res.emit('close')
    expect(handler.stats().active).toBe(0)
  })
})
