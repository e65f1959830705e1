import type { NextFunction, Request, Response } from 'express'
import { afterEach, describe, expect, it } from 'vitest'

import { idleCollect } from '@/server/limits/idleCollect'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('idleCollect', () => {
  const stops: (() => void)[] = []
  afterEach(() => stops.splice(0).forEach((stop) => stop()))

  const make = (minRequests: number) => {
    let collected = 0
    const collector = idleCollect({ idleMs: 100, minRequests, gc: () => collected++ })
    stops.push(collector.stop)
    const request = () => collector({} as Request, {} as Response, (() => {}) as NextFunction)
    return { collector, request, collected: () => collected }
  }

  it('collects once after a burst, when the server has been quiet for idleMs', async () => {
    const { request, collected } = make(10)
    for (let i = 0; i < 10; i++) request()
    await sleep(40)
    expect(collected()).toBe(0)
    await sleep(200)
    expect(collected()).toBe(1)
    // nothing new served: no second collection
    await sleep(250)
    expect(collected()).toBe(1)
  })

  it('never while requests keep arriving, and not after a handful of requests', async () => {
    const busy = make(5)
    for (let i = 0; i < 12; i++) {
      busy.request()
      await sleep(30)
    }
    expect(busy.collected()).toBe(0)
    const quiet = make(1000)
    for (let i = 0; i < 20; i++) quiet.request()
    await sleep(300)
    expect(quiet.collected()).toBe(0)
  })
})
