import { APIError } from 'payload'

/**
 * A refused workflow request. `status` is the HTTP status (400, 403, 404, 409) and `rule` the id
 * of the rule that refused it; Payload answers `{ errors: [{ message, data: { rule } }] }`.
 */
export class WorkflowError extends APIError<{ rule: string }> {
  readonly rule: string

  constructor(status: number, rule: string, message: string) {
    super(message, status, { rule }, true)
    this.name = 'WorkflowError'
    this.rule = rule
  }
}
