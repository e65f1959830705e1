'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'

import { photoLabels } from '../labels'

/**
 * Media edit view: whether the entry has its image file, from the form itself, so it turns from
 * "photo missing" to "present" as soon as the upload is saved (the server-rendered status stayed
 * stale until a reload).
 */
export const PhotoStatusLive = () => {
  const { i18n } = useTranslation()
  const lang = i18n.language === 'id' ? 'id' : 'en'
  const filename = useFormFields(([fields]) => fields.filename?.value)
  const present = typeof filename === 'string' && filename !== ''
  return (
    <div className="field-type redaksi-photo-status" data-testid="photo-status">
      <span className="redaksi-muted">{photoLabels.photo[lang]}: </span>
      <span className="redaksi-badge" data-photo-status={present ? 'present' : 'missing'}>
        {present ? photoLabels.present[lang] : photoLabels.missing[lang]}
      </span>
    </div>
  )
}
