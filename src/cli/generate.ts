/**
 * Regenerates Payload's generated files from payload.config.ts:
 * src/payload-types.ts and the admin import map. Run `npm run generate` after changing
 * collections, fields or admin components (CI checks that both are current).
 */
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

import configPromise from '../../payload.config'

const config = await configPromise
await generateTypes(config, { log: false })
await generateImportMap(config, { log: false, force: true })
process.exit(0)
