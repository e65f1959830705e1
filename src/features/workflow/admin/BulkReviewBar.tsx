import type { ServerProps } from 'payload'

import { roleOf } from '@/access/roles'
import { langOf } from '@/admin/labels'
import { BulkReview } from '@/features/workflow/admin/BulkReview'
import { deskLabels } from '@/features/workflow/deskLabels'
import { workflowActionLabels } from '@/features/workflow/labels'
import { BULK_ACTIONS } from '@/features/workflow/rules/desk'

/** Server wrapper of the bulk review bar: labels in the admin language, shown to staff. */
export const BulkReviewBar = ({ i18n, user }: ServerProps) => {
  const role = roleOf({ user })
  if (!role) return null
  const lang = langOf(i18n?.language)
  const actions = BULK_ACTIONS.filter((a) => role !== 'contributor' || a === 'submit')
  return (
    <BulkReview
      actions={actions.map((action) => ({ action, label: workflowActionLabels[action][lang] }))}
      strings={{
        title: deskLabels.bulkTitle[lang],
        none: deskLabels.bulkNone[lang],
        done: deskLabels.bulkDone[lang],
        refused: deskLabels.bulkRefused[lang],
        publishAt: deskLabels.publishAt[lang],
      }}
    />
  )
}
