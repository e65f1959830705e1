import type { Config, Endpoint, Plugin } from 'payload'

import { env } from '@/config/env'
import { maxAliasesRule, maxDepthRule } from './graphql'
import { malformedMultipartAfterError } from './multipartErrors'
import { enforceRequestLimits } from './readCaps'

/** Auth collections without e-mail verification answer its route with a clear 404, not a crash. */
const verificationDisabled: Endpoint = {
  path: '/verify/:id',
  method: 'post',
  handler: () =>
    Response.json(
      { errors: [{ message: 'E-mail verification is not enabled for these accounts.' }] },
      { status: 404 },
    ),
}

/**
 * Resource limits at the Payload level, so REST, GraphQL and the Local API with a user agree:
 * read caps, strict ids and data shape on every collection (src/limits/readCaps.ts), GraphQL
 * complexity/alias/depth limits, and the multipart upload limits.
 */
export const limitsPlugin =
  (): Plugin =>
  (config: Config): Config => {
    const limits = env.limits()
    const previousRules = config.graphQL?.validationRules
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [enforceRequestLimits, ...(collection.hooks?.beforeOperation ?? [])],
        },
        endpoints:
          collection.endpoints === false
            ? false
            : collection.auth && !(typeof collection.auth === 'object' && collection.auth.verify)
              ? [verificationDisabled, ...(collection.endpoints ?? [])]
              : collection.endpoints,
      })),
      graphQL: {
        ...config.graphQL,
        maxComplexity: limits.graphqlMaxComplexity,
        validationRules: (args) => [
          maxAliasesRule(limits.graphqlMaxAliases),
          maxDepthRule(limits.graphqlMaxDepth),
          ...(previousRules ? previousRules(args) : []),
        ],
      },
      hooks: {
        ...config.hooks,
        afterError: [...(config.hooks?.afterError ?? []), malformedMultipartAfterError],
      },
      upload: {
        ...config.upload,
        abortOnLimit: true,
        responseOnLimit: `Upload too large: the limit is ${Math.round((limits.maxUploadBytes / (1024 * 1024)) * 10) / 10} MB (${limits.maxUploadBytes} bytes) per file (MEDIA_MAX_BYTES).`,
        limits: { ...config.upload?.limits, fileSize: limits.maxUploadBytes },
      },
    }
  }
