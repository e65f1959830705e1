/** Calendar ranges (pure): a day or a week of UTC days starting at `from`. */
export type CalendarSpan = 'day' | 'week'

export type RangeResult =
  { ok: true; from: Date; to: Date; days: string[] } | { ok: false; message: string }

const DAY_MS = 86_400_000

/** `from` (YYYY-MM-DD, default today UTC) and `span` (day | week, default week). */
export function calendarRange(input: { from?: unknown; span?: unknown; now: Date }): RangeResult {
  const span = input.span === undefined || input.span === '' ? 'week' : input.span
  if (span !== 'day' && span !== 'week') return { ok: false, message: 'span must be day or week.' }
  let from: Date
  if (input.from === undefined || input.from === '') {
    from = new Date(
      Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate()),
    )
  } else {
    if (typeof input.from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.from)) {
      return { ok: false, message: 'from must be a date like 2026-11-29.' }
    }
    from = new Date(`${input.from}T00:00:00.000Z`)
    if (Number.isNaN(from.getTime()) || from.toISOString().slice(0, 10) !== input.from) {
      return { ok: false, message: 'from must be a real calendar date.' }
    }
    const year = from.getUTCFullYear()
    if (year < 1970 || year > 9998)
      return { ok: false, message: 'from must be between 1970 and 9998.' }
  }
  const count = span === 'day' ? 1 : 7
  const days = Array.from({ length: count }, (_, i) =>
    new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10),
  )
  return { ok: true, from, to: new Date(from.getTime() + count * DAY_MS), days }
}
