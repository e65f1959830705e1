import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { extendCollection } from '@/features/shared/extend'
import { calendarEndpoint } from './endpoint'

const COMPONENTS = '/src/features/calendar/admin'

/**
 * The publishing calendar as one Payload plugin: GET /api/articles/calendar and the admin view
 * /admin/calendar (per day and week: scheduled, published, embargoed articles and take-downs,
 * with state badges, linking to each article), with a link in the admin navigation.
 */
export const calendarPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    // Before Payload's own `/:id` route.
    endpoints: [calendarEndpoint, ...(articles.endpoints || [])],
  }))
  return {
    ...withArticles,
    admin: {
      ...withArticles.admin,
      components: {
        ...withArticles.admin?.components,
        afterNavLinks: [
          ...(withArticles.admin?.components?.afterNavLinks ?? []),
          `${COMPONENTS}/CalendarNavLink#CalendarNavLink`,
        ],
        views: {
          ...withArticles.admin?.components?.views,
          calendar: { Component: `${COMPONENTS}/CalendarView#CalendarView`, path: '/calendar' },
        },
      },
    },
  }
}
