import type { UIFieldServerProps } from 'payload'

import { AUDIT_EVENTS_SLUG } from '@collections/slugs'
import { formatDateTime, langOf, t } from '@/admin/labels'
import { auditActionLabels } from '@/features/audit/labels'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'

const LIMIT = 100

/**
 * Article edit view, sidebar (a `ui` field): the article's audit trail, newest first — when, who,
 * what, from → to, and the note (e.g. the changes an editor asked for).
 */
export const AuditHistory = async ({ id, payload, user, i18n }: UIFieldServerProps) => {
  if (!id) return null
  const lang = langOf(i18n?.language)
  const { docs, totalDocs } = await payload.find({
    collection: AUDIT_EVENTS_SLUG,
    where: { article: { equals: id } },
    sort: '-at',
    depth: 0,
    limit: LIMIT,
    overrideAccess: false,
    user,
  })

  return (
    <div className="redaksi-panel" data-testid="audit-history">
      <h3 className="redaksi-panel__title">
        {t(lang, 'history')} {totalDocs > 0 && <span className="redaksi-muted">({totalDocs})</span>}
      </h3>
      {docs.length === 0 ? (
        <p className="redaksi-muted">{t(lang, 'historyEmpty')}</p>
      ) : (
        <ol className="redaksi-history">
          {docs.map((event) => (
            <li
              key={event.id}
              className="redaksi-history__item"
              data-action={event.action}
              data-testid="audit-event"
            >
              <div className="redaksi-history__head">
                <strong>{auditActionLabels[event.action]?.[lang] ?? event.action}</strong>
                <time className="redaksi-muted" dateTime={event.at}>
                  {formatDateTime(event.at, lang)}
                </time>
              </div>
              <div className="redaksi-history__who">{event.actorLabel}</div>
              {(event.fromState || event.toState) && (
                <div className="redaksi-history__states">
                  {event.fromState ? (
                    <WorkflowBadge state={event.fromState} lang={lang} testId="audit-from" />
                  ) : (
                    '—'
                  )}
                  <span aria-hidden="true"> → </span>
                  {event.toState ? (
                    <WorkflowBadge state={event.toState} lang={lang} testId="audit-to" />
                  ) : (
                    '—'
                  )}
                </div>
              )}
              {event.override && (
                <div className="redaksi-warning">
                  {t(lang, 'overridden')}: {event.override}
                </div>
              )}
              {event.note && (
                <blockquote className="redaksi-history__note" data-testid="audit-note">
                  {event.note}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
