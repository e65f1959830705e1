import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isSelfOrAdmin } from '@/access/isSelfOrAdmin'
import { isStaff } from '@/access/isStaff'
import { ROLES } from '@/access/roles'
import { EDITORS_SLUG } from '@collections/slugs'
import { firstUserIsAdmin, protectRole } from './hooks/protectRole'
import { forgiveLogin, guardLogin, sameLoginMessage } from './hooks/guardLogin'
import { keepOneAdmin } from './hooks/keepOneAdmin'

// Account lock: the defence against guessing spread over many clients. One client is throttled
// (src/security/loginThrottle.ts) long before it can reach this alone.
export const LOGIN_MAX_ATTEMPTS = 20
export const LOGIN_LOCK_MS = 10 * 60 * 1000

const roleLabels = {
  admin: { en: 'Admin', id: 'Admin' },
  editor: { en: 'Editor', id: 'Editor' },
  contributor: { en: 'Contributor (reporter)', id: 'Kontributor (wartawan)' },
} as const

/** Newsroom accounts: the people who log into the admin panel. */
export const Editors: CollectionConfig = {
  slug: EDITORS_SLUG,
  labels: {
    singular: { en: 'Editor', id: 'Editor' },
    plural: { en: 'Editors', id: 'Editor' },
  },
  auth: {
    maxLoginAttempts: LOGIN_MAX_ATTEMPTS,
    lockTime: LOGIN_LOCK_MS,
    tokenExpiration: 60 * 60 * 8,
    useAPIKey: false,
  },
  admin: {
    group: { en: 'Newsroom', id: 'Redaksi' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
  },
  access: {
    admin: isStaff,
    read: isStaff,
    create: isAdmin,
    update: isSelfOrAdmin,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [guardLogin, protectRole, keepOneAdmin],
    afterLogin: [forgiveLogin],
    afterError: [sameLoginMessage],
    beforeValidate: [firstUserIsAdmin],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { en: 'Name', id: 'Nama' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: {
        // Enforced loudly by the protectRole hook too; field access keeps the UI read-only.
        update: isAdminField,
      },
      admin: {
        position: 'sidebar',
        // Hidden on the create-first-user screen: the first account always becomes an admin.
        condition: (_data, _siblingData, { user }) => Boolean(user),
        description: {
          en: 'Only admins can change roles, including their own.',
          id: 'Hanya admin yang dapat mengubah peran, termasuk perannya sendiri.',
        },
      },
    },
  ],
}
