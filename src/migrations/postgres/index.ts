import * as migration_20261126_222043_initial from './20261126_222043_initial'
import * as migration_20261129_142241_related_visibility_flags from './20261129_142241_related_visibility_flags'
import * as migration_20261129_142552_audit_trail_survives_deletion from './20261129_142552_audit_trail_survives_deletion'
import * as migration_20261129_145701_combined_schema_snapshot from './20261129_145701_combined_schema_snapshot'
import * as migration_20261129_174547_import_review_confidence from './20261129_174547_import_review_confidence'

export const migrations = [
  {
    up: migration_20261126_222043_initial.up,
    down: migration_20261126_222043_initial.down,
    name: '20261126_222043_initial',
  },
  {
    up: migration_20261129_142241_related_visibility_flags.up,
    down: migration_20261129_142241_related_visibility_flags.down,
    name: '20261129_142241_related_visibility_flags',
  },
  {
    up: migration_20261129_142552_audit_trail_survives_deletion.up,
    down: migration_20261129_142552_audit_trail_survives_deletion.down,
    name: '20261129_142552_audit_trail_survives_deletion',
  },
  {
    up: migration_20261129_145701_combined_schema_snapshot.up,
    down: migration_20261129_145701_combined_schema_snapshot.down,
    name: '20261129_145701_combined_schema_snapshot',
  },
  {
    up: migration_20261129_174547_import_review_confidence.up,
    down: migration_20261129_174547_import_review_confidence.down,
    name: '20261129_174547_import_review_confidence',
  },
]
