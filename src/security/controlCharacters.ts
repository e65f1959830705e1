import { ValidationError } from 'payload'
import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'
import { CONTEXT } from '@/lib/requestContext'

/**
 * C0 control characters other than tab, line feed and carriage return, plus DEL. A NUL in a title
 * silently truncated it in some drivers; the others never belong in newsroom text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Dotted path of the first string value (in data, nested objects and arrays) with a control character. */
export const findControlCharacter = (value: unknown, path: string[] = []): string | null => {
  if (typeof value === 'string') return CONTROL.test(value) ? path.join('.') || '(value)' : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], [...path, String(i)])
      if (hit !== null) return hit
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const hit = findControlCharacter(item, [...path, key])
      if (hit !== null) return hit
    }
  }
  return null
}

/**
 * Refuses (400, naming the field) a create or update whose incoming data, including rich text and
 * tags, contains a control character. Only what the client sends is checked (stored values are
 * not, so an imported text with a form feed stays editable). The importer (req.context.import)
 * is exempt: its decoder refuses NUL and binary files and keeps the source text losslessly.
 */
export const rejectControlCharacters: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (req.context?.[CONTEXT.import]) return args
  const path = findControlCharacter((args as { data?: unknown }).data)
  if (path === null) return args
  const field = path.split('.')[0]
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [
        {
          message: `Text must not contain control characters (such as NUL); found one in "${path}". Remove it and try again.`,
          path: field,
        },
      ],
      req,
    },
    req.t,
  )
}

/** Adds rejectControlCharacters to every collection of the config. */
export const controlCharacterGuard: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectControlCharacters, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
