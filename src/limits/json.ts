/**
 * Shape checks for request data, done without recursion so that hostile input can never overflow
 * the stack: nesting depth and the length of any one array (each array element becomes at least
 * one SQL parameter, and SQLite refuses statements with too many).
 */
export const MAX_JSON_DEPTH = 64
export const MAX_ARRAY_LENGTH = 1000

export type ShapeProblem =
  | { kind: 'too-deep'; depth: number; limit: number }
  | { kind: 'too-many-values'; length: number; limit: number }

/** The first problem in a parsed JSON value, walking it iteratively. */
export const inspectShape = (
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  maxArrayLength = MAX_ARRAY_LENGTH,
): ShapeProblem | null => {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth > maxDepth) return { kind: 'too-deep', depth, limit: maxDepth }
    if (Array.isArray(current)) {
      if (current.length > maxArrayLength) {
        return { kind: 'too-many-values', length: current.length, limit: maxArrayLength }
      }
      for (const item of current) stack.push([item, depth + 1])
    } else {
      for (const item of Object.values(current)) stack.push([item, depth + 1])
    }
  }
  return null
}

/**
 * The deepest bracket nesting of a JSON or GraphQL text (`{`, `[` and `(` outside strings), in one
 * pass over the text: deep documents are refused before any recursive parser sees them.
 */
export const bracketDepth = (text: string): number => {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123 || c === 91 || c === 40) {
      depth++
      if (depth > max) max = depth
    } else if (c === 125 || c === 93 || c === 41) depth--
  }
  return max
}

export const describeShapeProblem = (problem: ShapeProblem, where = 'the request body'): string =>
  problem.kind === 'too-deep'
    ? `${where} is nested too deep: more than ${problem.limit} levels`
    : `too many values: an array in ${where} holds ${problem.length} values; at most ${problem.limit} are allowed`
