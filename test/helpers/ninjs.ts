import { readFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/** Validation against IPTC's ninjs 3.1 schema (test/fixtures/ninjs, CC BY 4.0, see its README). */
const schema = JSON.parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/ninjs/ninjs-schema_3.1.json'), 'utf8'),
) as Record<string, unknown>

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
// places[].geoJSON refers to the external GeoJSON schema; Redaksi writes no places, so a stub
// that admits any object stands in for it (no network access in tests).
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
const validate = ajv.compile(schema)

/** The schema's errors for `doc` (empty when it is a valid ninjs 3.1 document). */
export const ninjsErrors = (doc: unknown): string[] =>
  validate(doc)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`)

export const NINJS_SCHEMA_ID = String(schema.$id)
