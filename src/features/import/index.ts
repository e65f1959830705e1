import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { rememberLiveRelations } from '@collections/Articles/hooks/refreshRelatedVisibility'
import { extendCollection, insertBefore } from '@/features/shared/extend'
import { sourceField } from './fields'
import { keepSourceReadOnly } from './hooks/keepSourceReadOnly'

/**
 * The seed importer as one Payload plugin: the importer-owned `source` group on articles and the
 * hook that keeps it read-only. The importer itself (parser/ → plan.ts → importer.ts, the writer)
 * runs from the seed CLI and the server's start-up tasks.
 */
export const importPlugin: Plugin = (config: Config): Config =>
  extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      // after the workflow's field guard, before the visibility bookkeeping (as before)
      beforeChange: insertBefore(articles.hooks?.beforeChange, rememberLiveRelations, [
        keepSourceReadOnly,
      ]),
    },
    fields: [...articles.fields, sourceField],
  }))
