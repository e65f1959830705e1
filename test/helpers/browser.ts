import { mkdirSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = path.resolve('test/e2e/artifacts')

/**
 * A fresh headless Debian Chromium (its own empty user-data dir, so no session is shared) with
 * the flags this sandboxed machine needs. Close it when done.
 */
export const openBrowser = (): Promise<BrowserContext> =>
  chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'redaksi-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** Runs a named step; on failure saves a screenshot under test/e2e/artifacts/ and rethrows. */
export const step = async <T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn()
  } catch (err) {
    mkdirSync(ARTIFACTS, { recursive: true })
    const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    throw new Error(`step "${name}" failed (screenshot: ${file}): ${(err as Error).message}`)
  }
}

export const login = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
}
