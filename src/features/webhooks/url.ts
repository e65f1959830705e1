import { env } from '@/config/env'

/**
 * The article's public URL in webhook payloads. Stand-in until the `content` feature's
 * articleUrl (src/features/content/render.ts, PUBLIC_SITE_URL pattern) is merged: then this file
 * re-exports that function.
 */
export const articleUrl = (slug: string | null | undefined): string | null =>
  slug ? `${(env.publicUrl() ?? '').replace(/\/$/, '')}/articles/${encodeURIComponent(slug)}` : null
