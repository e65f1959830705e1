import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: the people who review and publish. */
export const isEditor: Access = ({ req }) => hasRole(req, 'editor', 'admin')

export const isEditorField: FieldAccess = ({ req }) => hasRole(req, 'editor', 'admin')
