import { GraphQLError, Kind } from 'graphql'
import type {
  ASTVisitor,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql'

/**
 * At most `max` aliased fields in one document. Aliases are how one request multiplies an
 * expensive field (`a1: Articles(limit: 0) … a50: Articles(limit: 0)`); Payload's complexity
 * estimate counts a list of documents like a single field, so it cannot see this on its own.
 */
export const maxAliasesRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    let aliases = 0
    let reported = false
    return {
      Field(node) {
        if (!node.alias || reported) return
        aliases++
        if (aliases > max) {
          reported = true
          context.reportError(
            new GraphQLError(
              `Query uses more than ${max} aliases (GRAPHQL_MAX_ALIASES); split it into several requests.`,
              { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            ),
          )
        }
      },
    }
  }

/** Deepest selection nesting of a selection set, following fragments (each at most once per path). */
const selectionDepth = (
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  limit: number,
): number => {
  // Iterative, so a hostile document cannot overflow the stack here.
  let max = 0
  const stack: Array<{ set: SelectionSetNode; depth: number; seen: ReadonlySet<string> }> = set
    ? [{ set, depth: 1, seen: new Set() }]
    : []
  while (stack.length > 0) {
    const { set: current, depth, seen } = stack.pop()!
    if (depth > max) max = depth
    if (max > limit) return max
    for (const selection of current.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet)
          stack.push({ set: selection.selectionSet, depth: depth + 1, seen })
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push({ set: selection.selectionSet, depth, seen })
      } else {
        const name = selection.name.value
        const fragment = fragments[name]
        if (fragment && !seen.has(name)) {
          stack.push({ set: fragment.selectionSet, depth, seen: new Set([...seen, name]) })
        }
      }
    }
  }
  return max
}

/** Operations may nest selections at most `max` levels deep. */
export const maxDepthRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments[definition.name.value] = definition
    }
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, max)
        if (depth > max) {
          context.reportError(
            new GraphQLError(`Query is nested more than ${max} levels deep (GRAPHQL_MAX_DEPTH).`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          )
        }
      },
    }
  }
