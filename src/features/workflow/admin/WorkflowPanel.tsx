import type { UIFieldServerProps } from 'payload'

import { ARTICLES_SLUG, EDITORS_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { fourEyesEnabled } from '@/features/workflow/config'
import {
  availableActions,
  isWorkflowState,
  transitionContext,
  TRANSITIONS,
} from '@/features/workflow/rules/transitions'
import type { WorkflowState } from '@/features/workflow/rules/transitions'
import { formatDateTime, langOf, t, ui } from '@/admin/labels'
import { stateLabels, workflowActionLabels } from '@/features/workflow/labels'
import { roleOf } from '@/access/roles'
import { idOf, sameId } from '@/lib/ids'
import { WorkflowActions } from '@/features/workflow/admin/WorkflowActions'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'
import { DeskControls } from '@/features/workflow/admin/DeskControls'
import { deskLabels, formatCountdown } from '@/features/workflow/deskLabels'
import { PhotoRightsNotice } from '@/features/photos/admin/PhotoRightsNotice'

/**
 * Article edit view, sidebar (a `ui` field): the current review state and one button per
 * workflow action this user may take now (from the rule book, src/features/workflow/rules/transitions.ts).
 * The buttons call POST /api/articles/:id/workflow; see WorkflowActions.
 */
export const WorkflowPanel = async ({ id, payload, user, i18n }: UIFieldServerProps) => {
  const lang = langOf(i18n?.language)
  const heading = <h3 className="redaksi-panel__title">{t(lang, 'workflow')}</h3>

  const article = id
    ? ((await payload.findByID({
        collection: ARTICLES_SLUG,
        id,
        draft: true,
        depth: 0,
        overrideAccess: false,
        user,
        disableErrors: true,
        select: {
          workflowStatus: true,
          submittedBy: true,
          createdBy: true,
          publishAt: true,
          assignee: true,
          embargoUntil: true,
          unpublishAt: true,
          featuredMedia: true,
        },
      })) as Pick<
        Article,
        | 'id'
        | 'workflowStatus'
        | 'submittedBy'
        | 'createdBy'
        | 'publishAt'
        | 'assignee'
        | 'embargoUntil'
        | 'unpublishAt'
        | 'featuredMedia'
      > | null)
    : null

  if (!article) {
    return (
      <div className="redaksi-panel" data-testid="workflow-panel">
        {heading}
        <WorkflowBadge state="draft" lang={lang} />
        <p className="redaksi-muted">{t(lang, 'saveFirst')}</p>
      </div>
    )
  }

  const state: WorkflowState = isWorkflowState(article.workflowStatus)
    ? article.workflowStatus
    : 'draft'
  const role = roleOf({ user })
  const userId = idOf(user)
  const fourEyes = fourEyesEnabled()
  const actions =
    role && userId !== null
      ? availableActions(transitionContext(article, { id: userId, role }, { fourEyes }))
      : []
  // Admins see approve/publish/schedule on their own submission: they override four-eyes.
  const overridesFourEyes =
    fourEyes &&
    role === 'admin' &&
    sameId(article.submittedBy, userId) &&
    actions.some((action) => TRANSITIONS[action].fourEyes)

  const desk = role === 'editor' || role === 'admin'
  const reviewers = desk
    ? (
        await payload.find({
          collection: EDITORS_SLUG,
          where: { role: { in: ['editor', 'admin'] } },
          sort: 'name',
          limit: 200,
          depth: 0,
          overrideAccess: false,
          user,
          select: { name: true },
        })
      ).docs.map((e) => ({ id: e.id, name: e.name }))
    : []
  const embargoed = Boolean(
    article.embargoUntil && new Date(article.embargoUntil).getTime() > Date.now(),
  )

  return (
    <div className="redaksi-panel" data-testid="workflow-panel" data-state={state}>
      {heading}
      <div className="redaksi-panel__state">
        <span className="redaksi-muted">{t(lang, 'currentState')}:</span>{' '}
        <span data-testid="workflow-state" data-state={state}>
          <WorkflowBadge state={state} lang={lang} />
        </span>
      </div>
      {state === 'scheduled' && article.publishAt && (
        <p className="redaksi-muted" data-testid="workflow-publish-at">
          {t(lang, 'scheduledFor')}: {formatDateTime(article.publishAt, lang)}
        </p>
      )}
      {embargoed && article.embargoUntil && (
        <p className="redaksi-muted" data-testid="workflow-embargo">
          <span className="redaksi-badge" data-embargo="active">
            {deskLabels.embargoed[lang]}
          </span>{' '}
          {formatDateTime(article.embargoUntil, lang)} ({deskLabels.liftsIn[lang]}{' '}
          {formatCountdown(article.embargoUntil)})
        </p>
      )}
      {article.unpublishAt && (
        <p className="redaksi-muted" data-testid="workflow-unpublish-at">
          {deskLabels.unpublishAt[lang]}: {formatDateTime(article.unpublishAt, lang)}
        </p>
      )}
      {overridesFourEyes && <p className="redaksi-muted">{t(lang, 'fourEyesOverride')}</p>}
      <PhotoRightsNotice
        featuredMedia={article.featuredMedia}
        payload={payload}
        user={user}
        lang={lang}
      />
      <WorkflowActions
        articleId={article.id}
        actions={actions.map((action) => ({ action, label: workflowActionLabels[action][lang] }))}
        lang={lang}
        stateNames={Object.fromEntries(
          Object.entries(stateLabels).map(([value, labels]) => [value, labels[lang]]),
        )}
        strings={{
          noActions: ui.noActions[lang],
          unsavedChanges: ui.unsavedChanges[lang],
          note: ui.note[lang],
          noteRequired: ui.noteRequired[lang],
          publishAt: ui.publishAt[lang],
          publishAtRequired: ui.publishAtRequired[lang],
          confirm: ui.confirm[lang],
          cancel: ui.cancel[lang],
          working: ui.working[lang],
        }}
      />
      {desk && (
        <DeskControls
          articleId={article.id}
          assignee={idOf(article.assignee)}
          reviewers={reviewers}
          embargoUntil={article.embargoUntil ?? null}
          unpublishAt={article.unpublishAt ?? null}
          strings={{
            assignee: deskLabels.assignee[lang],
            nobody: deskLabels.nobody[lang],
            assign: deskLabels.assign[lang],
            embargoUntil: deskLabels.embargoUntil[lang],
            unpublishAt: deskLabels.unpublishAt[lang],
            save: deskLabels.save[lang],
            clear: deskLabels.clear[lang],
            saved: deskLabels.saved[lang],
          }}
        />
      )}
    </div>
  )
}
