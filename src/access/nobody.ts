import type { Access } from 'payload'

/** Nobody through the API (the server writes these itself, bypassing access). */
export const nobody: Access = () => false
