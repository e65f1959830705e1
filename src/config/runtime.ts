/**
 * Settings one part of the process hands to another at run time (instead of signalling through
 * environment variables). Kept on globalThis: Next's route handlers load their own copy of the modules,
 * and they must see what the server set.
 */
interface RuntimeSettings {
  /** `npm start`/a CLI without NODE_ENV: production mode with the local secret rules. */
  localStart: boolean
  /** Origins of the socket the server bound (trusted for CSRF). */
  listenOrigins: string[]
  /** CLIs: logs go to stderr so stdout stays machine-readable. */
  logToStderr: boolean
  /** `npm run seed -- --dry-run`: start-up work that writes (backfills, index builds) is skipped. */
  readOnly: boolean
}

const store = globalThis as typeof globalThis & { __redaksiRuntime?: RuntimeSettings }

const settings = (): RuntimeSettings =>
  (store.__redaksiRuntime ??= {
    localStart: false,
    listenOrigins: [],
    logToStderr: false,
    readOnly: false,
  })

export const runtime = {
  get: (): Readonly<RuntimeSettings> => settings(),
  markLocalStart: (): void => {
    settings().localStart = true
  },
  setListenOrigins: (origins: string[]): void => {
    settings().listenOrigins = [...origins]
  },
  logToStderr: (): void => {
    settings().logToStderr = true
  },
  markReadOnly: (): void => {
    settings().readOnly = true
  },
}
