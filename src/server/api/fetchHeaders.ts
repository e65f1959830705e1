import type { IncomingMessage } from 'node:http'

/** The Fetch API headers of a Node request (repeated headers kept), for Payload's handlers. */
export const fetchHeaders = (req: IncomingMessage): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  return headers
}
