import type { Payload } from 'payload'

import { ARTICLES_SLUG, AUTHORS_SLUG, MEDIA_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import { collectionSchema, exampleOf, schemaName } from './schemas'
import type { JsonSchema } from './schemas'

/** The collections anonymous readers and API clients read (each gets a list and a by-id route). */
export const PUBLIC_COLLECTIONS = [ARTICLES_SLUG, AUTHORS_SLUG, MEDIA_SLUG] as const

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Errors') } },
})
const COMMON_ERRORS = {
  '400': errorResponse('Malformed request (bad id, bad where, limit out of range).'),
  '401': errorResponse('Unknown, malformed or disabled API key.'),
  '429': {
    description: 'Rate limit reached; retry after the number of seconds in Retry-After.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/json': { schema: ref('Errors') } },
  },
}
const idParam = (idType: 'number' | 'text') => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: idType === 'number' ? { type: 'integer', minimum: 1 } : { type: 'string' },
})

const listParams = (maxLimit: number, maxDepth: number) => [
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: 10 },
    description: `Documents per page; capped at ${maxLimit} (API_MAX_LIMIT) for anonymous readers and API clients.`,
  },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  {
    name: 'depth',
    in: 'query',
    schema: { type: 'integer', minimum: 0, maximum: maxDepth, default: 2 },
    description: `Relationship population depth; capped at ${maxDepth} (API_MAX_DEPTH).`,
  },
  {
    name: 'sort',
    in: 'query',
    schema: { type: 'string' },
    description: 'A public field name, `-` for descending (e.g. `-publishedAt`).',
  },
  {
    name: 'where',
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object' },
    description: 'Payload query on public fields, e.g. `where[slug][equals]=my-article`.',
  },
]

const draftParam = {
  name: 'draft',
  in: 'query',
  schema: { type: 'boolean' },
  description:
    'Latest draft instead of the published version: staff and `preview`-scoped API clients only; anyone else gets the published version.',
}

const paginated = (item: string): JsonSchema => ({
  type: 'object',
  required: ['docs', 'totalDocs', 'limit', 'page', 'totalPages'],
  properties: {
    docs: { type: 'array', items: ref(item) },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    page: { type: 'integer' },
    totalPages: { type: 'integer' },
    hasNextPage: { type: 'boolean' },
    hasPrevPage: { type: 'boolean' },
    nextPage: { type: ['integer', 'null'] },
    prevPage: { type: ['integer', 'null'] },
    pagingCounter: { type: 'integer' },
  },
})

const xml = (description: string) => ({
  description,
  content: { 'application/xml': { schema: { type: 'string' } } },
})

/**
 * The OpenAPI 3.1 document of the Delivery API, generated from the sanitised Payload config:
 * one schema per public collection with only the fields an anonymous reader may read (field
 * access evaluated for nobody signed in), examples built from those schemas, the public read
 * routes, the delivery formats and the staff workflow endpoint.
 */
export const buildOpenApiDocument = (payload: Payload): JsonSchema => {
  const idType = payload.db.defaultIDType === 'number' ? 'number' : 'text'
  const known = new Set<string>(PUBLIC_COLLECTIONS)
  const { apiMaxLimit, apiMaxDepth } = env.limits()
  const schemas: Record<string, JsonSchema> = {
    Errors: {
      type: 'object',
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message'],
            properties: { message: { type: 'string' }, data: {} },
          },
        },
      },
    },
  }
  const examples: Record<string, unknown> = {}
  const paths: Record<string, unknown> = {}
  for (const slug of PUBLIC_COLLECTIONS) {
    const collection = payload.collections[slug]?.config
    if (!collection) continue
    const name = schemaName(slug)
    const schema = collectionSchema(collection, { idType, known })
    schemas[name] = schema
    schemas[`${name}List`] = paginated(name)
    examples[name] = { value: exampleOf(schema) }
    const drafts = Boolean(collection.versions && collection.versions.drafts)
    const tag = name
    paths[`/api/${slug}`] = {
      get: {
        tags: [tag],
        operationId: `list${name}`,
        summary: `List ${slug}`,
        description:
          slug === ARTICLES_SLUG
            ? 'Published articles for anonymous readers and `published` API clients; staff and `preview` clients also see unpublished ones.'
            : `Public ${slug} (those used by a published article, or made public).`,
        parameters: [...listParams(apiMaxLimit, apiMaxDepth), ...(drafts ? [draftParam] : [])],
        responses: {
          '200': {
            description: 'One page of documents.',
            content: { 'application/json': { schema: ref(`${name}List`) } },
          },
          ...COMMON_ERRORS,
        },
      },
    }
    paths[`/api/${slug}/{id}`] = {
      get: {
        tags: [tag],
        operationId: `get${name}`,
        summary: `One ${name.toLowerCase()} by id`,
        parameters: [
          idParam(idType),
          listParams(apiMaxLimit, apiMaxDepth)[2],
          ...(drafts ? [draftParam] : []),
        ],
        responses: {
          '200': {
            description: `The ${name.toLowerCase()}.`,
            content: {
              'application/json': {
                schema: ref(name),
                examples: { example: { $ref: `#/components/examples/${name}` } },
              },
            },
          },
          '404': errorResponse('No such document, or not visible to this caller.'),
          ...COMMON_ERRORS,
        },
      },
    }
  }
  const articleTag = schemaName(ARTICLES_SLUG)
  paths['/api/articles/{id}/workflow'] = {
    post: {
      tags: [articleTag],
      operationId: 'articleWorkflow',
      summary: 'Workflow action (staff only)',
      description:
        'Moves an article through the editorial workflow. Signed-in staff only (JWT or the login cookie); API clients get 403.',
      security: [{ staffJwt: [] }],
      parameters: [idParam(idType)],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['action'],
              properties: {
                action: { type: 'string' },
                note: { type: 'string' },
                publishAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The updated article.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        '403': errorResponse('Not allowed for this caller.'),
        '404': errorResponse('Unknown article.'),
        '409': errorResponse('Action not possible from the current state.'),
        ...COMMON_ERRORS,
      },
    },
  }
  paths['/api/search'] = {
    get: {
      tags: ['Search'],
      operationId: 'searchArticles',
      summary: 'Full-text search over published articles',
      parameters: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: apiMaxLimit },
        },
        { name: 'language', in: 'query', schema: { type: 'string', pattern: '^[a-z]{2}$' } },
      ],
      responses: {
        '200': {
          description: 'Ranked results with highlighted snippets.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...COMMON_ERRORS,
      },
    },
  }
  for (const [path, by] of [
    ['/api/articles/{id}/ninjs', idParam(idType)],
    [
      '/api/articles/slug/{slug}/ninjs',
      { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
    ],
  ] as const) {
    paths[path] = {
      get: {
        tags: [articleTag],
        operationId: path.includes('slug') ? 'articleNinjsBySlug' : 'articleNinjs',
        summary: 'The article as an IPTC ninjs 3.x document',
        parameters: [by],
        responses: {
          '200': {
            description: 'ninjs 3.1 (https://iptc.org/std/ninjs/).',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '404': errorResponse('No published article.'),
          ...COMMON_ERRORS,
        },
      },
    }
  }
  for (const [path, summary] of [
    ['/feeds/rss.xml', 'RSS 2.0 feed of the latest 50 published articles'],
    ['/feeds/atom.xml', 'Atom 1.0 feed of the latest 50 published articles'],
    ['/sitemap-news.xml', 'Google News sitemap (articles published in the last 2 days)'],
    ['/sitemap.xml', 'Sitemap of all published articles'],
  ] as const) {
    paths[path] = {
      get: {
        tags: ['Formats'],
        operationId: path.replace(/[^a-z]+/gi, '_').replace(/^_|_$/g, ''),
        summary,
        ...(path.startsWith('/feeds/')
          ? {
              parameters: [
                { name: 'author', in: 'query', schema: { type: 'string' } },
                { name: 'tag', in: 'query', schema: { type: 'string' } },
              ],
            }
          : {}),
        responses: { '200': xml(summary), '429': COMMON_ERRORS['429'] },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Redaksi Delivery API',
      version: '1.0.0',
      description:
        'Published news content for sites and apps. Anonymous readers and `published` API clients read published content only; `preview` clients may also read the latest drafts of articles (read-only). See docs/api.md for scopes, rate limits and caps.',
    },
    servers: [{ url: env.publicUrl() ?? '/' }],
    security: [{}, { apiClientKey: [] }],
    tags: [
      { name: articleTag },
      { name: schemaName(AUTHORS_SLUG) },
      { name: schemaName(MEDIA_SLUG) },
      { name: 'Search' },
      { name: 'Formats' },
    ],
    paths,
    components: {
      schemas,
      examples,
      securitySchemes: {
        apiClientKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            'The header value is `api-clients API-Key <key>`; admins issue keys in the admin panel.',
        },
        staffJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Staff session (send `Authorization: JWT <token>` from /api/editors/login, or the login cookie).',
        },
      },
    },
  }
}
