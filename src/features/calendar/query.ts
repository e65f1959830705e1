import type { Payload, TypedUser } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { goLiveAt } from '@/features/workflow/rules/desk'

export type CalendarKind = 'scheduled' | 'published' | 'embargo' | 'takedown'

export interface CalendarItem {
  id: number | string
  title: string
  workflowStatus: string
  kind: CalendarKind
  at: string
  embargoed: boolean
}

export interface CalendarDay {
  date: string
  items: CalendarItem[]
}

const LIMIT = 500

/**
 * The articles of a calendar range, read with the user's access: scheduled ones at the time they
 * go live (the later of publishAt and embargoUntil), published ones at publishedAt, embargoes
 * lifting and take-downs, grouped per UTC day in time order.
 */
export const calendarDays = async (
  payload: Payload,
  user: TypedUser,
  range: { from: Date; to: Date; days: string[] },
): Promise<{ days: CalendarDay[]; truncated: boolean }> => {
  const between = (field: string) => ({
    and: [
      { [field]: { greater_than_equal: range.from.toISOString() } },
      { [field]: { less_than: range.to.toISOString() } },
    ],
  })
  const result = await payload.find({
    collection: ARTICLES_SLUG,
    where: {
      or: [
        { and: [{ workflowStatus: { equals: 'scheduled' } }, between('publishAt')] },
        { and: [{ workflowStatus: { equals: 'scheduled' } }, between('embargoUntil')] },
        between('publishedAt'),
        between('embargoUntil'),
        between('unpublishAt'),
      ],
    },
    depth: 0,
    limit: LIMIT,
    sort: 'publishAt',
    overrideAccess: false,
    user,
    select: {
      title: true,
      workflowStatus: true,
      publishAt: true,
      publishedAt: true,
      embargoUntil: true,
      unpublishAt: true,
    },
  })
  const now = Date.now()
  const items: CalendarItem[] = []
  const inRange = (iso: string | null | undefined): iso is string =>
    Boolean(iso) &&
    new Date(iso as string).getTime() >= range.from.getTime() &&
    new Date(iso as string).getTime() < range.to.getTime()
  for (const doc of result.docs as Article[]) {
    const base = {
      id: doc.id,
      title: doc.title ?? '',
      workflowStatus: doc.workflowStatus,
      embargoed: Boolean(doc.embargoUntil && new Date(doc.embargoUntil).getTime() > now),
    }
    if (doc.workflowStatus === 'scheduled') {
      const at = goLiveAt(doc.publishAt, doc.embargoUntil)?.toISOString()
      if (inRange(at)) items.push({ ...base, kind: 'scheduled', at })
    }
    if (inRange(doc.publishedAt)) items.push({ ...base, kind: 'published', at: doc.publishedAt })
    if (inRange(doc.embargoUntil) && doc.workflowStatus !== 'scheduled') {
      items.push({ ...base, kind: 'embargo', at: doc.embargoUntil })
    }
    if (inRange(doc.unpublishAt)) items.push({ ...base, kind: 'takedown', at: doc.unpublishAt })
  }
  items.sort((a, b) => a.at.localeCompare(b.at))
  return {
    days: range.days.map((date) => ({ date, items: items.filter((i) => i.at.startsWith(date)) })),
    truncated: result.totalDocs > LIMIT,
  }
}
