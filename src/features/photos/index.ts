import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { MEDIA_SLUG } from '@collections/slugs'
import { env } from '@/config/env'
import type { MediaSettings } from '@/config/media'
import { extendCollection, insertFieldsAfter } from '@/features/shared/extend'
import { rightsFields, validateCredit } from './fields'
import { ACCEPTED_IMAGE_TYPES } from './formats'
import { cleanUpload } from './hooks/cleanUpload'

const COMPONENTS = '/src/features/photos/admin'

const webp = { format: 'webp' as const, options: { quality: 82 } }

/** Credit becomes required for photos with a file; alt text says the rule book needs it. */
const withPhotoRules = (field: Field): Field => {
  if (!('name' in field)) return field
  if (field.name === 'credit' && field.type === 'text' && !field.hasMany) {
    return {
      ...field,
      validate: validateCredit,
      admin: {
        ...field.admin,
        description: {
          en: 'Required for a photo with an image file.',
          id: 'Wajib untuk foto yang sudah ada berkas gambarnya.',
        },
      },
    }
  }
  if (field.name === 'photoStatus' && field.type === 'text') {
    return {
      ...field,
      admin: {
        ...field.admin,
        components: {
          ...field.admin?.components,
          Field: `${COMPONENTS}/PhotoStatusLive#PhotoStatusLive`,
        },
      },
    } as Field
  }
  if (field.name === 'alt' && field.type === 'text') {
    return {
      ...field,
      admin: {
        ...field.admin,
        description: {
          en: 'Describes the image for readers who cannot see it. A featured photo needs it before its article is approved or published.',
          id: 'Menjelaskan gambar bagi pembaca yang tidak dapat melihatnya. Foto utama wajib memilikinya sebelum artikelnya disetujui atau diterbitkan.',
        },
      },
    } as Field
  }
  return field
}

/** The Media collection as the photo desk needs it. */
const photoDesk = (media: CollectionConfig, settings: MediaSettings): CollectionConfig => {
  const upload = typeof media.upload === 'object' ? media.upload : {}
  return {
    ...media,
    upload: {
      ...upload,
      staticDir: settings.dir,
      // Payload checks the declared type; cleanUpload decides by content.
      mimeTypes: Object.keys(ACCEPTED_IMAGE_TYPES),
      filesRequiredOnCreate: false,
      // Payload's own focal point and crop tools in the edit view.
      focalPoint: true,
      crop: true,
      // Sizes never carry EXIF/XMP/ICC (the original is stripped by cleanUpload).
      withMetadata: false,
      adminThumbnail: 'thumbnail',
      imageSizes: [
        { name: 'thumbnail', width: 320, height: 240, position: 'centre', formatOptions: webp },
        { name: 'card', width: 768, height: 512, position: 'centre', formatOptions: webp },
        {
          name: 'hero',
          width: 1600,
          height: undefined,
          withoutEnlargement: true,
          formatOptions: webp,
        },
      ],
    },
    hooks: {
      ...media.hooks,
      beforeOperation: [...(media.hooks?.beforeOperation ?? []), cleanUpload],
    },
    fields: [
      ...insertFieldsAfter(media.fields.map(withPhotoRules), 'credit', rightsFields),
      // Payload's own filename field: the list shows "photo missing" and a link to attach it.
      {
        name: 'filename',
        type: 'text',
        admin: { components: { Cell: `${COMPONENTS}/FilenameCell#FilenameCell` } },
      },
    ],
  }
}

/**
 * S3-compatible storage for the media collection (Payload still checks read access on files).
 * Always applied, so the schema is the same with and without S3 (its `prefix` and `_objectKey`
 * columns exist either way: `alwaysInsertFields`); it stores files only when S3_BUCKET is set.
 */
const objectStorage = (settings: MediaSettings): Plugin =>
  s3Storage({
    enabled: settings.s3 !== null,
    alwaysInsertFields: true,
    bucket: settings.s3?.bucket ?? '',
    collections: { [MEDIA_SLUG]: true },
    config: settings.s3
      ? {
          region: settings.s3.region,
          ...(settings.s3.endpoint ? { endpoint: settings.s3.endpoint } : {}),
          forcePathStyle: settings.s3.forcePathStyle,
          // Many S3-compatible stores do not accept the SDK's default trailing checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          credentials: {
            accessKeyId: settings.s3.accessKeyId,
            secretAccessKey: settings.s3.secretAccessKey,
          },
        }
      : {},
  })

const S3_CLIENT_HANDLER = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

/**
 * storage-s3 always registers its browser-upload provider in the admin, even with client uploads
 * off (as here: uploads go through the server, which strips metadata). That provider comes from
 * plugin-cloud-storage's own nested @payloadcms/ui 3.90.1 (ours is 3.90.2), a second React
 * context, and crashed every admin page ("useUploadHandlers must be used within
 * UploadHandlersProvider"). It is taken out again.
 */
const withoutClientUploadHandler = (config: Config): Config => {
  const { [S3_CLIENT_HANDLER]: _handler, ...dependencies } = config.admin?.dependencies ?? {}
  return {
    ...config,
    admin: {
      ...config.admin,
      dependencies,
      components: {
        ...config.admin?.components,
        providers: (config.admin?.components?.providers ?? []).filter(
          (provider) =>
            provider !== S3_CLIENT_HANDLER &&
            !(typeof provider === 'object' && provider.path === S3_CLIENT_HANDLER),
        ),
      },
    },
  }
}

/**
 * The photo desk as one Payload plugin: uploads into caption-only media entries, the sharp pipeline
 * (WebP sizes, focal point, crop, original without metadata), type-by-content and size checks,
 * safe names, rights fields (the rule book's photo rules use them), local or S3 storage, and the
 * media list's "photo missing" cell.
 */
export const photosPlugin: Plugin = async (config: Config): Promise<Config> => {
  const settings = env.media()
  const withMedia = extendCollection(config, MEDIA_SLUG, (media) => photoDesk(media, settings))
  return withoutClientUploadHandler(await objectStorage(settings)(withMedia))
}
