import * as migration_20261126_222043_initial from './20261126_222043_initial'
import * as migration_20261129_142241_related_visibility_flags from './20261129_142241_related_visibility_flags'
import * as migration_20261129_142552_audit_trail_survives_deletion from './20261129_142552_audit_trail_survives_deletion'
import * as migration_20261129_145701_combined_schema_snapshot from './20261129_145701_combined_schema_snapshot'
import * as migration_20261129_171539_content_rendered_fields from './20261129_171539_content_rendered_fields'
import * as migration_20261129_172054_desk_workflow_depth from './20261129_172054_desk_workflow_depth'
import * as migration_20261129_172149_api_clients from './20261129_172149_api_clients'
import * as migration_20261129_173000_search_index from './20261129_173000_search_index'
import * as migration_20261129_174051_webhooks from './20261129_174051_webhooks'
import * as migration_20261129_174530_photos from './20261129_174530_photos'
import * as migration_20261129_174547_import_review_confidence from './20261129_174547_import_review_confidence'
import * as migration_20261129_180000_fast_public_reads from './20261129_180000_fast_public_reads'
import * as migration_20261129_184544_combined_schema_snapshot_2 from './20261129_184544_combined_schema_snapshot_2'
import * as migration_20261129_190000_corrections_bump_content_generation from './20261129_190000_corrections_bump_content_generation'
import * as migration_20261129_210000_public_count_index from './20261129_210000_public_count_index'

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
    up: migration_20261129_171539_content_rendered_fields.up,
    down: migration_20261129_171539_content_rendered_fields.down,
    name: '20261129_171539_content_rendered_fields',
  },
  {
    up: migration_20261129_172054_desk_workflow_depth.up,
    down: migration_20261129_172054_desk_workflow_depth.down,
    name: '20261129_172054_desk_workflow_depth',
  },
  {
    up: migration_20261129_172149_api_clients.up,
    down: migration_20261129_172149_api_clients.down,
    name: '20261129_172149_api_clients',
  },
  {
    up: migration_20261129_173000_search_index.up,
    down: migration_20261129_173000_search_index.down,
    name: '20261129_173000_search_index',
  },
  {
    up: migration_20261129_174051_webhooks.up,
    down: migration_20261129_174051_webhooks.down,
    name: '20261129_174051_webhooks',
  },
  {
    up: migration_20261129_174530_photos.up,
    down: migration_20261129_174530_photos.down,
    name: '20261129_174530_photos',
  },
  {
    up: migration_20261129_174547_import_review_confidence.up,
    down: migration_20261129_174547_import_review_confidence.down,
    name: '20261129_174547_import_review_confidence',
  },
  {
    up: migration_20261129_180000_fast_public_reads.up,
    down: migration_20261129_180000_fast_public_reads.down,
    name: '20261129_180000_fast_public_reads',
  },
  {
    up: migration_20261129_184544_combined_schema_snapshot_2.up,
    down: migration_20261129_184544_combined_schema_snapshot_2.down,
    name: '20261129_184544_combined_schema_snapshot_2',
  },
  {
    up: migration_20261129_190000_corrections_bump_content_generation.up,
    down: migration_20261129_190000_corrections_bump_content_generation.down,
    name: '20261129_190000_corrections_bump_content_generation',
  },
  {
    up: migration_20261129_210000_public_count_index.up,
    down: migration_20261129_210000_public_count_index.down,
    name: '20261129_210000_public_count_index',
  },
]
