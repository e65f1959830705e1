/**
 * Command-line tools run in the same mode as `npm start` unless NODE_ENV says otherwise: the
 * production schema handling (committed migrations), with the local secret rules of a trial run.
 * Import this before the Payload config.
 */
if (!process.env.NODE_ENV) {
  Object.assign(process.env, { NODE_ENV: 'production', REDAKSI_LOCAL_START: '1' })
}
// Logs go to stderr so stdout stays machine-readable (e.g. `npm run seed -- --json`).
process.env.REDAKSI_LOG_TO_STDERR = '1'

export {}
