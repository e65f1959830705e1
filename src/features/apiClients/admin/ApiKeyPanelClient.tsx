'use client'

import { useState } from 'react'

import type { KeyPanelText } from '../labels'

type Props = { id: string | null; hint: string | null; apiRoute: string; text: KeyPanelText }

/** Client half of the key panel: shows a new key once, with a copy button. */
export const ApiKeyPanelClient = ({ id, hint: initialHint, apiRoute, text }: Props) => {
  const [hint, setHint] = useState(initialHint)
  const [key, setKey] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const issue = async () => {
    if (hint && !window.confirm(text.confirmReplace)) return
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${apiRoute}/api-clients/${encodeURIComponent(id!)}/key`, {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      })
      const body = (await res.json().catch(() => ({}))) as {
        key?: string
        keyHint?: string
        errors?: { message: string }[]
      }
      if (!res.ok || !body.key) {
        setError(`${text.failed}: ${body.errors?.[0]?.message ?? res.status}`)
        return
      }
      setKey(body.key)
      setHint(body.keyHint ?? null)
      setCopied(false)
    } finally {
      setBusy(false)
    }
  }

  const copy = async () => {
    if (!key) return
    try {
      await navigator.clipboard.writeText(key)
    } catch {
      const input = document.getElementById('api-key-value') as HTMLInputElement | null
      input?.select()
      document.execCommand('copy')
    }
    setCopied(true)
  }

  return (
    <div
      className="field-type redaksi-panel"
      data-testid="api-key-panel"
      style={{ marginBottom: 24 }}
    >
      <label className="field-label">{text.title}</label>
      {!id ? (
        <p className="redaksi-muted" data-testid="api-key-save-first">
          {text.saveFirst}
        </p>
      ) : (
        <>
          {key ? (
            <div data-testid="api-key-once">
              <p>
                {text.copyNow} <code>Authorization: api-clients API-Key &lt;key&gt;</code>
              </p>
              <div style={{ display: 'flex', gap: 8 }}>
                <input
                  data-testid="api-key-value"
                  id="api-key-value"
                  readOnly
                  style={{ flex: 1, fontFamily: 'monospace' }}
                  type="text"
                  value={key}
                />
                <button
                  className="btn btn--style-secondary btn--size-small"
                  data-testid="api-key-copy"
                  onClick={() => void copy()}
                  type="button"
                >
                  {copied ? text.copied : text.copy}
                </button>
              </div>
            </div>
          ) : hint ? (
            <p data-testid="api-key-hint">
              {text.current}: <code>{hint}</code> {text.hidden}
            </p>
          ) : (
            <p className="redaksi-muted" data-testid="api-key-none">
              {text.noKey}
            </p>
          )}
          {error && (
            <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {error}
            </p>
          )}
          <button
            className="btn btn--style-primary btn--size-small"
            data-testid="api-key-issue"
            disabled={busy}
            onClick={() => void issue()}
            type="button"
          >
            {hint ? text.replace : text.create}
          </button>
        </>
      )}
    </div>
  )
}
