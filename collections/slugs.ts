export const ARTICLES_SLUG = 'articles' as const
export const AUTHORS_SLUG = 'authors' as const
export const EDITORS_SLUG = 'editors' as const
export const MEDIA_SLUG = 'media' as const
export const AUDIT_EVENTS_SLUG = 'audit-events' as const
export const API_CLIENTS_SLUG = 'api-clients' as const
export const WEBHOOKS_SLUG = 'webhooks' as const
export const WEBHOOK_DELIVERIES_SLUG = 'webhook-deliveries' as const
