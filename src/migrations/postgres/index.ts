import * as migration_20261126_222043_initial from './20261126_222043_initial'

export const migrations = [
  {
    up: migration_20261126_222043_initial.up,
    down: migration_20261126_222043_initial.down,
    name: '20261126_222043_initial',
  },
]
