import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  Field,
  FieldAccess,
  PayloadRequest,
  SelectType,
} from 'payload'

import { roleOf } from '@/access/roles'

/**
 * Staff-only columns are never read for public requests: a field whose read access refuses the
 * caller (the importer's raw source text, file name and warnings, `submittedBy`, `createdBy`, …)
 * is excluded from the query's `select`, so the database does not return it, instead of being
 * read and then stripped by field access. The same projection is applied to the authors and media
 * an article populates (`populate`), so depth 1 reads only their public fields. Generic: any field
 * with `access.read` (at the top level, in named groups, or in rows/collapsibles/tabs) counts.
 */
type Node = { name: string; read?: FieldAccess; children?: Node[] }

const nodesOf = (fields: Field[]): Node[] =>
  fields.flatMap((field): Node[] => {
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? [{ name: tab.name, children: nodesOf(tab.fields) }]
          : nodesOf(tab.fields),
      )
    }
    // a `ui` field holds no data: it never makes its group readable
    if (field.type === 'ui') return []
    if (!('name' in field) || !field.name) {
      return 'fields' in field && Array.isArray(field.fields) ? nodesOf(field.fields) : []
    }
    const node: Node = {
      name: field.name,
      read:
        'access' in field ? (field.access as { read?: FieldAccess } | undefined)?.read : undefined,
    }
    if (field.type === 'group' && Array.isArray(field.fields)) node.children = nodesOf(field.fields)
    return [node]
  })

const nodeCache = new WeakMap<Field[], Node[]>()
const nodesFor = (fields: Field[]): Node[] => {
  let nodes = nodeCache.get(fields)
  if (!nodes) {
    nodes = nodesOf(fields)
    nodeCache.set(fields, nodes)
  }
  return nodes
}

const refuses = async (node: Node, req: PayloadRequest): Promise<boolean> => {
  if (!node.read) return false
  return !(await node.read({ req } as Parameters<FieldAccess>[0]))
}

/** The exclusion `select` for what `req` may not read (null: nothing to exclude). */
export const hiddenFieldsSelect = async (
  fields: Field[],
  req: PayloadRequest,
): Promise<Record<string, unknown> | null> => {
  const walk = async (nodes: Node[]): Promise<Record<string, unknown> | null> => {
    const out: Record<string, unknown> = {}
    for (const node of nodes) {
      if (await refuses(node, req)) {
        out[node.name] = false
        continue
      }
      if (node.children) {
        const inner = await walk(node.children)
        if (inner) {
          const all = node.children.every((child) => inner[child.name] === false)
          out[node.name] = all ? false : inner
        }
      }
    }
    return Object.keys(out).length > 0 ? out : null
  }
  return walk(nodesFor(fields))
}

const isExcludeMode = (select: SelectType): boolean =>
  Object.values(select).some((value) => value === false || (value && typeof value === 'object'))
    ? !Object.values(select).some((value) => value === true)
    : false

const mergeExclusions = (select: SelectType, hidden: Record<string, unknown>): SelectType => {
  if (isExcludeMode(select)) return { ...select, ...hidden } as SelectType
  // include mode: drop what the caller may not read
  const copy: Record<string, unknown> = { ...select }
  for (const [key, value] of Object.entries(hidden)) if (value === false) delete copy[key]
  return copy as SelectType
}

/**
 * beforeOperation (read) for collections read by the public: projects away the fields the
 * (anonymous or non-staff) caller may not read, and the related collections' hidden fields in
 * `populate`. Staff and trusted server code are untouched.
 */
export const publicProjection = (related: string[]): CollectionBeforeOperationHook => {
  const projectPublicFields: CollectionBeforeOperationHook = async ({
    args,
    collection,
    operation,
    req,
  }) => {
    if (operation !== 'read' || !args || typeof args !== 'object') return args
    const a = args as {
      overrideAccess?: boolean
      select?: SelectType
      populate?: Record<string, SelectType>
    }
    if (a.overrideAccess === true || roleOf(req) !== null) return args
    const next = { ...a }
    const hidden = await hiddenFieldsSelect(collection.fields, req)
    if (hidden) next.select = a.select ? mergeExclusions(a.select, hidden) : (hidden as SelectType)
    for (const slug of related) {
      const config = req.payload.collections[slug as CollectionSlug]?.config
      if (!config) continue
      const hiddenRelated = await hiddenFieldsSelect(config.fields, req)
      if (!hiddenRelated) continue
      const current = next.populate?.[slug]
      next.populate = {
        ...next.populate,
        [slug]: current ? mergeExclusions(current, hiddenRelated) : (hiddenRelated as SelectType),
      }
    }
    return next as typeof args
  }
  return projectPublicFields
}
