import { spawn } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { LAUNCHER } from '@/config/node'

/**
 * src/bin/run.mjs, the launcher of `npm start`, the CLIs and the test servers: it runs a
 * TypeScript entry point from a bundle of the project's sources, made again when a source changes.
 * Each test works on a small project of its own (the launcher copied into it, node_modules linked).
 */

let project: string

const run = (
  entry: string,
  args: string[] = [],
  cwd = project,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(project, LAUNCHER), entry, ...args], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true })
  writeFileSync(path.join(project, file), text)
}

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'redaksi-launcher-'))
  mkdirSync(path.join(project, 'src/bin'), { recursive: true })
  copyFileSync(path.join(process.cwd(), LAUNCHER), path.join(project, LAUNCHER))
  mkdirSync(path.join(project, 'node_modules'))
  // esbuild from the real project; the bundle cache goes into this project's node_modules
  symlinkSync(
    path.join(process.cwd(), 'node_modules/esbuild'),
    path.join(project, 'node_modules/esbuild'),
  )
  write('package.json', '{"type":"module"}')
  write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }))
  write('src/value.ts', "export const value: string = 'first'\n")
  write(
    'src/entry.ts',
    [
      "import { value } from '@/value'",
      "import type { Server } from 'node:http'",
      'const unused: Server | null = null',
      'void unused',
      'process.stdout.write(JSON.stringify({ value, argv: process.argv.slice(1) }))',
      '',
    ].join('\n'),
  )
})

afterEach(() => {
  rmSync(project, { recursive: true, force: true })
})

describe('the launcher (src/bin/run.mjs)', () => {
  it('runs a TypeScript entry with path aliases; the entry sees its own path and arguments', async () => {
    const res = await run('src/entry.ts', ['--json', 'seeds'])
    expect(res.stderr).toBe('')
    expect(JSON.parse(res.stdout)).toEqual({
      value: 'first',
      argv: [path.join(project, 'src/entry.ts'), '--json', 'seeds'],
    })
  })

  it('bundles again when a source changes, and not otherwise', async () => {
    expect(JSON.parse((await run('src/entry.ts')).stdout).value).toBe('first')
    const bundles = path.join(project, 'node_modules/.cache/redaksi/bundles')
    const bundle = path.join(bundles, 'src__entry.mjs')
    // unchanged sources: the same bundle is reused (a marker written into it survives)
    writeFileSync(bundle, `process.stdout.write('{"value":"reused"}')\n`)
    expect(JSON.parse((await run('src/entry.ts')).stdout).value).toBe('reused')
    // an edit to an imported file (same size, new mtime) is picked up
    write('src/value.ts', "export const value: string = 'secnd'\n")
    const later = new Date(Date.now() + 2_000)
    utimesSync(path.join(project, 'src/value.ts'), later, later)
    expect(JSON.parse((await run('src/entry.ts')).stdout).value).toBe('secnd')
    // so is a tsconfig change
    utimesSync(path.join(project, 'tsconfig.json'), later, new Date(Date.now() + 4_000))
    writeFileSync(bundle, `process.stdout.write('{"value":"stale"}')\n`)
    expect(JSON.parse((await run('src/entry.ts')).stdout).value).toBe('secnd')
  })

  it('works from another working directory, and several processes starting at once all run', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'redaksi-launcher-cwd-'))
    try {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => run(path.join(project, 'src/entry.ts'), ['x'], elsewhere)),
      )
      for (const res of runs) {
        expect(res.code, res.stderr).toBe(0)
        expect(JSON.parse(res.stdout)).toEqual({
          value: 'first',
          argv: [path.join(project, 'src/entry.ts'), 'x'],
        })
      }
      // no temporary file is left behind, and nothing was written to the working directory
      const left = readdirSync(path.join(project, 'node_modules/.cache/redaksi/bundles'))
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([])
      expect(readdirSync(elsewhere)).toEqual([])
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  it('runs the entry under tsx when the bundle cache cannot be written', async () => {
    // node_modules/.cache is a file here, so no folder can be made under it (as on a read-only
    // install, which root cannot simulate with permissions)
    symlinkSync(
      path.join(process.cwd(), 'node_modules/tsx'),
      path.join(project, 'node_modules/tsx'),
    )
    writeFileSync(path.join(project, 'node_modules/.cache'), 'not a folder')
    const res = await run('src/entry.ts', ['y'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/cannot write the bundle cache \(\w+\); running through tsx instead/)
    expect(JSON.parse(res.stdout)).toEqual({
      value: 'first',
      argv: [path.join(project, 'src/entry.ts'), 'y'],
    })
  })

  it("a TypeScript error in the entry fails with esbuild's message and exit code 1", async () => {
    write('src/broken.ts', 'export const = 1\n')
    const res = await run('src/broken.ts')
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/src\/broken\.ts/)
    expect(res.stdout).toBe('')
  })
})
