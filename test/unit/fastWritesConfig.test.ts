import type { Field, SanitizedCollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import configPromise from '@payload-config'
import { AUDIT_EVENTS_SLUG, AUTHORS_SLUG, MEDIA_SLUG } from '@collections/slugs'

/**
 * The importer writes media, audit events and authors through the database adapter
 * (src/features/import/fastWrites.ts), skipping Payload's hooks and validation. That is right only
 * while those collections have nothing the fast path does not reproduce. This test lists, for
 * each, every collection hook, field hook, required field and default as they are now, and why
 * the fast path may skip or reproduces each; it fails when one is added, so whoever adds it
 * decides whether fastWrites.ts must change (the integration test "importer fast writes" then
 * compares both paths row by row).
 */
const FAST_WRITTEN = {
  [MEDIA_SLUG]: {
    hooks: {
      // the public response cache: the database triggers bump the content generation for fast
      // writes too; these only make this process re-read it at once
      afterChange: ['noteChange'],
      afterDelete: ['noteDelete'],
      // operation-level: caps REST/GraphQL reads; refuses control characters except for the
      // importer; uploads only (the importer writes caption-only rows, no file); public reads
      beforeOperation: [
        'enforceRequestLimits',
        'rejectControlCharacters',
        'cleanUpload',
        'projectPublicFields',
      ],
    },
    // upload URLs and the photo status only concern files (caption-only rows have none) or reads
    fieldHooks: [
      'photoStatus.afterRead',
      'prefix.beforeChange', // storage-s3: the object key prefix of a stored file

      'url.afterRead',
      'url.beforeChange',
      'thumbnailURL.afterRead',
      'sizes.thumbnail.url.afterRead',
      'sizes.thumbnail.url.beforeChange',
      'sizes.card.url.afterRead',
      'sizes.card.url.beforeChange',
      'sizes.hero.url.afterRead',
      'sizes.hero.url.beforeChange',
    ],
    required: ['caption'], // MediaRow.caption
    // the column default stores the same; storage-s3's prefix is for stored files only
    defaults: ['inPublishedArticle=false', 'prefix=""'],
  },
  [AUDIT_EVENTS_SLUG]: {
    hooks: { beforeOperation: ['enforceRequestLimits', 'rejectControlCharacters'] },
    fieldHooks: [],
    required: ['at', 'actorLabel', 'action'], // AuditRow.at, actorLabel, action
    defaults: [],
  },
  [AUTHORS_SLUG]: {
    hooks: {
      // a new author has no photo; a new author is in no live article yet (nothing to re-index
      // for search); the content-generation triggers see fast writes (noteChange: this process)
      afterChange: ['refreshPhotoAfterChange', 'reindexAuthorArticles', 'noteChange'],
      afterDelete: ['refreshPhotoAfterDelete', 'noteDelete'],
      beforeChange: ['normalizeAuthorName'], // reproduced: derivedAuthorFields
      beforeOperation: ['enforceRequestLimits', 'rejectControlCharacters', 'projectPublicFields'],
      beforeValidate: ['uniqueSlugFrom'], // reproduced: firstFreeSlug over the stored slugs
    },
    fieldHooks: ['slug.beforeDuplicate'], // duplicates only
    required: ['name'], // AuthorRow.name
    defaults: ['publicProfile=false', 'inPublishedArticle=false'], // column defaults
  },
} as const

type Walked = { fieldHooks: string[]; required: string[]; defaults: string[] }

const walk = (
  fields: Field[],
  prefix = '',
  out: Walked = { fieldHooks: [], required: [], defaults: [] },
) => {
  for (const field of fields) {
    const name = 'name' in field ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
    if ('hooks' in field && field.hooks) {
      for (const [kind, list] of Object.entries(field.hooks)) {
        if (Array.isArray(list) && list.length > 0) out.fieldHooks.push(`${name}.${kind}`)
      }
    }
    if ('required' in field && field.required) out.required.push(name)
    if ('defaultValue' in field && field.defaultValue !== undefined) {
      out.defaults.push(
        `${name}=${typeof field.defaultValue === 'function' ? '(function)' : JSON.stringify(field.defaultValue)}`,
      )
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      walk(field.fields, 'name' in field ? `${name}.` : prefix, out)
    }
  }
  return out
}

const hooksOf = (collection: SanitizedCollectionConfig) =>
  Object.fromEntries(
    Object.entries(collection.hooks ?? {})
      .filter(([, list]) => Array.isArray(list) && list.length > 0)
      .map(([kind, list]) => [
        kind,
        (list as { name: string }[]).map((hook) => hook.name || '(anonymous)'),
      ]),
  )

describe('collections the importer writes through the adapter (fast path) stay simple', () => {
  it.each(Object.keys(FAST_WRITTEN) as (keyof typeof FAST_WRITTEN)[])(
    '%s: every hook, required field and default is one the fast path skips or reproduces',
    async (slug) => {
      const config = await configPromise
      const collection = config.collections.find((c) => c.slug === slug)
      expect(collection, slug).toBeDefined()
      const expected = FAST_WRITTEN[slug]
      expect(hooksOf(collection!)).toEqual(expected.hooks)
      const walked = walk(collection!.fields)
      expect(walked.fieldHooks.sort()).toEqual([...expected.fieldHooks].sort())
      expect(walked.required.sort()).toEqual([...expected.required].sort())
      expect(walked.defaults.sort()).toEqual([...expected.defaults].sort())
    },
  )
})
