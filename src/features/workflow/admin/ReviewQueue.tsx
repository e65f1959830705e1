import type { ServerProps, Where } from 'payload'

import { ARTICLES_SLUG, AUDIT_EVENTS_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { WORKFLOW_STATES } from '@/features/workflow/rules/transitions'
import { formatAge, formatDateTime, langOf, t } from '@/admin/labels'
import { stateLabels } from '@/features/workflow/labels'
import { roleOf } from '@/access/roles'
import { articlesByStateURL, articleURL, NEEDS_ATTENTION_URL, namesOf } from '@/admin/shared'
import { tImport } from '@/features/import/labels'
import { idOf } from '@/lib/ids'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'
import { deskLabels, formatCountdown } from '@/features/workflow/deskLabels'

const QUEUE_LIMIT = 50

/**
 * Dashboard panel (admin.components.beforeDashboard): article counts per review state, each
 * linking to the filtered list, and the articles waiting for review, oldest first. Queries run
 * with the signed-in user's access; contributors only see their own articles.
 */
export const ReviewQueue = async ({ payload, user, i18n, searchParams }: ServerProps) => {
  if (!user) return null
  const lang = langOf(i18n?.language)
  const role = roleOf({ user })
  if (!role) return null
  const ownOnly: Where | null =
    role === 'contributor' ? { createdBy: { equals: idOf(user) } } : null
  const scoped = (where: Where): Where => (ownOnly ? { and: [where, ownOnly] } : where)
  // The queue's filters: ?queue=mine (assigned to me) or ?queue=unassigned.
  const filter =
    searchParams?.queue === 'mine' || searchParams?.queue === 'unassigned'
      ? searchParams.queue
      : null
  const byAssignee = (which: 'mine' | 'unassigned'): Where =>
    which === 'mine' ? { assignee: { equals: idOf(user) } } : { assignee: { exists: false } }
  const inReview: Where = { workflowStatus: { equals: 'in_review' } }
  const [mineCount, unassignedCount] = await Promise.all(
    (['mine', 'unassigned'] as const).map(
      async (which) =>
        (
          await payload.count({
            collection: ARTICLES_SLUG,
            where: scoped({ and: [inReview, byAssignee(which)] }),
            overrideAccess: false,
            user,
          })
        ).totalDocs,
    ),
  )
  const embargoed = await payload.find({
    collection: ARTICLES_SLUG,
    where: scoped({
      and: [
        { embargoUntil: { greater_than: new Date().toISOString() } },
        { workflowStatus: { not_equals: 'published' } },
      ],
    }),
    sort: 'embargoUntil',
    depth: 0,
    limit: 20,
    overrideAccess: false,
    user,
    select: { title: true, embargoUntil: true, workflowStatus: true },
  })

  const counts = await Promise.all(
    WORKFLOW_STATES.map(async (state) => {
      const { totalDocs } = await payload.count({
        collection: ARTICLES_SLUG,
        where: scoped({ workflowStatus: { equals: state } }),
        overrideAccess: false,
        user,
      })
      return { state, totalDocs }
    }),
  )

  const attention = await payload.count({
    collection: ARTICLES_SLUG,
    where: scoped({ 'source.needsAttention': { equals: true } }),
    overrideAccess: false,
    user,
  })

  const queue = await payload.find({
    collection: ARTICLES_SLUG,
    where: scoped(filter ? { and: [inReview, byAssignee(filter)] } : inReview),
    sort: 'updatedAt',
    depth: 1,
    limit: QUEUE_LIMIT,
    overrideAccess: false,
    user,
    select: {
      title: true,
      authors: true,
      outlet: true,
      source: { fileName: true },
      updatedAt: true,
    },
    populate: { authors: { name: true } },
  })
  const articles = queue.docs as Pick<
    Article,
    'id' | 'title' | 'authors' | 'outlet' | 'source' | 'updatedAt'
  >[]

  // When did each article enter review? The newest audit event that moved it to in_review
  // (submit or import); articles without one fall back to their last update.
  const enteredAt = new Map<string, string>()
  if (articles.length > 0) {
    const events = await payload.find({
      collection: AUDIT_EVENTS_SLUG,
      where: {
        and: [{ article: { in: articles.map((a) => a.id) } }, { toState: { equals: 'in_review' } }],
      },
      sort: '-at',
      depth: 0,
      limit: 500,
      pagination: false,
      overrideAccess: false,
      user,
      select: { article: true, at: true },
    })
    for (const event of events.docs) {
      const key = String(idOf(event.article))
      if (!enteredAt.has(key)) enteredAt.set(key, event.at)
    }
  }
  const now = new Date()
  const rows = articles
    .map((a) => ({ ...a, since: enteredAt.get(String(a.id)) ?? a.updatedAt }))
    .sort((a, b) => new Date(a.since).getTime() - new Date(b.since).getTime())

  return (
    <section className="redaksi-review-queue" data-testid="review-queue">
      <div className="redaksi-review-queue__header">
        <h2 className="redaksi-review-queue__title">{t(lang, 'reviewQueue')}</h2>
        <a className="redaksi-review-queue__all" href="/admin/collections/articles">
          {t(lang, 'allArticles')} →
        </a>
      </div>
      <ul className="redaksi-review-queue__counts" data-testid="review-queue-counts">
        {counts.map(({ state, totalDocs }) => (
          <li key={state}>
            <a
              className="redaksi-review-queue__count"
              data-state={state}
              data-testid={`review-queue-count-${state}`}
              href={articlesByStateURL(state)}
              title={stateLabels[state][lang]}
            >
              <span className="redaksi-review-queue__count-number">{totalDocs}</span>
              <WorkflowBadge state={state} lang={lang} testId="review-queue-state" />
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a
          className="redaksi-review-queue__count"
          data-testid="review-queue-needs-attention"
          href={NEEDS_ATTENTION_URL}
        >
          <span className="redaksi-review-queue__count-number">{attention.totalDocs}</span>{' '}
          {tImport(lang, 'needsAttention')}
        </a>
      </p>
      {ownOnly && <p className="redaksi-muted">{t(lang, 'reviewQueueOwnOnly')}</p>}
      <nav className="redaksi-quick-filters" data-testid="review-queue-filters">
        <a aria-current={filter === null ? 'true' : undefined} href="/admin">
          {t(lang, 'all')}
        </a>
        <a
          aria-current={filter === 'mine' ? 'true' : undefined}
          data-testid="review-queue-assigned-to-me"
          href="/admin?queue=mine"
        >
          {deskLabels.assignedToMe[lang]} <span className="redaksi-muted">{mineCount}</span>
        </a>
        <a
          aria-current={filter === 'unassigned' ? 'true' : undefined}
          data-testid="review-queue-unassigned"
          href="/admin?queue=unassigned"
        >
          {deskLabels.unassigned[lang]} <span className="redaksi-muted">{unassignedCount}</span>
        </a>
      </nav>
      {embargoed.docs.length > 0 && (
        <>
          <h3 className="redaksi-review-queue__subtitle">
            {deskLabels.embargoedQueue[lang]} ({embargoed.totalDocs})
          </h3>
          <ol className="redaksi-review-queue__list" data-testid="review-queue-embargoed">
            {embargoed.docs.map((a) => (
              <li key={a.id} className="redaksi-review-queue__row">
                <a className="redaksi-review-queue__link" href={articleURL(a.id)}>
                  {a.title || t(lang, 'untitled')}
                </a>
                <span className="redaksi-review-queue__meta">
                  <WorkflowBadge state={a.workflowStatus} lang={lang} />
                  <span
                    data-testid="review-queue-embargo-countdown"
                    title={a.embargoUntil ? formatDateTime(a.embargoUntil, lang) : ''}
                  >
                    {deskLabels.embargoed[lang]}, {deskLabels.liftsIn[lang]}{' '}
                    {a.embargoUntil ? formatCountdown(a.embargoUntil, now) : ''}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h3 className="redaksi-review-queue__subtitle">
        {t(lang, 'waitingForReview')} ({queue.totalDocs})
      </h3>
      {rows.length === 0 ? (
        <p className="redaksi-muted" data-testid="review-queue-empty">
          {t(lang, 'reviewQueueEmpty')}
        </p>
      ) : (
        <ol className="redaksi-review-queue__list">
          {rows.map((a) => {
            const authors = namesOf(a.authors)
            const imported = Boolean(a.source?.fileName)
            return (
              <li key={a.id} className="redaksi-review-queue__row">
                <a
                  className="redaksi-review-queue__link"
                  data-testid="review-queue-item"
                  href={articleURL(a.id)}
                >
                  {a.title || t(lang, 'untitled')}
                </a>
                <span className="redaksi-review-queue__meta">
                  <span>{authors.length ? authors.join(', ') : t(lang, 'noAuthors')}</span>
                  <span>{a.outlet || t(lang, 'noOutlet')}</span>
                  <span
                    className="redaksi-badge"
                    data-origin={imported ? 'imported' : 'written-here'}
                    title={imported ? (a.source?.fileName ?? '') : ''}
                  >
                    {imported ? t(lang, 'imported') : t(lang, 'writtenHere')}
                  </span>
                  <span
                    className="redaksi-review-queue__age"
                    data-testid="review-queue-age"
                    title={formatDateTime(a.since, lang)}
                  >
                    {t(lang, 'waiting')} {formatAge(a.since, now)}
                  </span>
                </span>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
