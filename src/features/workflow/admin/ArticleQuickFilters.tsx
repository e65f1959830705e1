import type { BeforeListServerProps } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { WORKFLOW_STATES } from '@/features/workflow/rules/transitions'
import { langOf, t } from '@/admin/labels'
import { stateLabels } from '@/features/workflow/labels'
import { deskLabels } from '@/features/workflow/deskLabels'
import { idOf } from '@/lib/ids'
import { articlesByStateURL, NEEDS_ATTENTION_URL } from '@/admin/shared'
import { tImport } from '@/features/import/labels'

/** Whether the current list URL filters on `source.needsAttention`. */
const attentionActive = (searchParams: Record<string, unknown> | undefined): boolean => {
  if (!searchParams) return false
  if (searchParams['where[source.needsAttention][equals]'] === 'true') return true
  const where = searchParams.where as Record<string, { equals?: unknown }> | undefined
  return String(where?.['source.needsAttention']?.equals) === 'true'
}

/** The `where[workflowStatus][equals]` filter of the current list URL, if any. */
const activeState = (searchParams: Record<string, unknown> | undefined): string | null => {
  if (!searchParams) return null
  const flat = searchParams['where[workflowStatus][equals]']
  if (typeof flat === 'string') return flat
  const where = searchParams.where as { workflowStatus?: { equals?: unknown } } | undefined
  return typeof where?.workflowStatus?.equals === 'string' ? where.workflowStatus.equals : null
}

/**
 * Above the article list (admin.components.beforeList): one link per review state with its count,
 * filtering the list through Payload's own `where` query.
 */
export const ArticleQuickFilters = async ({
  payload,
  user,
  i18n,
  searchParams,
}: BeforeListServerProps) => {
  const lang = langOf(i18n?.language)
  const active = activeState(searchParams as Record<string, unknown> | undefined)
  const counts = await Promise.all(
    WORKFLOW_STATES.map(async (state) => {
      const { totalDocs } = await payload.count({
        collection: ARTICLES_SLUG,
        where: { workflowStatus: { equals: state } },
        overrideAccess: false,
        user,
      })
      return { state, totalDocs }
    }),
  )
  // Imported articles the parser flagged (low confidence in a field an editor checks).
  const attention = await payload.count({
    collection: ARTICLES_SLUG,
    where: { 'source.needsAttention': { equals: true } },
    overrideAccess: false,
    user,
  })
  const attentionOn = attentionActive(searchParams as Record<string, unknown> | undefined)
  return (
    <nav className="redaksi-quick-filters" data-testid="article-quick-filters">
      <span className="redaksi-muted">{t(lang, 'filterByState')}</span>
      <a
        aria-current={active === null && !attentionOn ? 'true' : undefined}
        className="redaksi-quick-filters__link"
        href="/admin/collections/articles"
      >
        {t(lang, 'all')}
      </a>
      {counts.map(({ state, totalDocs }) => (
        <a
          key={state}
          aria-current={active === state ? 'true' : undefined}
          className="redaksi-quick-filters__link"
          data-state={state}
          data-testid={`quick-filter-${state}`}
          href={articlesByStateURL(state)}
        >
          {stateLabels[state][lang]} <span className="redaksi-muted">{totalDocs}</span>
        </a>
      ))}
      {user && (
        <>
          <a
            className="redaksi-quick-filters__link"
            data-testid="quick-filter-assigned-to-me"
            href={`/admin/collections/articles?where[assignee][equals]=${encodeURIComponent(String(idOf(user)))}`}
          >
            {deskLabels.assignedToMe[lang]}
          </a>
          <a
            className="redaksi-quick-filters__link"
            data-testid="quick-filter-unassigned"
            href="/admin/collections/articles?where[assignee][exists]=false"
          >
            {deskLabels.unassigned[lang]}
          </a>
        </>
      )}
      <a
        aria-current={attentionOn ? 'true' : undefined}
        className="redaksi-quick-filters__link"
        data-testid="quick-filter-needs-attention"
        href={NEEDS_ATTENTION_URL}
      >
        {tImport(lang, 'needsAttention')}{' '}
        <span className="redaksi-muted">{attention.totalDocs}</span>
      </a>
    </nav>
  )
}
