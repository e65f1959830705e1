/** Thrown by `parseDocument` when the input cannot be turned into an article. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParseError'
  }
}
