/**
 * Upload file names, made safe to store and to show (pure). Payload sanitises too; this runs first
 * so the stored name is predictable: no folders, no control or direction-changing characters, no
 * Windows device names, at most MAX_NAME_LENGTH characters (suffix included), a unique suffix
 * when one is given, and the extension of the detected content type (a JPEG sent as "photo.png"
 * is stored as "photo.jpg").
 */
export const MAX_NAME_LENGTH = 100

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

export const safeUploadName = (
  raw: string | null | undefined,
  ext: string,
  suffix = '',
): string => {
  let name = (raw ?? '').normalize('NFC')
  // the last path segment only (both separators: a Windows client sends C:\…\photo.jpg)
  name = name.split(/[\\/]/).pop() ?? ''
  // control, format (bidi overrides, zero-width) and private-use characters; characters that
  // are unsafe on common filesystems or in URLs
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, '')
    .replace(/[<>:"|?*#%&{}$!'`=@+^~[\]]/g, '-')
  // drop the extension the client claimed; the content decides it
  const dot = name.lastIndexOf('.')
  if (dot > 0) name = name.slice(0, dot)
  name = name
    .replace(/\s+/g, '-')
    .replace(/\.+/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '')
  if (RESERVED.test(name)) name = `${name}-photo`
  // cut on a code point boundary, leaving room for the extension
  const tail = suffix ? `-${suffix}` : ''
  const room = MAX_NAME_LENGTH - ext.length - 1 - tail.length
  name = Array.from(name)
    .slice(0, room)
    .join('')
    .replace(/[-.\s]+$/g, '')
  return `${name || 'photo'}${tail}.${ext}`
}
