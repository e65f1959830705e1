import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Payload is initialised once by the Express server (src/server) and shared with the Next.js route
 * handlers through Payload's process-wide instance cache. For that to be one instance, the server
 * packages must be loaded from node_modules (not bundled) in production too.
 */
const serverPackages = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-postgres',
  '@payloadcms/db-mongodb',
  '@payloadcms/drizzle',
  '@payloadcms/graphql',
  'mongodb-memory-server',
  'mongodb-memory-server-core',
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  serverExternalPackages: serverPackages,
  typescript: {
    // `npm test` runs tsc itself; the build should not repeat it.
    ignoreBuildErrors: true,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
