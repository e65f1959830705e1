import type { ServerProps } from 'payload'

import { langOf } from '@/admin/labels'
import { calendarLabels } from '@/features/calendar/labels'

/** Admin navigation: a link to the publishing calendar. */
export const CalendarNavLink = ({ i18n, user }: ServerProps) => {
  if (!user) return null
  return (
    <a className="nav__link" data-testid="calendar-nav-link" href="/admin/calendar">
      <span className="nav__link-label">{calendarLabels.nav[langOf(i18n?.language)]}</span>
    </a>
  )
}
