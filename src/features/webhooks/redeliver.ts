import { APIError, commitTransaction, initTransaction, killTransaction } from 'payload'
import type { Endpoint } from 'payload'

import { WEBHOOK_DELIVERIES_SLUG, WEBHOOKS_SLUG } from '@collections/slugs'
import { hasRole, staffUser } from '@/access/roles'
import type { WebhookDelivery } from '@/payload-types'
import { isWebhookEvent } from './events'
import type { WebhookBody } from './events'
import { queueDelivery } from './enqueue'

const ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * POST /api/webhook-deliveries/:id/redeliver (admins only): sends the same payload again as a
 * new delivery (new X-Redaksi-Delivery id, fresh tries) to the same webhook. Answers 202 with the
 * new delivery. POST only, and a cookie counts only from the CMS's own origins (Payload's csrf
 * list), so another site cannot trigger it. The new row records who asked and which delivery it
 * repeats; the server log gets one line too.
 */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Sign in as an admin to redeliver a webhook.', 401)
    if (!hasRole(req, 'admin')) throw new APIError('Only admins can redeliver webhooks.', 403)
    const id = String(req.routeParams?.id ?? '')
    const notFound = () => new APIError(`No webhook delivery with id ${id.slice(0, 64)}.`, 404)
    if (!ID.test(id)) throw notFound()
    const original = (await req.payload
      .findByID({
        collection: WEBHOOK_DELIVERIES_SLUG,
        id,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      .catch(() => null)) as WebhookDelivery | null
    if (!original) throw notFound()
    const webhookId =
      typeof original.webhook === 'object' && original.webhook
        ? original.webhook.id
        : original.webhook
    const webhook = webhookId
      ? await req.payload.findByID({
          collection: WEBHOOKS_SLUG,
          id: webhookId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })
      : null
    if (!webhook) throw new APIError('The webhook of this delivery no longer exists.', 409)
    if (!webhook.enabled) throw new APIError('The webhook is disabled; enable it first.', 409)
    const body = original.payload as unknown as WebhookBody
    if (!isWebhookEvent(original.event) || !body || typeof body !== 'object') {
      throw new APIError('This delivery has no payload to send again.', 409)
    }
    const user = staffUser(req)
    const shouldCommit = await initTransaction(req)
    let created
    try {
      created = await queueDelivery(req, {
        webhook: webhook.id,
        event: original.event,
        body,
        redeliveryOf: original.id,
        requestedBy: user?.id,
      })
      if (shouldCommit) await commitTransaction(req)
    } catch (err) {
      if (shouldCommit) await killTransaction(req)
      throw err
    }
    req.payload.logger.info(
      `webhook delivery ${original.deliveryId} redelivered as ${created.deliveryId} by editor ${user?.id}`,
    )
    return Response.json(
      {
        message: 'Queued as a new delivery.',
        doc: { id: created.id, deliveryId: created.deliveryId, status: created.status },
      },
      { status: 202 },
    )
  },
}
