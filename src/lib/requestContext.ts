import type { RequestContext } from 'payload'

/**
 * The flags Redaksi passes between its own code through Payload's `req.context`, in one place.
 * Each is set by exactly one writer and read by the hooks named here.
 */
export const CONTEXT = {
  /** The workflow service's own write (guardWorkflowFields, keepWorkflowFields and the audit hooks let it through). */
  workflowTransition: 'workflowTransition',
  /** The importer's writes (source group, control characters, initial state, audit). */
  import: 'import',
  /** The importer already reserved the slug (uniqueSlug keeps it). */
  slugReserved: 'slugReserved',
  /** Article ids a direct save publishes as `publish_changes` (guard → audit hook). */
  publishChangesIds: 'publishChangesIds',
  /** The source id of a duplicate (guard → audit hook). */
  duplicateOfId: 'duplicateOfId',
  /** What the live article pointed at before a change (visibility hooks). */
  visibilityBefore: 'redaksi.visibility.before',
  /** Payload's own flag while it restores a version. */
  isRestoringVersion: 'isRestoringVersion',
  /** Webhook secrets a read may return: `true` for the delivery task, else the ones this request just set (shown once). */
  webhookSecretReveal: 'webhookSecretReveal',
} as const

/** Payload's `req.context`, typed with Redaksi's flags (module augmentation, as Payload documents). */
declare module 'payload' {
  export interface RequestContext {
    workflowTransition?: boolean
    import?: boolean
    slugReserved?: boolean
    publishChangesIds?: string[]
    duplicateOfId?: string
    'redaksi.visibility.before'?: Record<string, unknown>
    isRestoringVersion?: boolean
    webhookSecretReveal?: true | string[]
  }
}

/** Context for the importer's Local API calls. */
export const IMPORT_CONTEXT: RequestContext = { [CONTEXT.import]: true }
