'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useTranslation } from '@payloadcms/ui'

/** List cell for media: shows "photo missing" for caption-only entries. */
export const PhotoStatusCell = ({ rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const present = Boolean((rowData as { filename?: string | null }).filename)
  const missing = i18n.language === 'id' ? 'foto belum ada' : 'photo missing'
  return (
    <span className="redaksi-badge" data-photo-status={present ? 'present' : 'missing'}>
      {present ? (i18n.language === 'id' ? 'ada' : 'present') : missing}
    </span>
  )
}
