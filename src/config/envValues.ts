import { ConfigError } from './errors'

type Env = Record<string, string | undefined>

/** A whole number from `min` to `max` in `env[name]`, `fallback` when unset; else a ConfigError naming it. */
export const readInt = (
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number => {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      name,
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    )
  }
  return Number(raw)
}
