import type { AfterErrorHook } from 'payload'

/** Messages of the multipart parser (busboy) for a body it cannot read: the client's mistake. */
const PARSER_ERRORS = [
  'Malformed part header',
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed content type',
  'Multipart: Boundary not found',
  'Missing Content-Type',
  'Unsupported content type',
]

/**
 * A multipart body the parser cannot read (a NUL in a part header, a cut-off form, no boundary)
 * answers 400 with a clear message instead of a 500.
 */
export const malformedMultipartAfterError: AfterErrorHook = ({ error }) => {
  const message = error instanceof Error ? error.message : ''
  if (!PARSER_ERRORS.some((known) => message.startsWith(known))) return
  return {
    status: 400,
    response: {
      errors: [
        {
          message: `The multipart/form-data body could not be read (${message}); send the file and its fields as a well-formed multipart form.`,
        },
      ],
    },
  }
}
