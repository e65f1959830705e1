import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Editors } from './collections/Editors'
import { Media } from './collections/Media'
import { resolveDatabase } from './src/config/database'
import { resolveSecret } from './src/config/secret'
import { createDatabaseAdapter } from './src/db/adapter'

const root = process.cwd()

export default buildConfig({
  secret: resolveSecret(),
  serverURL: process.env.PUBLIC_URL || undefined,
  db: createDatabaseAdapter(resolveDatabase(process.env.DATABASE_URI)),
  editor: lexicalEditor(),
  sharp,
  collections: [Articles, Media, Authors, Editors],
  admin: {
    user: Editors.slug,
    meta: { titleSuffix: ' · Redaksi' },
    importMap: {
      baseDir: root,
      importMapFile: path.resolve(root, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  i18n: {
    supportedLanguages: { en, id },
    fallbackLanguage: 'en',
  },
  graphQL: {
    disablePlaygroundInProduction: true,
  },
  typescript: {
    outputFile: path.resolve(root, 'src/payload-types.ts'),
  },
  telemetry: false,
})
