/** WORKFLOW_FOUR_EYES=false turns the four-eyes rule off; anything else (or unset) keeps it on. */
export const fourEyesEnabled = (env: NodeJS.ProcessEnv = process.env): boolean =>
  (env.WORKFLOW_FOUR_EYES ?? 'true').trim().toLowerCase() !== 'false'
