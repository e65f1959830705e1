import * as migration_20261126_222040_initial from './20261126_222040_initial'
import * as migration_20261129_142232_related_visibility_flags from './20261129_142232_related_visibility_flags'

export const migrations = [
  {
    up: migration_20261126_222040_initial.up,
    down: migration_20261126_222040_initial.down,
    name: '20261126_222040_initial',
  },
  {
    up: migration_20261129_142232_related_visibility_flags.up,
    down: migration_20261129_142232_related_visibility_flags.down,
    name: '20261129_142232_related_visibility_flags',
  },
]
