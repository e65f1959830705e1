import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'

import { roleOf } from '@/access/roles'
import { formatDateTime, langOf } from '@/admin/labels'
import { articleURL } from '@/admin/shared'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'
import { calendarLabels, kindLabels } from '@/features/calendar/labels'
import { calendarDays } from '@/features/calendar/query'
import { calendarRange } from '@/features/calendar/rules/range'

const DAY_MS = 86_400_000
const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * /admin/calendar?from=YYYY-MM-DD&span=day|week: per UTC day, the articles that go live
 * (scheduled, at the later of publishAt and the embargo), were published, whose embargo lifts or
 * that are taken down, with their review-state badges, each linking to the article. Staff only
 * (read with the user's access).
 */
export const CalendarView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const lang = langOf(i18n?.language)
  const L = (key: keyof typeof calendarLabels) => calendarLabels[key][lang]
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div className="gutter--left gutter--right redaksi-calendar" data-testid="calendar">
        <h1>{L('title')}</h1>
        {children}
      </div>
    </DefaultTemplate>
  )
  if (!user || roleOf({ user }) === null) {
    return template(<p data-testid="calendar-forbidden">{L('staffOnly')}</p>)
  }
  const now = new Date()
  const asked = calendarRange({ from: searchParams?.from, span: searchParams?.span, now })
  const range = asked.ok ? asked : calendarRange({ now })
  if (!range.ok) return template(null)
  const span = range.days.length === 1 ? 'day' : 'week'
  const { days, truncated } = await calendarDays(payload, user, range)
  const step = range.days.length * DAY_MS
  const link = (from: Date, s: string) => `/admin/calendar?from=${iso(from)}&span=${s}`
  return template(
    <>
      {!asked.ok && <p className="redaksi-muted">{L('badRange')}</p>}
      <nav className="redaksi-calendar__nav" data-testid="calendar-nav">
        <a href={link(new Date(range.from.getTime() - step), span)}>{L('previous')}</a>{' '}
        <a href={link(now, span)}>{L('today')}</a>{' '}
        <a href={link(new Date(range.from.getTime() + step), span)}>{L('next')}</a>{' '}
        <a
          aria-current={span === 'day' ? 'true' : undefined}
          data-testid="calendar-span-day"
          href={link(range.from, 'day')}
        >
          {L('day')}
        </a>{' '}
        <a
          aria-current={span === 'week' ? 'true' : undefined}
          data-testid="calendar-span-week"
          href={link(range.from, 'week')}
        >
          {L('week')}
        </a>
      </nav>
      <p className="redaksi-muted">{L('utc')}</p>
      {truncated && <p className="redaksi-muted">{L('truncated')}</p>}
      {days.map((day) => (
        <section
          key={day.date}
          className="redaksi-calendar__day"
          data-testid="calendar-day"
          data-date={day.date}
        >
          <h2>
            {new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
              weekday: 'long',
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
            }).format(new Date(`${day.date}T00:00:00Z`))}
          </h2>
          {day.items.length === 0 ? (
            <p className="redaksi-muted">{L('empty')}</p>
          ) : (
            <ul>
              {day.items.map((item) => (
                <li
                  key={`${item.kind}-${item.id}`}
                  data-testid="calendar-item"
                  data-kind={item.kind}
                >
                  <span className="redaksi-muted">{formatDateTime(item.at, lang)}</span>{' '}
                  <span className="redaksi-badge">{kindLabels[item.kind][lang]}</span>{' '}
                  <WorkflowBadge
                    state={item.workflowStatus}
                    lang={lang}
                    testId="calendar-item-state"
                  />{' '}
                  {item.embargoed && (
                    <span className="redaksi-badge" data-testid="calendar-item-embargoed">
                      {L('embargoed')}
                    </span>
                  )}{' '}
                  <a href={articleURL(item.id)} data-testid="calendar-item-link">
                    {item.title || '—'}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>,
  )
}
