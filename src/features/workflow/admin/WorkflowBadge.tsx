import type { WorkflowState } from '@/features/workflow/rules/transitions'
import { isWorkflowState } from '@/features/workflow/rules/transitions'
import { stateLabels } from '@/features/workflow/labels'
import type { Lang } from '@/admin/labels'

/**
 * Coloured pill for an article's review state (colours in custom.scss, per `data-state`).
 * Plain component without hooks: usable from server and client components alike.
 */
export const WorkflowBadge = ({
  state,
  lang,
  testId = 'workflow-badge',
}: {
  state: WorkflowState | string | null | undefined
  lang: Lang
  testId?: string
}) => {
  const known = isWorkflowState(state)
  return (
    <span
      className="redaksi-badge redaksi-workflow-badge"
      data-state={known ? state : 'unknown'}
      data-testid={testId}
    >
      {known ? stateLabels[state][lang] : String(state ?? '—')}
    </span>
  )
}
