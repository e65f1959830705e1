import * as migration_20261126_222040_initial from './20261126_222040_initial'
import * as migration_20261129_142232_related_visibility_flags from './20261129_142232_related_visibility_flags'
import * as migration_20261129_142540_audit_trail_survives_deletion from './20261129_142540_audit_trail_survives_deletion'
import * as migration_20261129_145652_combined_schema_snapshot from './20261129_145652_combined_schema_snapshot'
import * as migration_20261129_150000_article_ids_never_reused from './20261129_150000_article_ids_never_reused'
import * as migration_20261129_174536_import_review_confidence from './20261129_174536_import_review_confidence'

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
  {
    up: migration_20261129_142540_audit_trail_survives_deletion.up,
    down: migration_20261129_142540_audit_trail_survives_deletion.down,
    name: '20261129_142540_audit_trail_survives_deletion',
  },
  {
    up: migration_20261129_145652_combined_schema_snapshot.up,
    down: migration_20261129_145652_combined_schema_snapshot.down,
    name: '20261129_145652_combined_schema_snapshot',
  },
  {
    up: migration_20261129_150000_article_ids_never_reused.up,
    down: migration_20261129_150000_article_ids_never_reused.down,
    name: '20261129_150000_article_ids_never_reused',
  },
  {
    up: migration_20261129_174536_import_review_confidence.up,
    down: migration_20261129_174536_import_review_confidence.down,
    name: '20261129_174536_import_review_confidence',
  },
]
