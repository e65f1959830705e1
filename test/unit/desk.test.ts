import { describe, expect, it } from 'vitest'

import { availableActions, decideTransition } from '@/features/workflow/rules/transitions'
import {
  decideAssignment,
  decideBulkRequest,
  decideCorrection,
  decideTiming,
  goLiveAt,
  parseTimingValue,
} from '@/features/workflow/rules/desk'
import { calendarRange } from '@/features/calendar/rules/range'
import { renderMail } from '@/features/notifications/templates'
import { parseSmtpUrl } from '@/config/env'

const NOW = new Date('2026-06-01T10:00:00.000Z')
const HOUR = 3_600_000
const at = (h: number) => new Date(NOW.getTime() + h * HOUR)

describe('embargo in the rule book', () => {
  const editor = { id: 2, role: 'editor' as const }
  it('refuses publish-now before the embargo lifts, allows it after, and allows approve and schedule meanwhile', () => {
    const ctx = { actor: editor, isOwner: false, now: NOW, embargoUntil: at(2).toISOString() }
    expect(decideTransition({ ...ctx, state: 'approved', action: 'publish' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      rule: 'workflow.embargo.active',
    })
    expect(decideTransition({ ...ctx, state: 'in_review', action: 'approve' }).ok).toBe(true)
    expect(
      decideTransition({ ...ctx, state: 'approved', action: 'schedule', publishAt: at(1) }).ok,
    ).toBe(true)
    expect(
      decideTransition({
        ...ctx,
        embargoUntil: at(-1).toISOString(),
        state: 'approved',
        action: 'publish',
      }).ok,
    ).toBe(true)
    expect(availableActions({ ...ctx, state: 'approved' })).toEqual(['request_changes', 'schedule'])
  })
  it('goLiveAt is the later of publishAt and embargoUntil', () => {
    expect(goLiveAt(at(1), at(3))?.toISOString()).toBe(at(3).toISOString())
    expect(goLiveAt(at(3), null)?.toISOString()).toBe(at(3).toISOString())
    expect(goLiveAt(null, undefined)).toBe(null)
  })
})

describe('assignment rules', () => {
  it('editors and admins assign to editors and admins only', () => {
    expect(
      decideAssignment({ actorRole: 'editor', assigneeRole: 'admin', unassign: false }).ok,
    ).toBe(true)
    expect(decideAssignment({ actorRole: 'admin', assigneeRole: null, unassign: true }).ok).toBe(
      true,
    )
    expect(
      decideAssignment({ actorRole: 'contributor', assigneeRole: 'editor', unassign: false }),
    ).toMatchObject({ rule: 'desk.assign.role', code: 'forbidden' })
    expect(
      decideAssignment({ actorRole: null, assigneeRole: 'editor', unassign: true }),
    ).toMatchObject({ rule: 'desk.assign.role' })
    expect(
      decideAssignment({ actorRole: 'editor', assigneeRole: 'contributor', unassign: false }),
    ).toMatchObject({ rule: 'desk.assign.assignee-role' })
    expect(
      decideAssignment({ actorRole: 'editor', assigneeRole: undefined, unassign: false }),
    ).toMatchObject({ rule: 'desk.assign.assignee-unknown' })
  })
})

describe('timing rules', () => {
  const base = {
    role: 'editor' as const,
    state: 'approved',
    embargoUntil: null,
    unpublishAt: null,
    publishAt: null,
    changes: { embargoUntil: true, unpublishAt: false },
    now: NOW,
  }
  it('accepts future times, refuses past ones, far-future ones, live embargoes and take-downs before going live', () => {
    expect(decideTiming({ ...base, embargoUntil: at(1) }).ok).toBe(true)
    expect(decideTiming({ ...base, embargoUntil: at(-1) })).toMatchObject({
      rule: 'desk.timing.past',
    })
    expect(decideTiming({ ...base, embargoUntil: NOW })).toMatchObject({ rule: 'desk.timing.past' })
    expect(decideTiming({ ...base, embargoUntil: new Date(Date.UTC(10000, 0, 1)) })).toMatchObject({
      rule: 'desk.timing.too-far',
    })
    expect(decideTiming({ ...base, state: 'published', embargoUntil: at(1) })).toMatchObject({
      rule: 'desk.embargo.live',
      code: 'invalid_transition',
    })
    expect(decideTiming({ ...base, state: 'published', embargoUntil: null }).ok).toBe(true)
    const takeDown = { ...base, changes: { embargoUntil: false, unpublishAt: true } }
    expect(decideTiming({ ...takeDown, publishAt: at(2), unpublishAt: at(1) })).toMatchObject({
      rule: 'desk.unpublish-at.before-publish',
    })
    expect(decideTiming({ ...takeDown, embargoUntil: at(3), unpublishAt: at(2) })).toMatchObject({
      rule: 'desk.unpublish-at.before-publish',
    })
    expect(decideTiming({ ...takeDown, publishAt: at(2), unpublishAt: at(3) }).ok).toBe(true)
    expect(decideTiming({ ...base, role: 'contributor', embargoUntil: at(1) })).toMatchObject({
      rule: 'desk.timing.role',
      code: 'forbidden',
    })
  })
  it('parses request values strictly', () => {
    expect(parseTimingValue(undefined)).toBe(undefined)
    expect(parseTimingValue(null)).toBe(null)
    expect(parseTimingValue('2030-01-01T00:00:00Z')).toEqual(new Date('2030-01-01T00:00:00Z'))
    for (const bad of [
      'tomorrow',
      12,
      {},
      [],
      '2030-13-40',
      'x'.repeat(100),
      '+275760-09-13T00:00:00Z',
      '2030-01-01T00:00:00Z\u0000',
      '2030-01-01 junk',
    ]) {
      expect(parseTimingValue(bad)).toBe('invalid')
    }
  })
})

describe('correction rules', () => {
  const base = {
    role: 'editor' as const,
    state: 'published',
    live: true,
    kind: 'correction',
    text: 'Fixed.',
    date: null,
    now: NOW,
  }
  it('editors add corrections of known kinds with sane text and dates to live articles only', () => {
    expect(decideCorrection(base).ok).toBe(true)
    expect(decideCorrection({ ...base, role: 'contributor' })).toMatchObject({
      rule: 'desk.correction.role',
    })
    expect(decideCorrection({ ...base, live: false, state: 'approved' })).toMatchObject({
      rule: 'desk.correction.not-live',
    })
    expect(decideCorrection({ ...base, kind: 'retraction' })).toMatchObject({
      rule: 'desk.correction.kind',
    })
    expect(decideCorrection({ ...base, text: '   ' })).toMatchObject({
      rule: 'desk.correction.text',
    })
    expect(decideCorrection({ ...base, text: 'x'.repeat(2001) })).toMatchObject({
      rule: 'desk.correction.text',
    })
    expect(decideCorrection({ ...base, date: at(1) })).toMatchObject({
      rule: 'desk.correction.date',
    })
    expect(decideCorrection({ ...base, date: 'invalid' })).toMatchObject({
      rule: 'desk.correction.date',
    })
    expect(decideCorrection({ ...base, date: at(-100) }).ok).toBe(true)
  })
})

describe('bulk requests', () => {
  it('accepts 1 to 50 ids for submit/approve/publish/schedule', () => {
    expect(decideBulkRequest({ action: 'approve', ids: [1, '2'] }).ok).toBe(true)
    for (const bad of [
      { action: 'unpublish', ids: [1] },
      { action: 'approve', ids: [] },
      { action: 'approve', ids: Array.from({ length: 51 }, (_, i) => i + 1) },
      { action: 'approve', ids: [0] },
      { action: 'approve', ids: [1.5] },
      { action: 'approve', ids: ['1 OR 1=1'] },
      { action: 'approve', ids: 'all' },
    ]) {
      expect(decideBulkRequest(bad)).toMatchObject({ ok: false, code: 'bad_request' })
    }
  })
})

describe('calendar ranges', () => {
  it('a day or a week of UTC days; bad dates refused', () => {
    const week = calendarRange({ from: '2026-11-29', span: 'week', now: NOW })
    expect(week.ok && week.days).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ])
    const today = calendarRange({ span: 'day', now: NOW })
    expect(today.ok && today.days).toEqual(['2026-06-01'])
    for (const from of ['2026-02-30', 'today', '0001-01-01', '2026-1-1']) {
      expect(calendarRange({ from, now: NOW }).ok).toBe(false)
    }
    expect(calendarRange({ span: 'month', now: NOW }).ok).toBe(false)
  })
})

describe('notification mails', () => {
  it('renders en and id, with the note, escaping HTML and header-breaking characters', () => {
    const en = renderMail({
      kind: 'changes_requested',
      lang: 'en',
      recipientName: 'Citra',
      title: 'Flood <b>\r\nBcc: x@y',
      url: 'http://cms/admin/collections/articles/1',
      note: 'Check <quote>',
    })
    expect(en.subject).toBe('Changes requested: Flood <b> Bcc: x@y')
    expect(en.subject).not.toMatch(/[\r\n]/)
    expect(en.text).toContain('Check <quote>')
    expect(en.html).toContain('Check &lt;quote&gt;')
    expect(en.html).not.toContain('<b>')
    const id = renderMail({
      kind: 'published',
      lang: 'id',
      recipientName: 'Citra',
      title: 'Banjir',
      url: 'u',
    })
    expect(id.subject).toBe('Terbit: Banjir')
    expect(id.text).toContain('Artikel Anda telah terbit.')
  })
})

describe('SMTP_URL', () => {
  it('accepts smtp:// and smtps:// URLs and refuses anything else without echoing the value', () => {
    expect(parseSmtpUrl(undefined)).toBe(undefined)
    expect(parseSmtpUrl('smtp://user:secret@mail.example.com:587')).toBe(
      'smtp://user:secret@mail.example.com:587',
    )
    expect(parseSmtpUrl('smtps://mail.example.com')).toBe('smtps://mail.example.com')
    for (const bad of ['http://user:secret@mail', 'not a url secret', 'smtp://']) {
      expect(() => parseSmtpUrl(bad)).toThrow(/SMTP_URL/)
      try {
        parseSmtpUrl(bad)
      } catch (err) {
        expect((err as Error).message).not.toContain('secret')
      }
    }
  })
})
