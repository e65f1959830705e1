import { lookup as dnsLookup } from 'node:dns/promises'
import type { LookupAddress } from 'node:dns'
import net from 'node:net'
import os from 'node:os'

import { env } from '@/config/env'

/**
 * The SSRF guard for webhook URLs. A URL is checked when a webhook is saved and again when each
 * delivery connects: the address the socket actually connects to is the one checked (the
 * `lookup` below), so a DNS name that resolves to a public address at save time and to
 * 127.0.0.1 later (DNS rebinding) is refused at delivery.
 *
 * - forbidden always: unspecified (0.0.0.0/8, ::), link-local and cloud metadata (169.254/16,
 *   fe80::/10, fd00:ec2::254), multicast, broadcast and reserved ranges, and the CMS itself
 *   (PUBLIC_URL and the addresses the server listens on);
 * - private, allowed only with WEBHOOKS_ALLOW_PRIVATE=true: loopback (127/8, ::1), 10/8,
 *   172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), 198.18/15, fc00::/7 (incl. fd00::/8).
 *
 * IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) IPv6 addresses are judged by their
 * IPv4 address; decimal, octal and hexadecimal IPv4 forms (2130706433, 0177.0.0.1, 0x7f.1) are
 * normalised by the WHATWG URL parser before any check.
 */

export type AddressClass = 'public' | 'private' | 'forbidden'

const forbidden = new net.BlockList()
forbidden.addSubnet('0.0.0.0', 8, 'ipv4')
forbidden.addSubnet('169.254.0.0', 16, 'ipv4')
forbidden.addSubnet('192.0.0.0', 24, 'ipv4')
forbidden.addSubnet('224.0.0.0', 4, 'ipv4')
forbidden.addSubnet('240.0.0.0', 4, 'ipv4')
forbidden.addAddress('::', 'ipv6')
forbidden.addSubnet('fe80::', 10, 'ipv6')
forbidden.addSubnet('ff00::', 8, 'ipv6')
forbidden.addAddress('fd00:ec2::254', 'ipv6')

const privateRanges = new net.BlockList()
privateRanges.addSubnet('127.0.0.0', 8, 'ipv4')
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4')
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4')
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4')
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4')
privateRanges.addSubnet('198.18.0.0', 15, 'ipv4')
privateRanges.addAddress('::1', 'ipv6')
privateRanges.addSubnet('fc00::', 7, 'ipv6')

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, else null. */
const embeddedIpv4 = (address: string): string | null => {
  const lower = address.toLowerCase()
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (!hex) return null
  const high = parseInt(hex[1], 16)
  const low = parseInt(hex[2], 16)
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
}

/** Which class an IP address (v4 or v6, no brackets) belongs to. */
export const classifyAddress = (address: string): AddressClass => {
  const mapped = embeddedIpv4(address)
  if (mapped) return classifyAddress(mapped)
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null
  if (!family) return 'forbidden'
  if (address === '255.255.255.255' || forbidden.check(address, family)) return 'forbidden'
  if (privateRanges.check(address, family)) return 'private'
  return 'public'
}

const isLoopback = (address: string): boolean => {
  const mapped = embeddedIpv4(address) ?? address
  return mapped === '::1' || /^127\./.test(mapped)
}

export class WebhookUrlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookUrlError'
  }
}

const MAX_URL_LENGTH = 2048

const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')

const portOf = (url: URL): number =>
  url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80

/** The CMS's own origins: PUBLIC_URL and the addresses this server listens on. */
const selfOrigins = (): URL[] => {
  const origins = env.originsEnv()
  return [origins.PUBLIC_URL, ...(origins.REDAKSI_LISTEN_ORIGINS ?? '').split(',')]
    .map((raw) => {
      try {
        return raw ? new URL(raw.trim()) : null
      } catch {
        return null
      }
    })
    .filter((url): url is URL => url !== null)
}

const localAddresses = (): Set<string> =>
  new Set(
    Object.values(os.networkInterfaces())
      .flat()
      .map((entry) => entry?.address)
      .filter((address): address is string => Boolean(address)),
  )

/** Whether connecting to `address`:`port` would reach this server. */
const reachesSelf = (address: string, port: number): boolean => {
  const ports = new Set(selfOrigins().map(portOf))
  if (!ports.has(port)) return false
  return isLoopback(address) || localAddresses().has(embeddedIpv4(address) ?? address)
}

/** Parses and checks everything but the addresses: scheme, credentials, length, the CMS's own origin. */
export const parseWebhookUrl = (raw: unknown): URL => {
  if (typeof raw !== 'string' || raw.trim() === '') throw new WebhookUrlError('A URL is required.')
  if (raw.length > MAX_URL_LENGTH) {
    throw new WebhookUrlError(`The URL is too long (at most ${MAX_URL_LENGTH} characters).`)
  }
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new WebhookUrlError('Not a valid URL; expected e.g. https://example.com/hooks/redaksi.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookUrlError('Webhook URLs must use http or https.')
  }
  if (url.username || url.password) {
    throw new WebhookUrlError(
      'Webhook URLs may not contain a user name or password; the signature authenticates Redaksi.',
    )
  }
  if (!url.hostname) throw new WebhookUrlError('The URL has no host.')
  const self = selfOrigins().some(
    (origin) => origin.hostname === url.hostname && portOf(origin) === portOf(url),
  )
  if (self) throw new WebhookUrlError('A webhook may not point at this CMS itself.')
  return url
}

/** Refuses an address a webhook may not reach (with the reason), else returns nothing. */
export const checkAddress = (
  address: string,
  port: number,
  allowPrivate: boolean = env.webhooks().allowPrivate,
): void => {
  const kind = classifyAddress(address)
  if (kind === 'forbidden') {
    throw new WebhookUrlError(
      `The URL resolves to ${address}, a link-local, metadata, multicast or unspecified address; webhooks may not reach it.`,
    )
  }
  if (reachesSelf(address, port)) {
    throw new WebhookUrlError('A webhook may not point at this CMS itself.')
  }
  if (kind === 'private' && !allowPrivate) {
    throw new WebhookUrlError(
      `The URL resolves to ${address}, a loopback or private-network address; webhooks may reach it only when WEBHOOKS_ALLOW_PRIVATE=true.`,
    )
  }
}

/** Resolves a host name (or takes an IP literal) to all of its addresses. */
const resolveHost = async (host: string): Promise<LookupAddress[]> => {
  const family = net.isIP(host)
  if (family) return [{ address: host, family }]
  try {
    return await dnsLookup(host, { all: true, verbatim: true })
  } catch {
    throw new WebhookUrlError(`The host ${host} could not be resolved.`)
  }
}

/**
 * The full check at save time: syntax, scheme, the CMS's own origin, and every address the host
 * resolves to. Returns the normalised URL.
 */
export const validateWebhookUrl = async (raw: unknown): Promise<URL> => {
  const url = parseWebhookUrl(raw)
  const addresses = await resolveHost(hostOf(url))
  if (addresses.length === 0) throw new WebhookUrlError(`The host ${hostOf(url)} has no address.`)
  for (const { address } of addresses) checkAddress(address, portOf(url))
  return url
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A `lookup` for http.request that resolves the host and refuses the connection when any
 * address is not allowed: the check runs on the addresses the socket connects to.
 */
export const guardedLookup =
  (port: number) =>
  (hostname: string, options: { all?: boolean } | number, callback: LookupCallback): void => {
    resolveHost(hostname.replace(/^\[(.*)\]$/, '$1'))
      .then((addresses) => {
        for (const { address } of addresses) checkAddress(address, port)
        if (typeof options === 'object' && options.all) callback(null, addresses)
        else callback(null, addresses[0].address, addresses[0].family)
      })
      .catch((err: Error) => callback(Object.assign(err, { code: 'EWEBHOOKBLOCKED' }), '', 0))
  }

/** The host and port a delivery connects to (IP literals are checked before connecting). */
export const targetOf = (url: URL): { host: string; port: number } => ({
  host: hostOf(url),
  port: portOf(url),
})
