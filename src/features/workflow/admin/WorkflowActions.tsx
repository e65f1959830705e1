'use client'
import { Button, toast, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { NEEDS_INPUT } from '@/features/workflow/rules/transitions'
import type { WorkflowAction } from '@/features/workflow/rules/transitions'
import type { ID } from '@/lib/ids'

type Strings = {
  noActions: string
  unsavedChanges: string
  note: string
  noteRequired: string
  publishAt: string
  publishAtRequired: string
  confirm: string
  cancel: string
  working: string
}

type Message = { kind: 'success' | 'error'; text: string; rule?: string }

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for a datetime-local input. */
const toLocalInput = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  )
}

/**
 * The workflow buttons of the article edit view. Only the actions the server-side panel computed
 * for this user are shown; the server checks the same rules again and its refusal (naming the
 * rule) is shown as is. On success the page is refreshed so the form, the state badge and the
 * history show the new state.
 */
export const WorkflowActions = ({
  articleId,
  actions,
  lang,
  stateNames,
  strings,
}: {
  articleId: ID
  actions: { action: WorkflowAction; label: string }[]
  lang: 'en' | 'id'
  stateNames: Record<string, string>
  strings: Strings
}) => {
  const router = useRouter()
  const modified = useFormModified()
  const { incrementVersionCount, setHasPublishedDoc, setUnpublishedVersionCount } =
    useDocumentInfo()
  const [open, setOpen] = useState<WorkflowAction | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState<WorkflowAction | null>(null)
  const [message, setMessage] = useState<Message | null>(null)

  const run = async (action: WorkflowAction) => {
    const input = NEEDS_INPUT[action]
    const body: { action: WorkflowAction; note?: string; publishAt?: string } = { action }
    if (input === 'note') {
      if (!note.trim()) {
        setMessage({ kind: 'error', text: strings.noteRequired })
        return
      }
      body.note = note.trim()
    }
    if (input === 'publishAt') {
      const when = publishAt ? new Date(publishAt) : null
      if (!when || Number.isNaN(when.getTime())) {
        setMessage({ kind: 'error', text: strings.publishAtRequired })
        return
      }
      body.publishAt = when.toISOString()
    }
    setBusy(action)
    setMessage(null)
    try {
      const res = await fetch(`/api/articles/${encodeURIComponent(String(articleId))}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => null)) as {
        doc?: { workflowStatus?: string; _status?: string }
        message?: string
        errors?: { message?: string; data?: { rule?: string } }[]
      } | null
      if (!res.ok || !json?.doc) {
        const error = json?.errors?.[0]
        setMessage({
          kind: 'error',
          text: error?.message || `HTTP ${res.status}`,
          rule: error?.data?.rule,
        })
        // 409: the article moved on elsewhere; show its current state and buttons.
        if (res.status === 409) router.refresh()
        return
      }
      const stateName = stateNames[json.doc.workflowStatus ?? ''] ?? json.doc.workflowStatus
      const text =
        lang === 'id'
          ? `Artikel kini berstatus “${stateName}”.`
          : json.message || `Article is now ${stateName}.`
      setMessage({ kind: 'success', text })
      toast.success(text)
      // Payload's own "Status" (draft / published) in the document header follows the new state.
      setHasPublishedDoc(json.doc._status === 'published')
      setUnpublishedVersionCount(0)
      incrementVersionCount()
      setOpen(null)
      setNote('')
      setPublishAt('')
      router.refresh()
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) })
    } finally {
      setBusy(null)
    }
  }

  const onClick = (action: WorkflowAction) => {
    setMessage(null)
    const input = NEEDS_INPUT[action]
    if (!input) {
      void run(action)
      return
    }
    if (input === 'publishAt' && !publishAt) {
      setPublishAt(toLocalInput(new Date(Date.now() + 60 * 60 * 1000)))
    }
    setOpen(open === action ? null : action)
  }

  return (
    <div className="redaksi-workflow-actions" data-testid="workflow-actions">
      {actions.length === 0 ? (
        <p className="redaksi-muted" data-testid="workflow-no-actions">
          {strings.noActions}
        </p>
      ) : (
        <>
          {modified && (
            <p className="redaksi-warning" data-testid="workflow-unsaved">
              {strings.unsavedChanges}
            </p>
          )}
          <div className="redaksi-workflow-actions__buttons">
            {actions.map(({ action, label }) => (
              <Button
                key={action}
                buttonStyle={action === 'publish' || action === 'approve' ? 'primary' : 'secondary'}
                className={`redaksi-workflow-action redaksi-workflow-action--${action}`}
                disabled={busy !== null}
                extraButtonProps={{
                  'data-testid': `workflow-action-${action}`,
                  'aria-expanded': NEEDS_INPUT[action] ? open === action : undefined,
                }}
                margin={false}
                onClick={() => onClick(action)}
                size="small"
                type="button"
              >
                {busy === action ? strings.working : label}
              </Button>
            ))}
          </div>
        </>
      )}
      {open && (
        <div
          className="redaksi-workflow-actions__form"
          data-testid={`workflow-form-${open}`}
          onKeyDown={(event) => {
            // Enter in the date input sends the action; it must never submit the article form.
            if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
              event.preventDefault()
              void run(open)
            }
          }}
        >
          {NEEDS_INPUT[open] === 'note' && (
            <label className="redaksi-field">
              <span>{strings.note}</span>
              <textarea
                data-testid="workflow-note"
                onChange={(event) => setNote(event.target.value)}
                required
                rows={4}
                value={note}
              />
            </label>
          )}
          {NEEDS_INPUT[open] === 'publishAt' && (
            <label className="redaksi-field">
              <span>{strings.publishAt}</span>
              <input
                data-testid="workflow-publish-at-input"
                min={toLocalInput(new Date())}
                onChange={(event) => setPublishAt(event.target.value)}
                required
                type="datetime-local"
                value={publishAt}
              />
            </label>
          )}
          <div className="redaksi-workflow-actions__buttons">
            <Button
              buttonStyle="primary"
              disabled={busy !== null}
              extraButtonProps={{ 'data-testid': 'workflow-confirm' }}
              margin={false}
              onClick={() => void run(open)}
              size="small"
              type="button"
            >
              {busy
                ? strings.working
                : `${strings.confirm}: ${actions.find((a) => a.action === open)?.label ?? open}`}
            </Button>
            <Button
              buttonStyle="secondary"
              disabled={busy !== null}
              extraButtonProps={{ 'data-testid': 'workflow-cancel' }}
              margin={false}
              onClick={() => setOpen(null)}
              size="small"
              type="button"
            >
              {strings.cancel}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'redaksi-error' : 'redaksi-success'}
          data-kind={message.kind}
          data-rule={message.rule}
          data-testid="workflow-message"
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
          {message.rule && (
            <>
              {' '}
              <code>{message.rule}</code>
            </>
          )}
        </p>
      )}
    </div>
  )
}
