import type { Endpoint } from 'payload'

import { searchArticles } from './service'

/**
 * GET /api/search?q=&page=&limit=&language=
 * Published articles ranked by relevance, with highlighted title and snippet (escaped HTML with
 * <mark>). The same answer for every caller: drafts are never in the index. 400 for a missing,
 * wordless or too long q (over 200 characters), a bad page (1–1000), limit (1–API_MAX_LIMIT) or
 * language (two letters).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const query = req.searchParams
    const results = await searchArticles(req, {
      q: query.get('q') ?? undefined,
      page: query.get('page') ?? undefined,
      limit: query.get('limit') ?? undefined,
      language: query.get('language') ?? undefined,
    })
    return Response.json(results)
  },
}
