import type { Field } from 'payload'

/**
 * On each editor's account (self-editable, like their name): the mail language and one switch per
 * notification kind. Everything is on by default.
 */
export const notificationFields: Field[] = [
  {
    name: 'notifications',
    type: 'group',
    label: { en: 'Notifications by email', id: 'Notifikasi lewat email' },
    admin: {
      condition: (_data, _siblingData, { user }) => Boolean(user),
      description: {
        en: 'Which mails Redaksi sends you. Turn a kind off to stop it.',
        id: 'Email yang dikirim Redaksi kepada Anda. Matikan jenis yang tidak Anda perlukan.',
      },
    },
    fields: [
      {
        name: 'language',
        type: 'select',
        defaultValue: 'en',
        label: { en: 'Mail language', id: 'Bahasa email' },
        options: [
          { value: 'en', label: 'English' },
          { value: 'id', label: 'Bahasa Indonesia' },
        ],
      },
      {
        name: 'onSubmitted',
        type: 'checkbox',
        defaultValue: true,
        label: {
          en: 'An article assigned to me is submitted for review',
          id: 'Artikel yang ditugaskan kepada saya diajukan untuk ditinjau',
        },
      },
      {
        name: 'onAssigned',
        type: 'checkbox',
        defaultValue: true,
        label: { en: 'An article is assigned to me', id: 'Sebuah artikel ditugaskan kepada saya' },
      },
      {
        name: 'onChangesRequested',
        type: 'checkbox',
        defaultValue: true,
        label: {
          en: 'An editor requests changes to my article',
          id: 'Editor meminta perbaikan pada artikel saya',
        },
      },
      {
        name: 'onPublished',
        type: 'checkbox',
        defaultValue: true,
        label: { en: 'My article is published', id: 'Artikel saya terbit' },
      },
    ],
  },
]
