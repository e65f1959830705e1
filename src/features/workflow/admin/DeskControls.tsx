'use client'
import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ID } from '@/lib/ids'

type Strings = Record<
  'assignee' | 'nobody' | 'assign' | 'embargoUntil' | 'unpublishAt' | 'save' | 'clear' | 'saved',
  string
>

const toLocalInput = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * The workflow panel's desk controls (editors and admins): assign the article to a reviewer, set
 * or clear the embargo and the scheduled take-down. Each calls its endpoint
 * (POST /api/articles/:id/assign | /timing); the server's refusal (with the rule) is shown as is.
 */
export const DeskControls = ({
  articleId,
  assignee,
  reviewers,
  embargoUntil,
  unpublishAt,
  strings,
}: {
  articleId: ID
  assignee: ID | null
  reviewers: { id: ID; name: string }[]
  embargoUntil: string | null
  unpublishAt: string | null
  strings: Strings
}) => {
  const router = useRouter()
  const [who, setWho] = useState(assignee === null ? '' : String(assignee))
  const [embargo, setEmbargo] = useState(toLocalInput(embargoUntil))
  const [takeDown, setTakeDown] = useState(toLocalInput(unpublishAt))
  const [busy, setBusy] = useState(false)

  const post = async (path: string, body: Record<string, unknown>) => {
    setBusy(true)
    try {
      const res = await fetch(`/api/articles/${encodeURIComponent(String(articleId))}/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => ({}))) as {
        errors?: { message: string; data?: { rule?: string } }[]
      }
      if (!res.ok) {
        const err = json.errors?.[0]
        toast.error(
          `${err?.message ?? res.statusText}${err?.data?.rule ? ` (${err.data.rule})` : ''}`,
        )
        return
      }
      toast.success(strings.saved)
      router.refresh()
    } finally {
      setBusy(false)
    }
  }
  const iso = (local: string) => (local ? new Date(local).toISOString() : null)

  return (
    <div className="redaksi-desk-controls" data-testid="desk-controls">
      <label className="redaksi-muted" htmlFor="desk-assignee">
        {strings.assignee}
      </label>
      <select
        id="desk-assignee"
        data-testid="desk-assignee"
        value={who}
        disabled={busy}
        onChange={(e) => setWho(e.target.value)}
      >
        <option value="">{strings.nobody}</option>
        {reviewers.map((r) => (
          <option key={String(r.id)} value={String(r.id)}>
            {r.name}
          </option>
        ))}
      </select>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={() =>
          post('assign', {
            assignee: who === '' ? null : /^\d+$/.test(who) ? Number(who) : who,
          })
        }
      >
        {strings.assign}
      </Button>
      {(
        [
          ['embargoUntil', strings.embargoUntil, embargo, setEmbargo],
          ['unpublishAt', strings.unpublishAt, takeDown, setTakeDown],
        ] as const
      ).map(([key, label, value, set]) => (
        <div key={key} className="redaksi-desk-controls__time">
          <label className="redaksi-muted" htmlFor={`desk-${key}`}>
            {label}
          </label>
          <input
            id={`desk-${key}`}
            data-testid={`desk-${key}`}
            type="datetime-local"
            value={value}
            disabled={busy}
            onChange={(e) => set(e.target.value)}
          />
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy}
            onClick={() => post('timing', { [key]: iso(value) })}
          >
            {strings.save}
          </Button>
          <Button
            buttonStyle="subtle"
            size="small"
            disabled={busy}
            onClick={() => {
              set('')
              void post('timing', { [key]: null })
            }}
          >
            {strings.clear}
          </Button>
        </div>
      ))}
    </div>
  )
}
