import { buildSchema, parse, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { ConfigError } from '@/config/errors'
import { parseBytes, resolveLimits } from '@/config/limits'
import { bracketDepth, inspectShape } from '@/limits/json'
import { maxAliasesRule, maxDepthRule } from '@/limits/graphql'

describe('resolveLimits', () => {
  it('has defaults for a 2-core machine', () => {
    const limits = resolveLimits({})
    expect(limits).toMatchObject({
      maxBodyBytes: 1024 * 1024,
      apiMaxLimit: 100,
      apiMaxDepth: 2,
      graphqlMaxAliases: 10,
      maxQueueWaitMs: 2000,
    })
    expect(limits.maxConcurrent).toBeGreaterThanOrEqual(4)
    expect(limits.maxQueued).toBe(limits.maxConcurrent * 8)
  })

  it('reads sizes with units and whole numbers', () => {
    expect(parseBytes('MAX_BODY_BYTES', '512kb')).toBe(512 * 1024)
    expect(parseBytes('MAX_BODY_BYTES', '2MB')).toBe(2 * 1024 * 1024)
    expect(resolveLimits({ MAX_BODY_BYTES: '2097152', API_MAX_LIMIT: '50' })).toMatchObject({
      maxBodyBytes: 2 * 1024 * 1024,
      apiMaxLimit: 50,
    })
  })

  it.each([
    ['MAX_BODY_BYTES', 'lots', /MAX_BODY_BYTES must be a size in bytes/],
    ['MAX_BODY_BYTES', '10', /at least 1kb/],
    ['API_MAX_LIMIT', '0', /API_MAX_LIMIT must be a whole number from 1/],
    ['API_MAX_DEPTH', '2.5', /API_MAX_DEPTH must be a whole number/],
    ['MAX_CONCURRENT_REQUESTS', '-1', /MAX_CONCURRENT_REQUESTS/],
    ['MAX_QUEUE_WAIT_MS', 'soon', /MAX_QUEUE_WAIT_MS/],
  ])('refuses %s=%s with a clear ConfigError', (name, value, message) => {
    expect(() => resolveLimits({ [name]: value })).toThrow(ConfigError)
    expect(() => resolveLimits({ [name]: value })).toThrow(message)
  })
})

describe('inspectShape and bracketDepth', () => {
  it('finds deep nesting and long arrays without recursion', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(inspectShape(deep)).toMatchObject({ kind: 'too-deep' })
    expect(inspectShape({ tags: new Array(1001).fill('x') })).toMatchObject({
      kind: 'too-many-values',
      length: 1001,
    })
    expect(inspectShape({ a: [{ b: 'c' }], tags: new Array(1000).fill('x') })).toBeNull()
  })

  it('counts brackets outside strings only', () => {
    expect(bracketDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3)
    expect(bracketDepth('"\\"[["')).toBe(0)
    expect(bracketDepth('['.repeat(1_000_000))).toBe(1_000_000)
  })
})

describe('GraphQL validation rules', () => {
  const schema = buildSchema(`
    type Author { id: ID, name: String }
    type Article { id: ID, title: String, authors: [Author] }
    type Articles { docs: [Article] }
    type Query { Articles(limit: Int): Articles }
  `)
  const errors = (query: string, rules = [maxAliasesRule(10), maxDepthRule(3)]) =>
    validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message)

  it('counts aliases across the document', () => {
    const fields = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: Articles(limit: 0) { docs { id } }`).join(' ')
    expect(errors(`{ ${fields(10)} }`)).toEqual([])
    expect(errors(`{ ${fields(50)} }`)).toEqual([
      'Query uses more than 10 aliases (GRAPHQL_MAX_ALIASES); split it into several requests.',
    ])
  })

  it('measures depth through fragments and inline fragments', () => {
    expect(errors('{ Articles { docs { id } } }')).toEqual([])
    expect(errors('{ Articles { docs { authors { id } } } }')).toEqual([
      'Query is nested more than 3 levels deep (GRAPHQL_MAX_DEPTH).',
    ])
    expect(
      errors(
        '{ ...Q } fragment Q on Query { Articles { ... on Articles { docs { ...A } } } } fragment A on Article { authors { name } }',
      ),
    ).toContain('Query is nested more than 3 levels deep (GRAPHQL_MAX_DEPTH).')
  })
})
