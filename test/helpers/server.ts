import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { serverArgv } from '@/config/node'

export interface TestServer {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export interface StartOptions {
  databaseUri: string
  env?: Record<string, string>
  /** production (default: serves the .next build made by globalSetup) or development */
  mode?: 'production' | 'development'
  timeoutMs?: number
}

const root = process.cwd()

/** The server entry point as `npm run dev`/`npm start` run it, with the given environment. */
const spawnServer = (mode: 'production' | 'development', env: Record<string, string | undefined>) =>
  spawn(process.execPath, serverArgv(mode, path.join(root, 'src/server/serve.ts')), {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: 'false',
      // rate limits out of the way unless a test sets its own (test/integration/security/rate-limits.test.ts)
      RATE_LIMIT_ANONYMOUS: '1000000',
      RATE_LIMIT_API_CLIENT: '1000000',
      RATE_LIMIT_LOGIN: '1000000',
      RATE_LIMIT_BAD_KEY: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

/** Spawns the real server (src/server/serve.ts, through the launcher) on an ephemeral port and waits until it listens. */
export const startTestServer = (options: StartOptions): Promise<TestServer> => {
  const mode = options.mode ?? 'production'
  const child = spawnServer(mode, {
    NODE_ENV: mode,
    REDAKSI_LOCAL_START: '1',
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    DATABASE_URI: options.databaseUri,
    ...options.env,
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    const code = await exited
    clearTimeout(timer)
    return code
  }

  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      void stop('SIGKILL')
      reject(new Error(`server did not start within ${options.timeoutMs ?? 120_000} ms:\n${log}`))
    }, options.timeoutMs ?? 120_000)
    const onData = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(log)
      if (match) {
        clearTimeout(timeout)
        child.stdout?.off('data', onData)
        resolve({ url: match[1], port: Number(match[2]), child, output: () => log, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timeout)
      reject(new Error(`server exited with code ${code} before listening:\n${log}`))
    })
  })
}

/** Runs the server entry point expecting it to fail; resolves with its exit code and output. */
export const runServerExpectingFailure = (
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawnServer('production', env)
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
