import type { UIFieldServerProps } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { langOf } from '@/admin/labels'
import type { ImportLabelKey } from '@/features/import/labels'
import { tImport, translateWarning } from '@/features/import/labels'

const FIELDS: ImportLabelKey[] = ['title', 'authors', 'outlet', 'date', 'captions', 'body']
const LOW = 0.7

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * Article edit view, in the imported-source group (a `ui` field): the parser's per-field
 * confidence, its warnings and every line it removed as boilerplate, in English or Indonesian.
 * Read with the signed-in user's access (the source group is for staff only).
 */
export const ImportReview = async ({ id, payload, user, i18n }: UIFieldServerProps) => {
  if (!id || !user) return null
  const lang = langOf(i18n?.language)
  let source: Record<string, unknown> | null = null
  try {
    const doc = await payload.findByID({
      collection: ARTICLES_SLUG,
      id,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user,
      select: { source: true },
    })
    source = (doc?.source ?? null) as Record<string, unknown> | null
  } catch {
    return null
  }
  if (!source?.fileName) return null
  const confidence = (source.confidence ?? {}) as Record<string, unknown>
  const warnings = asStrings(source.warnings)
  const removed = asStrings(source.boilerplate)
  const attention = source.needsAttention === true

  return (
    <div className="redaksi-panel" data-testid="import-review">
      <h3 className="redaksi-panel__title">
        {tImport(lang, 'review')}{' '}
        <span
          className="redaksi-badge"
          data-attention={attention ? 'true' : 'false'}
          data-testid="import-review-attention"
        >
          {tImport(lang, attention ? 'needsAttention' : 'looksFine')}
        </span>
      </h3>
      <h4>{tImport(lang, 'confidence')}</h4>
      <ul data-testid="import-review-confidence">
        {FIELDS.map((field) => {
          const value = confidence[field]
          const n = typeof value === 'number' ? value : null
          return (
            <li key={field} data-field={field} data-low={n !== null && n < LOW ? 'true' : 'false'}>
              {tImport(lang, field)}: {n === null ? '—' : `${Math.round(n * 100)}%`}
            </li>
          )
        })}
      </ul>
      <h4>{tImport(lang, 'warnings')}</h4>
      {warnings.length === 0 ? (
        <p className="redaksi-muted">{tImport(lang, 'noWarnings')}</p>
      ) : (
        <ul data-testid="import-review-warnings">
          {warnings.map((w, i) => (
            <li key={i}>{translateWarning(w, lang)}</li>
          ))}
        </ul>
      )}
      <h4>
        {tImport(lang, 'removedLines')} ({removed.length})
      </h4>
      {removed.length === 0 ? (
        <p className="redaksi-muted">{tImport(lang, 'noRemovedLines')}</p>
      ) : (
        <ol data-testid="import-review-removed">
          {removed.map((line, i) => (
            <li key={i}>
              <code>{line}</code>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
