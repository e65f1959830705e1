import * as migration_20261126_203406_initial from './20261126_203406_initial';

export const migrations = [
  {
    up: migration_20261126_203406_initial.up,
    down: migration_20261126_203406_initial.down,
    name: '20261126_203406_initial'
  },
];
