/** The article's public URL in webhook payloads: the content feature's PUBLIC_SITE_URL pattern. */
export { articleUrl } from '@/features/content/render'
