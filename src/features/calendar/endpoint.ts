import type { Endpoint } from 'payload'

import { roleOf } from '@/access/roles'
import { WorkflowError } from '@/features/workflow/errors'
import { calendarDays } from './query'
import { calendarRange } from './rules/range'

/**
 * GET /api/articles/calendar?from=YYYY-MM-DD&span=day|week  (staff only)
 * Answers { from, to, span, days: [{ date, items: [{ id, title, workflowStatus, kind, at, embargoed }] }] }.
 */
export const calendarEndpoint: Endpoint = {
  path: '/calendar',
  method: 'get',
  handler: async (req) => {
    if (!req.user || roleOf(req) === null) {
      throw new WorkflowError(403, 'calendar.staff-only', 'The calendar is for signed-in staff.')
    }
    const query = (req.query ?? {}) as Record<string, unknown>
    const range = calendarRange({ from: query.from, span: query.span, now: new Date() })
    if (!range.ok) throw new WorkflowError(400, 'calendar.range.invalid', range.message)
    const { days, truncated } = await calendarDays(req.payload, req.user, range)
    return Response.json({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      span: range.days.length === 1 ? 'day' : 'week',
      days,
      truncated,
    })
  },
}
