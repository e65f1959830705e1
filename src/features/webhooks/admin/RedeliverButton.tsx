'use client'
import { Button, toast, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { webhookLabels } from '../labels'

/**
 * "Redeliver" on a webhook delivery: POSTs /api/webhook-deliveries/:id/redeliver (admins only,
 * checked by the server) and opens the new delivery.
 */
export const RedeliverButton = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const lang = i18n.language === 'id' ? 'id' : 'en'
  if (!id) return null
  const redeliver = async () => {
    setBusy(true)
    try {
      const res = await fetch(`/api/${collectionSlug}/${id}/redeliver`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      const body = (await res.json().catch(() => ({}))) as {
        doc?: { id: string | number }
        errors?: { message: string }[]
      }
      if (res.status !== 202 || !body.doc) {
        toast.error(body.errors?.[0]?.message ?? webhookLabels.redeliverFailed[lang])
        return
      }
      toast.success(webhookLabels.redelivered[lang])
      router.push(`/admin/collections/${collectionSlug}/${body.doc.id}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: 'var(--spacing-field)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void redeliver()}>
        {webhookLabels.redeliver[lang]}
      </Button>
    </div>
  )
}
