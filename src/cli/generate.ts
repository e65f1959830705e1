/**
 * Regenerates Payload's generated files from payload.config.ts: src/payload-types.ts and the admin
 * import map. Run `npm run generate` after changing collections, fields or admin components.
 * `--check` regenerates, compares with what is committed, restores the committed files and exits 1
 * when they were stale (the test suite runs this).
 */
import { readFileSync, writeFileSync } from 'node:fs'

import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

import configPromise from '@payload-config'

const config = await configPromise
const files = [config.typescript.outputFile, config.admin.importMap.importMapFile].filter(
  (file): file is string => typeof file === 'string',
)
const check = process.argv.includes('--check')
const before = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]))

await generateTypes(config, { log: false })
await generateImportMap(config, { log: false, force: true })

if (check) {
  const stale = files.filter((file) => readFileSync(file, 'utf8') !== before.get(file))
  for (const file of stale) writeFileSync(file, before.get(file) as string)
  if (stale.length) {
    console.error(`generated files are out of date: ${stale.join(', ')}; run \`npm run generate\``)
    process.exit(1)
  }
  console.log('generated files are current')
}
process.exit(0)
