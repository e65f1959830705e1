import { spawn } from 'node:child_process'
import path from 'node:path'

import { entryArgv } from '@/config/node'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs one of the command-line tools in src/cli (e.g. createAdmin.ts, seed.ts) as `npm run`
 * would, asynchronously (so several can run at once), with the given environment.
 */
export const runCli = (
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
  /** Called with everything printed so far (stdout and stderr) whenever the tool prints. */
  onOutput?: (output: string) => void,
): Promise<CliResult> =>
  new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', ...env }
    if (!('NODE_ENV' in env)) Reflect.deleteProperty(childEnv, 'NODE_ENV')
    const child = spawn(
      process.execPath,
      entryArgv('production', path.join(process.cwd(), 'src/cli', script), ...args),
      { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      onOutput?.(stdout + stderr)
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
      onOutput?.(stdout + stderr)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
