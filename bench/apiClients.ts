/**
 * npm run bench:api-clients [-- --connections 10 --duration 10]
 * What an API key costs per request: starts the production server on a fresh SQLite database
 * (rate limits out of the way), publishes a few articles, then loads `GET /api/articles?limit=10`
 * with autocannon as an anonymous reader, with a `published` key, with a `preview` key
 * (`?draft=true`) and with an unknown key (401 path), and prints req/s and latency p50/p99 for each.
 */
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { buildAdmin, buildIsCurrent } from '@/server/buildStamp'
import { Api, bootstrapAccounts } from '../test/helpers/api'
import { issueClient, keyHeader } from '../test/helpers/apiClients'
import { createTestDatabase } from '../test/helpers/databases'
import { startTestServer } from '../test/helpers/server'

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    articles: { type: 'string', default: '10' },
  },
})
const connections = Number(values.connections)
const duration = Number(values.duration)

const main = async () => {
  if (!buildIsCurrent(process.cwd())) {
    console.log('building the admin (next build)...')
    if (buildAdmin(process.cwd()) !== 0) throw new Error('next build failed')
  }
  const db = await createTestDatabase('sqlite')
  const server = await startTestServer({ databaseUri: db.uri })
  try {
    const api = new Api(server.url)
    const tokens = await bootstrapAccounts(api)
    for (let i = 0; i < Number(values.articles); i++) {
      const doc = await api
        .as(tokens.contributor)
        .post<{ doc: { id: number } }>('/api/articles?draft=true', { title: `Bench article ${i}` })
      for (const [token, action] of [
        [tokens.contributor, 'submit'],
        [tokens.editor, 'approve'],
        [tokens.editor, 'publish'],
      ] as const) {
        await api.as(token).post(`/api/articles/${doc.body.doc.id}/workflow`, { action })
      }
    }
    const published = await issueClient(api.as(tokens.admin), 'Bench site', 'published')
    const preview = await issueClient(api.as(tokens.admin), 'Bench preview', 'preview')
    console.log(
      `API-key overhead: c=${connections}, ${duration} s each, ${values.articles} published articles`,
    )
    const scenarios: [string, string, Record<string, string>][] = [
      ['anonymous', '/api/articles?limit=10&depth=0', {}],
      [
        'published key',
        '/api/articles?limit=10&depth=0',
        { authorization: keyHeader(published.key) },
      ],
      [
        'preview key, ?draft=true',
        '/api/articles?limit=10&depth=0&draft=true',
        { authorization: keyHeader(preview.key) },
      ],
      [
        'unknown key (401)',
        '/api/articles?limit=10&depth=0',
        { authorization: keyHeader(`rdk_${'Z'.repeat(43)}`) },
      ],
    ]
    for (const [name, path, headers] of scenarios) {
      const result = await autocannon({
        url: `${server.url}${path}`,
        connections,
        duration,
        headers,
      })
      console.log(
        `${name.padEnd(26)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
      )
    }
  } finally {
    await server.stop()
    await db.drop()
  }
}

await main()
