import { it } from 'vitest'
import { Api, bootstrapAccounts, PASSWORD } from '../helpers/api'
import { login, openBrowser } from '../helpers/browser'
import { createTestDatabase } from '../helpers/databases'
import { startTestServer } from '../helpers/server'

it('dbg', async () => {
  const db = await createTestDatabase('sqlite')
  const server = await startTestServer({ databaseUri: db.uri, env: { SEED_ON_START: 'true' } })
  const api = new Api(server.url)
  await bootstrapAccounts(api)
  const context = await openBrowser()
  const page = await context.newPage()
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 500)))
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message.slice(0, 1000)))
  await page.goto(`${server.url}/admin/login`)
  await page.waitForTimeout(5000)
  try { await login(page, server.url, 'editor@redaksi.test', PASSWORD) } catch (e) { console.log('LOGIN FAIL', String(e).slice(0, 300)) }
  await page.goto(`${server.url}/admin/collections/media`)
  await page.waitForTimeout(5000)
  console.log('TEXT', (await page.locator('body').innerText()).slice(0, 1000))
  await context.close()
  console.log(server.output().slice(-3000))
  await server.stop()
}, 300000)
