import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from '@collections/Articles'
import { Authors } from '@collections/Authors'
import { Editors } from '@collections/Editors'
import { applyLockRules } from '@collections/LockedDocuments'
import { Media } from '@collections/Media'
import { defaultLibraryEnv, env } from '@/config/env'
import { createDatabaseAdapter } from '@/db/adapter'
import { emailAdapter } from '@/email/adapter'
import { databaseUnavailableAfterError } from '@/db/unavailableError'
import { isAdmin } from '@/access/isAdmin'
import { LOGGING_LEVELS, loggerConfig } from '@/logging/logger'
import { limitsPlugin } from '@/limits/plugin'
import { payloadCsrfOrigins } from '@/security/origins'
import { controlCharacterGuard } from '@/security/controlCharacters'
import { apiClientsPlugin } from '@/features/apiClients'
import { auditPlugin } from '@/features/audit'
import { contentPlugin } from '@/features/content'
import { searchPlugin } from '@/features/search'
import { importPlugin } from '@/features/import'
import { newsFormatsPlugin } from '@/features/newsFormats'
import { publicReadsPlugin } from '@/features/publicReads'
import { openApiPlugin } from '@/features/openapi'
import { photosPlugin } from '@/features/photos'
import { workflowPlugin } from '@/features/workflow'
import { notificationsPlugin } from '@/features/notifications'
import { correctionsPlugin } from '@/features/corrections'
import { calendarPlugin } from '@/features/calendar'
import { shouldAutoRunJobs } from '@/features/workflow/requeueStaleJobs'
import { webhooksPlugin } from '@/features/webhooks'

const root = process.cwd()

// Payload's development-mode check wants every @payloadcms package on payload's exact version;
// @payloadcms/storage-s3 and @payloadcms/email-nodemailer exist only as 3.90.1 in the registry we
// install from (payload is 3.90.2; package.json overrides their peer range). Without this, `npm run
// dev`, the CLIs and tests stop with "Mismatching payload dependency versions". Remove when 3.90.2
// of both is installable.
defaultLibraryEnv('PAYLOAD_DISABLE_DEPENDENCY_CHECKER', 'true')

// The database adapter is made first (asynchronously: the MongoDB one is only loaded for a
// MongoDB database); Payload takes the config as a promise, as buildConfig returns one anyway.
export default createDatabaseAdapter(env.database()).then((db) =>
  buildConfig({
    // never writes data/payload-secret: start-up code does (src/config/env.ts prepareSecretFile)
    secret: env.secret({ persist: false }),
    serverURL: env.publicUrl(),
    // Never empty: Payload ignores the login cookie on requests from other origins.
    csrf: payloadCsrfOrigins(env.originsEnv()),
    db,
    editor: lexicalEditor(),
    sharp,
    // SMTP with SMTP_URL, else an outbox folder of .eml files (src/email/adapter.ts).
    email: emailAdapter(root),
    collections: [Articles, Media, Authors, Editors],
    jobs: {
      // tasks: added by the feature plugins (workflow: the scheduled publish)
      // The server process runs the queue itself (no external cron); jobs live in the database,
      // so a restart loses nothing. Every minute by default: scheduled articles go live on time.
      autoRun: [{ cron: env.jobs().cron, queue: 'default', limit: 25 }],
      // Each tick first requeues jobs left `processing` by a server that stopped mid-run.
      shouldAutoRun: shouldAutoRunJobs,
      access: { run: isAdmin, queue: isAdmin, cancel: isAdmin },
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
        ...defaultJobsCollection,
        access: {
          ...defaultJobsCollection.access,
          read: isAdmin,
          create: () => false,
          update: () => false,
          delete: isAdmin,
        },
      }),
    },
    admin: {
      user: Editors.slug,
      meta: { titleSuffix: ' · Redaksi' },
      // Never Gravatar: it sends a hash of each editor's email to a third party and shows a broken
      // image offline. Payload's built-in default avatar instead.
      avatar: 'default',
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
      // Regenerated on purpose with `npm run generate` (SQLite ids), not by whichever dev server
      // starts next (a MongoDB one would switch every id type to string).
      autoGenerate: false,
      outputFile: path.resolve(root, 'src/payload-types.ts'),
    },
    hooks: {
      afterError: [databaseUnavailableAfterError],
    },
    telemetry: false,
    plugins: [
      // Features (src/features/<name>): each adds its collections, fields, hooks, endpoints, jobs and
      // admin components. The audit-events collection comes before the guards below see the list.
      workflowPlugin,
      auditPlugin,
      importPlugin,
      // Delivery: rendered body, text, counts and public URL stored on every saved version.
      contentPlugin,
      // Full-text search over published articles (GET /api/search, GraphQL searchArticles).
      searchPlugin,
      // Feeds, sitemaps and IPTC ninjs (custom.siteRoutes: top-level paths).
      newsFormatsPlugin,
      // API clients with scopes (published / preview) and the OpenAPI document.
      apiClientsPlugin,
      openApiPlugin,
      // Signed webhooks for article events, delivered through the jobs queue.
      webhooksPlugin,
      // Newsroom desk: mail notifications (jobs queue), corrections on live articles, the calendar.
      notificationsPlugin,
      correctionsPlugin,
      calendarPlugin,
      photosPlugin,
      // Anonymous reads select only public fields; saves invalidate the public response cache.
      publicReadsPlugin,
      // Every collection refuses control characters (NUL, ESC, …) in incoming text with a 400;
      // resource limits: read caps, strict ids, GraphQL limits, upload size (src/limits).
      controlCharacterGuard,
      limitsPlugin(),
    ],
    // Logs: failed logins are one INFO line, SQL parameters never appear (src/logging); CLIs keep
    // stdout for their own output (e.g. seed --json) and log to stderr.
    logger: loggerConfig(),
    loggingLevels: LOGGING_LEVELS,
  }).then(applyLockRules),
)
