import * as migration_20261126_203415_initial from './20261126_203415_initial';

export const migrations = [
  {
    up: migration_20261126_203415_initial.up,
    down: migration_20261126_203415_initial.down,
    name: '20261126_203415_initial'
  },
];
