import type { Payload, TypedUser } from 'payload'

import { MEDIA_SLUG } from '@collections/slugs'
import type { Lang } from '@/admin/labels'
import type { Media } from '@/payload-types'
import { photoProblems } from '@/features/workflow/rules/transitions'
import { idOf } from '@/lib/ids'
import { photoLabels, photoRuleLabels } from '../labels'

/**
 * Workflow panel: what blocks approving/publishing because of the featured photo (the rule book's
 * PHOTO_RULES), each with its rule id and a link to fix the photo. Nothing without a featured photo.
 */
export const PhotoRightsNotice = async ({
  featuredMedia,
  payload,
  user,
  lang,
}: {
  featuredMedia: unknown
  payload: Payload
  user: TypedUser | null | undefined
  lang: Lang
}) => {
  const id = idOf(featuredMedia)
  if (id === null) return null
  const media = (await payload.findByID({
    collection: MEDIA_SLUG,
    id,
    depth: 0,
    overrideAccess: false,
    user,
    disableErrors: true,
    select: { alt: true, credit: true, rightsExpireAt: true },
  })) as Pick<Media, 'id' | 'alt' | 'credit' | 'rightsExpireAt'> | null
  if (!media) return null
  const problems = photoProblems(media)
  return (
    <div
      className="redaksi-photo-rights"
      data-testid="workflow-photo-rights"
      data-problems={problems.join(' ')}
    >
      <span className="redaksi-muted">{photoLabels.rightsHeading[lang]}:</span>{' '}
      {problems.length === 0 ? (
        <span className="redaksi-muted">{photoLabels.rightsOk[lang]}</span>
      ) : (
        <ul>
          {problems.map((rule) => (
            <li key={rule} data-rule={rule}>
              {photoRuleLabels[rule]?.[lang] ?? rule} <code>{rule}</code>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <a href={`/admin/collections/${MEDIA_SLUG}/${media.id}`}>{photoLabels.editPhoto[lang]}</a>
      )}
    </div>
  )
}
