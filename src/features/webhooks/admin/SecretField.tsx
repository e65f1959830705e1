'use client'
import {
  FieldLabel,
  useDocumentInfo,
  useField,
  useFormInitializing,
  useTranslation,
} from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import { webhookLabels } from '../labels'

const randomSecret = (): string => {
  const bytes = new Uint8Array(32)
  crypto.getRandomValues(bytes)
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * The webhook secret in the admin: on a new webhook a random secret is filled in and shown, to
 * be copied before saving (it is never shown again); on an existing one the field stays empty
 * (reads never return the secret) and a value typed into it replaces the secret.
 */
export const SecretField: TextFieldClientComponent = ({ path, field }) => {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'id' ? 'id' : 'en'
  const { value, setValue } = useField<string>({ path })
  const initializing = useFormInitializing()
  const [generated] = useState(() => (id ? '' : randomSecret()))
  // a new webhook always has a secret in the form (also after Payload (re)initialises the form state)
  useEffect(() => {
    if (!id && !initializing && !value && generated) setValue(generated, true)
  }, [id, initializing, value, generated, setValue])
  return (
    <div className="field-type text" style={{ marginBottom: 'var(--spacing-field)' }}>
      <FieldLabel label={field.label} path={path} />
      <input
        id={`field-${path}`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value ?? ''}
        onChange={(event) => setValue(event.target.value)}
        style={{ fontFamily: 'monospace', width: '100%' }}
      />
      <p className="field-description">
        {id ? webhookLabels.secretSet[lang] : webhookLabels.secretNew[lang]}
      </p>
    </div>
  )
}
