/** The photo desk's names in English and Indonesian (client-safe: no Payload import). */
import type { Labels } from '@/admin/labels'
import type { RuleId } from '@/features/workflow/rules/transitions'

export const photoLabels = {
  photo: { en: 'Photo', id: 'Foto' },
  present: { en: 'present', id: 'ada' },
  missing: { en: 'photo missing', id: 'foto belum ada' },
  attach: { en: 'Attach the photo →', id: 'Unggah fotonya →' },
  rightsHeading: { en: 'Featured photo', id: 'Foto utama' },
  rightsOk: {
    en: 'Alt text, credit and rights are in order.',
    id: 'Teks alternatif, kredit, dan hak sudah lengkap.',
  },
  editPhoto: { en: 'Edit the photo', id: 'Ubah foto' },
} satisfies Record<string, Labels>

/** Why approve/publish is refused, per photo rule (the rule book's English is the API message). */
export const photoRuleLabels: Partial<Record<RuleId, Labels>> = {
  'workflow.photo.alt-missing': {
    en: 'The featured photo has no alt text: approving and publishing are blocked.',
    id: 'Foto utama belum memiliki teks alternatif: persetujuan dan penerbitan diblokir.',
  },
  'workflow.photo.credit-missing': {
    en: 'The featured photo has no credit: approving and publishing are blocked.',
    id: 'Foto utama belum memiliki kredit: persetujuan dan penerbitan diblokir.',
  },
  'workflow.photo.rights-expired': {
    en: 'The rights to the featured photo have expired: approving and publishing are blocked.',
    id: 'Hak atas foto utama sudah berakhir: persetujuan dan penerbitan diblokir.',
  },
}
