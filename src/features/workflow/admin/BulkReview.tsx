'use client'
import { Button, toast, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Action = 'submit' | 'approve' | 'publish' | 'schedule'
type Result = { id: string | number; ok: boolean; status: number; rule?: string; message?: string }

/**
 * Above the article list table (admin.components.beforeListTable): submit / approve / publish /
 * schedule the articles selected in the list at once through POST /api/articles/bulk-workflow.
 * Each article goes through the rule book on its own; the result lists what happened to each
 * and why any were refused.
 */
export const BulkReview = ({
  actions,
  strings,
}: {
  actions: { action: Action; label: string }[]
  strings: { title: string; none: string; done: string; refused: string; publishAt: string }
}) => {
  const router = useRouter()
  const { count, getSelectedIds } = useSelection()
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState(false)
  const [results, setResults] = useState<Result[] | null>(null)

  const run = async (action: Action) => {
    const ids = getSelectedIds()
    if (ids.length === 0) {
      toast.error(strings.none)
      return
    }
    const body: Record<string, unknown> = { action, ids }
    if (action === 'schedule') {
      if (!publishAt) {
        toast.error(strings.publishAt)
        return
      }
      body.publishAt = new Date(publishAt).toISOString()
    }
    setBusy(true)
    try {
      const res = await fetch('/api/articles/bulk-workflow', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => ({}))) as {
        results?: Result[]
        errors?: { message: string }[]
      }
      if (!res.ok || !json.results) {
        toast.error(json.errors?.[0]?.message ?? res.statusText)
        return
      }
      setResults(json.results)
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="redaksi-bulk-review" data-testid="bulk-review">
      <span className="redaksi-muted">
        {strings.title} ({count})
      </span>{' '}
      {actions.map(({ action, label }) => (
        <Button
          key={action}
          buttonStyle="secondary"
          size="small"
          disabled={busy || count === 0}
          onClick={() => void run(action)}
          id={`bulk-${action}`}
        >
          {label}
        </Button>
      ))}
      <input
        aria-label={strings.publishAt}
        data-testid="bulk-publish-at"
        type="datetime-local"
        value={publishAt}
        onChange={(e) => setPublishAt(e.target.value)}
      />
      {results && (
        <ul data-testid="bulk-results">
          {results.map((r) => (
            <li key={String(r.id)} data-ok={r.ok ? 'true' : 'false'} data-testid="bulk-result">
              #{String(r.id)}:{' '}
              {r.ok ? strings.done : `${strings.refused}: ${r.message} (${r.rule})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
