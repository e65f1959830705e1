/**
 * Command-line tools run in the same mode as `npm start` unless NODE_ENV says otherwise: the
 * production schema handling (committed migrations), with the local secret rules of a trial run.
 * Import this before the Payload config.
 */
import { enterProductionMode, env, prepareSecretFile } from '@/config/env'
import { isConfigError } from '@/config/errors'
import { runtime } from '@/config/runtime'

if (!env.nodeEnv()) enterProductionMode()
// Logs go to stderr so stdout stays machine-readable (e.g. `npm run seed -- --json`).
runtime.logToStderr()
try {
  prepareSecretFile()
} catch (err) {
  // a missing production secret is reported by the tool itself when it loads the config
  if (!isConfigError(err)) throw err
}

export {}
