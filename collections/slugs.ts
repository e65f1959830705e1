export const ARTICLES_SLUG = 'articles' as const
export const AUTHORS_SLUG = 'authors' as const
export const EDITORS_SLUG = 'editors' as const
export const MEDIA_SLUG = 'media' as const
export const AUDIT_EVENTS_SLUG = 'audit-events' as const
export const CORRECTIONS_SLUG = 'corrections' as const
