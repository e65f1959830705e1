import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { PayloadRequest, TaskConfig } from 'payload'

import { WEBHOOK_DELIVERIES_SLUG, WEBHOOKS_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import type { Webhook, WebhookDelivery } from '@/payload-types'
import { CONTEXT } from '@/lib/requestContext'
import { DELIVER_TASK, WEBHOOKS_QUEUE } from './events'
import { postWebhook } from './http'
import type { PostResult } from './http'
import { signPayload } from './sign'

/** A Retry-After is honoured up to this long; longer ones wait this long. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000

/** Exponential backoff: base · 2^(attempt-1), at most an hour, and at least the Retry-After. */
export const retryDelayMs = (
  attempt: number,
  baseMs: number,
  retryAfterMs: number | null,
): number => {
  const backoff = Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)
  if (retryAfterMs === null) return backoff
  return Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_DELAY_MS))
}

/** Network errors, timeouts, 5xx and 429 are retried; everything else is final. */
export const isRetryable = (result: PostResult): boolean =>
  !result.blocked && (result.status === null || result.status >= 500 || result.status === 429)

const isSuccess = (result: PostResult): boolean =>
  result.status !== null && result.status >= 200 && result.status < 300

const errorFor = (result: PostResult): string | null => {
  if (result.error) return result.error.slice(0, 200)
  if (result.status !== null && result.status >= 300 && result.status < 400) {
    return `HTTP ${result.status}: redirects are not followed`
  }
  if (result.status !== null && !isSuccess(result)) return `HTTP ${result.status}`
  return null
}

const finishDelivery = async (
  req: PayloadRequest,
  id: string | number,
  data: Partial<WebhookDelivery>,
) =>
  req.payload.update({
    collection: WEBHOOK_DELIVERIES_SLUG,
    id,
    data,
    depth: 0,
    overrideAccess: true,
    req,
  })

/**
 * Sends one try of one delivery: signs the stored payload with the webhook's secret, POSTs it
 * (src/features/webhooks/http.ts), records the outcome on the delivery row and, for a
 * retryable failure, queues the next try with waitUntil (backoff, Retry-After) in the same
 * transaction as the record. Runs in the jobs runner, never inside the transaction that queued
 * it. A runner stopped between sending and recording leaves the job `processing`; it is requeued
 * after the lease and sends again with the same delivery id (at-least-once: receivers dedupe on
 * X-Redaksi-Delivery).
 */
export const deliverWebhookTask: TaskConfig<{
  input: { delivery: string }
  output: { outcome: string }
}> = {
  slug: DELIVER_TASK,
  retries: 2,
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const settings = env.webhooks()
    const delivery = (await payload.findByID({
      collection: WEBHOOK_DELIVERIES_SLUG,
      id: input.delivery,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as WebhookDelivery | null
    if (!delivery) return { output: { outcome: 'skipped: delivery gone' } }
    if (delivery.status === 'succeeded' || delivery.status === 'failed') {
      return { output: { outcome: `skipped: already ${delivery.status}` } }
    }
    const webhookId =
      typeof delivery.webhook === 'object' && delivery.webhook
        ? delivery.webhook.id
        : delivery.webhook
    const webhook = webhookId
      ? ((await payload.findByID({
          collection: WEBHOOKS_SLUG,
          id: webhookId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
          // the only read that sees the secret (src/features/webhooks/collections/Webhooks.ts)
          context: { [CONTEXT.webhookSecretReveal]: true },
        })) as Webhook | null)
      : null
    if (!webhook || !webhook.enabled || !webhook.secret) {
      const reason = !webhook ? 'webhook deleted' : 'webhook disabled'
      await finishDelivery(req, delivery.id, {
        status: 'failed',
        lastError: reason,
        nextAttemptAt: null,
      })
      return { output: { outcome: `failed: ${reason}` } }
    }

    const attempt = (delivery.attempts ?? 0) + 1
    const body = JSON.stringify(delivery.payload)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const result = await postWebhook(
      webhook.url,
      body,
      {
        'X-Redaksi-Event': delivery.event,
        'X-Redaksi-Delivery': delivery.deliveryId,
        'X-Redaksi-Timestamp': timestamp,
        'X-Redaksi-Signature': signPayload(webhook.secret, timestamp, body),
      },
      settings.timeoutMs,
    )
    const succeeded = isSuccess(result)
    const retry = !succeeded && isRetryable(result) && attempt < settings.maxAttempts
    const nextAt = retry
      ? new Date(Date.now() + retryDelayMs(attempt, settings.retryBaseMs, result.retryAfterMs))
      : null
    const status = succeeded ? 'succeeded' : retry ? 'retrying' : 'failed'

    const shouldCommit = await initTransaction(req)
    try {
      await finishDelivery(req, delivery.id, {
        status,
        attempts: attempt,
        lastResponseCode: result.status,
        durationMs: result.durationMs,
        lastError: errorFor(result),
        lastAttemptAt: new Date().toISOString(),
        nextAttemptAt: nextAt ? nextAt.toISOString() : null,
      })
      if (retry && nextAt) {
        await payload.jobs.queue({
          task: DELIVER_TASK,
          queue: WEBHOOKS_QUEUE,
          input: { delivery: String(delivery.id) },
          waitUntil: nextAt,
          req,
        })
      }
      if (shouldCommit) await commitTransaction(req)
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      throw err
    }
    payload.logger.info(
      `webhook ${webhook.id} delivery ${delivery.deliveryId} (${delivery.event}) try ${attempt}: ${status}${result.status !== null ? ` (HTTP ${result.status})` : ''}${result.error ? ` (${errorFor(result)})` : ''}`,
    )
    return { output: { outcome: status } }
  },
}
