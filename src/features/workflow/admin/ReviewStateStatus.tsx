'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'

import { langOf, t } from '@/admin/labels'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'

/**
 * The edit view header's status (replaces Payload's "Status: Draft/Published"): editors see one
 * state, the review state. Payload's `_status` stays in the API for developers.
 */
export const ReviewStateStatus = () => {
  const { i18n } = useTranslation()
  const lang = langOf(i18n?.language)
  const state = useFormFields(([fields]) => fields.workflowStatus?.value as string | undefined)
  return (
    <div className="doc-controls__status" data-testid="header-review-state">
      <span className="redaksi-muted">{t(lang, 'currentState')}:&nbsp;</span>
      <WorkflowBadge state={state ?? 'draft'} lang={lang} testId="header-review-state-badge" />
    </div>
  )
}
