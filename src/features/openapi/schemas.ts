import type { Field, PayloadRequest, SanitizedCollectionConfig } from 'payload'

export type JsonSchema = Record<string, unknown>

/** A request with nobody signed in: what field access says an anonymous reader may read. */
const ANONYMOUS = { user: null, context: {} } as unknown as PayloadRequest

/**
 * A field is public when it is not hidden and its read access (if any) lets an anonymous reader
 * read it. Field access in this project is synchronous and depends only on the user; a function
 * that needs more (a promise, a document) is treated as staff-only.
 */
export const isPublicField = (field: Field): boolean => {
  if ('hidden' in field && field.hidden) return false
  const read = 'access' in field ? field.access?.read : undefined
  if (!read) return true
  try {
    const result = read({ req: ANONYMOUS } as Parameters<typeof read>[0])
    return result === true
  } catch {
    return false
  }
}

const nullable = (schema: JsonSchema): JsonSchema => {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  return { anyOf: [schema, { type: 'null' }] }
}

const idSchema = (idType: 'number' | 'text'): JsonSchema =>
  idType === 'number' ? { type: 'integer', minimum: 1 } : { type: 'string' }

const refOrId = (relationTo: string, idType: 'number' | 'text', known: Set<string>): JsonSchema =>
  known.has(relationTo)
    ? {
        anyOf: [idSchema(idType), { $ref: `#/components/schemas/${schemaName(relationTo)}` }],
        description: `A ${relationTo} id, or the document itself when populated (depth ≥ 1).`,
      }
    : idSchema(idType)

/** `articles` → `Article`, `media` → `Media`, `api-clients` → `ApiClient`. */
export const schemaName = (slug: string): string => {
  const camel = slug.replace(/(^|[-_])([a-z])/g, (_m, _s, c: string) => c.toUpperCase())
  return camel.endsWith('ies')
    ? `${camel.slice(0, -3)}y`
    : camel.endsWith('s') && camel !== 'Media'
      ? camel.slice(0, -1)
      : camel
}

type Ctx = { idType: 'number' | 'text'; known: Set<string> }

const fieldSchema = (field: Field, ctx: Ctx): JsonSchema | null => {
  const many = 'hasMany' in field && field.hasMany === true
  const list = (item: JsonSchema): JsonSchema => (many ? { type: 'array', items: item } : item)
  const described = (schema: JsonSchema): JsonSchema => {
    const label = 'label' in field ? field.label : undefined
    const text =
      typeof label === 'string'
        ? label
        : label && typeof label === 'object' && 'en' in label
          ? String((label as { en: unknown }).en)
          : undefined
    return text ? { ...schema, description: text } : schema
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return described(nullable(list({ type: 'string' })))
    case 'number':
      return described(nullable(list({ type: 'number' })))
    case 'checkbox':
      return described(nullable({ type: 'boolean' }))
    case 'date':
      return described(nullable({ type: 'string', format: 'date-time' }))
    case 'select':
    case 'radio': {
      const values = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return described(nullable(list({ type: 'string', enum: values })))
    }
    case 'richText':
      return described(
        nullable({
          type: 'object',
          description: 'Lexical editor state (root node with children).',
          properties: { root: { type: 'object' } },
        }),
      )
    case 'json':
      return described({})
    case 'point':
      return described(
        nullable({ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }),
      )
    case 'relationship':
    case 'upload': {
      if (Array.isArray(field.relationTo)) {
        return described(
          nullable(
            list({
              type: 'object',
              properties: { relationTo: { type: 'string' }, value: {} },
            }),
          ),
        )
      }
      return described(nullable(list(refOrId(field.relationTo, ctx.idType, ctx.known))))
    }
    case 'group': {
      // a group whose every field is staff-only (e.g. the imported `source`) is left out
      const inner = objectSchema(field.fields, ctx)
      const empty = Object.keys(inner.properties as object).length === 0
      return 'name' in field && field.name && !empty ? described(nullable(inner)) : null
    }
    case 'array':
      return described(nullable({ type: 'array', items: objectSchema(field.fields, ctx) }))
    case 'blocks':
      return described(nullable({ type: 'array', items: { type: 'object' } }))
    default:
      return null
  }
}

/** The public properties of a field list (rows, collapsibles, tabs and unnamed groups flattened). */
export const publicProperties = (fields: Field[], ctx: Ctx): Record<string, JsonSchema> => {
  const out: Record<string, JsonSchema> = {}
  for (const field of fields) {
    if (field.type === 'ui' || field.type === 'join') continue
    if (
      field.type === 'row' ||
      field.type === 'collapsible' ||
      (field.type === 'group' && !('name' in field && field.name))
    ) {
      Object.assign(out, publicProperties(field.fields, ctx))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          out[tab.name] = nullable(objectSchema(tab.fields, ctx))
        } else Object.assign(out, publicProperties(tab.fields, ctx))
      }
      continue
    }
    if (!('name' in field) || !field.name || !isPublicField(field)) continue
    const schema = fieldSchema(field, ctx)
    if (schema) out[field.name] = schema
  }
  return out
}

const objectSchema = (fields: Field[], ctx: Ctx): JsonSchema => ({
  type: 'object',
  properties: publicProperties(fields, ctx),
})

/** The public document schema of a collection, from its sanitised fields. */
export const collectionSchema = (collection: SanitizedCollectionConfig, ctx: Ctx): JsonSchema => {
  const properties: Record<string, JsonSchema> = {
    id: idSchema(ctx.idType),
    ...publicProperties(collection.fields, ctx),
  }
  const required = ['id'].concat(
    collection.timestamps !== false
      ? ['createdAt', 'updatedAt'].filter((n) => n in properties)
      : [],
  )
  return { type: 'object', properties, required }
}

/** A plausible example built from a schema (never from stored data). */
export const exampleOf = (schema: JsonSchema, name = ''): unknown => {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (schema.enum) return (schema.enum as unknown[])[0]
  if (schema.anyOf) return exampleOf((schema.anyOf as JsonSchema[])[0], name)
  switch (type) {
    case 'integer':
      return 1
    case 'number':
      return 0
    case 'boolean':
      return true
    case 'string':
      if (schema.format === 'date-time') return '2026-11-29T08:00:00.000Z'
      return name === 'slug'
        ? 'contoh-artikel'
        : name === 'language'
          ? 'id'
          : `Example ${name}`.trim()
    case 'array':
      return []
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>
      if (name === 'body') return { root: { type: 'root', children: [] } }
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, exampleOf(v, k)]))
    }
    default:
      return null
  }
}
