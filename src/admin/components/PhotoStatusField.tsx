import type { TextFieldServerProps } from 'payload'

import { langOf, t } from '@/admin/labels'

/**
 * Media edit view: whether the entry has its image file yet. Imported captions arrive without
 * one and show "photo missing" until someone uploads the photo. Meant for the virtual
 * `photoStatus` field of collections/Media (`admin.components.Field`).
 */
export const PhotoStatusField = ({ data, i18n }: TextFieldServerProps) => {
  const lang = langOf(i18n?.language)
  const present = Boolean((data as { filename?: string | null } | undefined)?.filename)
  return (
    <div className="field-type redaksi-photo-status" data-testid="photo-status">
      <span className="redaksi-muted">{t(lang, 'photo')}: </span>
      <span className="redaksi-badge" data-photo-status={present ? 'present' : 'missing'}>
        {present ? t(lang, 'photoPresent') : t(lang, 'photoMissing')}
      </span>
    </div>
  )
}
