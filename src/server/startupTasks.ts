import type { Payload } from 'payload'

/** Work done once the database is ready and before requests are served. */
export const runStartupTasks = async (payload: Payload): Promise<void> => {
  void payload
}
