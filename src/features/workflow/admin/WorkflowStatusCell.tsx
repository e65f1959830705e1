import type { DefaultServerCellComponentProps } from 'payload'

import { langOf } from '@/admin/labels'
import { WorkflowBadge } from '@/features/workflow/admin/WorkflowBadge'

/** Article list cell for `workflowStatus`: a coloured state badge. */
export const WorkflowStatusCell = ({ cellData, i18n }: DefaultServerCellComponentProps) => (
  <WorkflowBadge state={cellData as string | null} lang={langOf(i18n?.language)} />
)
