import { env } from '@/config/env'

/** WORKFLOW_FOUR_EYES=false turns the four-eyes rule off; anything else (or unset) keeps it on. */
export const fourEyesEnabled = (): boolean => env.fourEyes()
