'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useConfig, useTranslation } from '@payloadcms/ui'

import { photoLabels } from '../labels'

/**
 * Media list, file name column: the file name as a link to the entry, or for a caption-only entry
 * (imported without its image) "photo missing" and a call to attach the photo, never "null".
 */
export const FilenameCell = ({ rowData, cellData, collectionSlug }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const lang = i18n.language === 'id' ? 'id' : 'en'
  const id = (rowData as { id?: string | number }).id
  const href = `${config.routes.admin}/collections/${collectionSlug}/${id}`
  if (typeof cellData === 'string' && cellData !== '') {
    return (
      <a href={href} data-testid="media-filename">
        {cellData}
      </a>
    )
  }
  return (
    <span className="redaksi-photo-missing" data-testid="media-photo-missing">
      <span className="redaksi-badge" data-photo-status="missing">
        {photoLabels.missing[lang]}
      </span>{' '}
      <a href={href} data-testid="media-attach-photo">
        {photoLabels.attach[lang]}
      </a>
    </span>
  )
}
