import { describe, expect, it } from 'vitest'

import { resolveLimits } from '@/config/limits'
import { resolveMedia } from '@/config/media'
import { MAX_NAME_LENGTH, safeUploadName } from '@/features/photos/filename'
import {
  decideTransition,
  photoProblems,
  PHOTO_RIGHTS_ACTIONS,
  RULES,
} from '@/features/workflow/rules/transitions'
import type { TransitionContext } from '@/features/workflow/rules/transitions'

describe('safeUploadName', () => {
  const rows: [string, string, string][] = [
    ['IMG_2041.JPG', 'jpg', 'IMG_2041.jpg'],
    ['../../etc/passwd', 'png', 'passwd.png'],
    ['C:\\Users\\rina\\foto banjir.jpeg', 'jpg', 'foto-banjir.jpg'],
    ['evil\u202Egnp.exe', 'jpg', 'evilgnp.jpg'],
    ['zero\u200Bwidth.png', 'png', 'zerowidth.png'],
    ['tab\tand\nnewline.png', 'png', 'tabandnewline.png'],
    ['CON', 'png', 'CON-photo.png'],
    ['lpt1.txt', 'gif', 'lpt1-photo.gif'],
    ['.htaccess', 'png', 'htaccess.png'],
    ['...', 'png', 'photo.png'],
    ['', 'webp', 'photo.webp'],
    // "/" is a folder separator: only the last segment is kept
    ['<script>alert(1)</script>.png', 'png', 'script.png'],
    ['<b>bold&more.png', 'png', 'b-bold-more.png'],
    ['photo.png.php', 'jpg', 'photo.png.jpg'],
  ]
  for (const [raw, ext, expected] of rows) {
    it(`${JSON.stringify(raw)} → ${expected}`, () => {
      expect(safeUploadName(raw, ext)).toBe(expected)
    })
  }

  it('cuts long names on a code point boundary, keeping the extension', () => {
    const name = safeUploadName(`${'😀'.repeat(300)}.jpg`, 'jpg')
    expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH)
    expect(name.endsWith('😀.jpg')).toBe(true)
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name)
  })

  it('a unique suffix goes before the extension and counts toward the length', () => {
    expect(safeUploadName('IMG_0001.JPG', 'jpg', 'a1b2c3d4')).toBe('IMG_0001-a1b2c3d4.jpg')
    const long = safeUploadName('x'.repeat(500), 'webp', 'a1b2c3d4')
    expect(long).toHaveLength(MAX_NAME_LENGTH)
    expect(long.endsWith('x-a1b2c3d4.webp')).toBe(true)
  })

  it('the same name decomposed or composed is stored the same (NFC)', () => {
    expect(safeUploadName('Kafe\u0301.jpg', 'jpg')).toBe(safeUploadName('Kaf\u00e9.jpg', 'jpg'))
  })
})

describe('MEDIA_MAX_BYTES', () => {
  it('defaults to 20 MB', () => {
    expect(resolveLimits({}).maxUploadBytes).toBe(20 * 1024 * 1024)
  })
  it('is read with units; MAX_UPLOAD_BYTES is its old name', () => {
    expect(resolveLimits({ MEDIA_MAX_BYTES: '5mb' }).maxUploadBytes).toBe(5 * 1024 * 1024)
    expect(resolveLimits({ MAX_UPLOAD_BYTES: '2mb' }).maxUploadBytes).toBe(2 * 1024 * 1024)
    expect(
      resolveLimits({ MEDIA_MAX_BYTES: '2mb', MAX_UPLOAD_BYTES: '2097152' }).maxUploadBytes,
    ).toBe(2 * 1024 * 1024)
  })
  it('refuses both names with different sizes, and bad values', () => {
    expect(() => resolveLimits({ MEDIA_MAX_BYTES: '2mb', MAX_UPLOAD_BYTES: '3mb' })).toThrow(
      /set only MEDIA_MAX_BYTES/,
    )
    expect(() => resolveLimits({ MEDIA_MAX_BYTES: 'lots' })).toThrow(/MEDIA_MAX_BYTES must be/)
    expect(() => resolveLimits({ MEDIA_MAX_BYTES: '10' })).toThrow(/at least 1kb/)
  })
})

describe('media storage settings', () => {
  const full = {
    S3_BUCKET: 'redaksi-media',
    S3_REGION: 'ap-southeast-3',
    S3_ACCESS_KEY_ID: 'AKIA',
    S3_SECRET_ACCESS_KEY: 'secret',
  }
  it('local ./data/media by default, MEDIA_DIR resolved against the root', () => {
    expect(resolveMedia({}, '/srv/redaksi')).toEqual({ dir: '/srv/redaksi/data/media', s3: null })
    expect(resolveMedia({ MEDIA_DIR: '/mnt/photos' }, '/srv/redaksi').dir).toBe('/mnt/photos')
  })
  it('S3 with every required variable', () => {
    expect(resolveMedia(full, '/r').s3).toEqual({
      bucket: 'redaksi-media',
      region: 'ap-southeast-3',
      accessKeyId: 'AKIA',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    })
    expect(
      resolveMedia({ ...full, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' })
        .s3,
    ).toMatchObject({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true })
  })
  it('refuses a partial S3 configuration, naming what is missing', () => {
    expect(() => resolveMedia({ S3_BUCKET: 'redaksi-media' })).toThrow(
      /partly configured \(S3_BUCKET set\): also set S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    )
    expect(() => resolveMedia({ S3_ENDPOINT: 'http://x' })).toThrow(/also set S3_BUCKET/)
    const { S3_SECRET_ACCESS_KEY: _, ...noSecret } = full
    expect(() => resolveMedia(noSecret)).toThrow(/also set S3_SECRET_ACCESS_KEY, or unset/)
  })
  it('refuses a bad endpoint, bucket name or path-style flag', () => {
    expect(() => resolveMedia({ ...full, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT must be/)
    expect(() => resolveMedia({ ...full, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/)
    expect(() => resolveMedia({ ...full, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET must be/)
    expect(() => resolveMedia({ ...full, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
      /S3_FORCE_PATH_STYLE must be true or false/,
    )
  })
  it('never puts the secret into an error message', () => {
    try {
      resolveMedia({ ...full, S3_SECRET_ACCESS_KEY: 'hunter2', S3_BUCKET: 'BAD' })
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2')
    }
  })
})

describe('rule book: photo rights', () => {
  const now = new Date('2026-11-29T12:00:00Z')
  const good = { alt: 'Warga', credit: 'Rina', rightsExpireAt: '2027-01-01T00:00:00Z' }
  const base = (
    action: TransitionContext['action'],
    featuredPhoto: TransitionContext['featuredPhoto'],
  ): TransitionContext => ({
    actor: { id: 2, role: 'editor' },
    state: 'in_review',
    action,
    isOwner: false,
    submittedBy: 3,
    now,
    featuredPhoto,
    publishAt: action === 'schedule' ? '2026-12-01T00:00:00Z' : null,
  })

  it('every photo rule has a message', () => {
    for (const rule of [
      'workflow.photo.alt-missing',
      'workflow.photo.credit-missing',
      'workflow.photo.rights-expired',
    ]) {
      expect(RULES[rule]).toMatch(/featured photo/)
    }
  })

  it('lists the problems in order; none without a featured photo', () => {
    expect(photoProblems(null, now)).toEqual([])
    expect(photoProblems(good, now)).toEqual([])
    expect(
      photoProblems({ alt: ' ', credit: null, rightsExpireAt: '2026-11-29T11:59:59Z' }, now),
    ).toEqual([
      'workflow.photo.alt-missing',
      'workflow.photo.credit-missing',
      'workflow.photo.rights-expired',
    ])
    // expiring exactly now counts as expired; an unparsable date is treated as expired
    expect(photoProblems({ ...good, rightsExpireAt: now.toISOString() }, now)).toEqual([
      'workflow.photo.rights-expired',
    ])
    expect(photoProblems({ ...good, rightsExpireAt: 'soon' }, now)).toEqual([
      'workflow.photo.rights-expired',
    ])
    expect(photoProblems({ ...good, rightsExpireAt: null }, now)).toEqual([])
  })

  for (const action of ['approve', 'publish', 'schedule'] as const) {
    it(`${action}: refused (409) with the rule id while the photo lacks alt text; allowed when in order`, () => {
      const refused = decideTransition(base(action, { ...good, alt: '' }))
      expect(refused).toMatchObject({
        ok: false,
        code: 'invalid_transition',
        rule: 'workflow.photo.alt-missing',
      })
      expect(decideTransition(base(action, good)).ok).toBe(true)
      expect(decideTransition(base(action, null)).ok).toBe(true)
    })
  }

  it('publish_changes on a live article is checked too', () => {
    const ctx = { ...base('publish_changes', { ...good, credit: '' }), state: 'published' as const }
    expect(decideTransition(ctx)).toMatchObject({
      ok: false,
      rule: 'workflow.photo.credit-missing',
    })
  })

  it('submit, request_changes and unpublish are never blocked by the photo', () => {
    const bad = { alt: '', credit: '', rightsExpireAt: '2000-01-01T00:00:00Z' }
    expect(PHOTO_RIGHTS_ACTIONS).not.toContain('unpublish')
    expect(
      decideTransition({
        ...base('submit', bad),
        state: 'draft',
        actor: { id: 3, role: 'contributor' },
        isOwner: true,
      }).ok,
    ).toBe(true)
    expect(decideTransition({ ...base('request_changes', bad), note: 'Perbaiki' }).ok).toBe(true)
    expect(decideTransition({ ...base('unpublish', bad), state: 'published' }).ok).toBe(true)
  })

  it('the scheduler is refused at run time when the rights expired after scheduling', () => {
    const ctx: TransitionContext = {
      actor: { system: true },
      state: 'scheduled',
      action: 'publish',
      isOwner: false,
      now,
      publishAt: '2026-11-29T11:00:00Z',
      featuredPhoto: { ...good, rightsExpireAt: '2026-11-29T11:30:00Z' },
    }
    expect(decideTransition(ctx)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      rule: 'workflow.photo.rights-expired',
    })
    expect(decideTransition({ ...ctx, featuredPhoto: good }).ok).toBe(true)
  })

  it('role and transition checks come first (a contributor gets the role rule, not the photo rule)', () => {
    const ctx = {
      ...base('publish', { ...good, alt: '' }),
      actor: { id: 3, role: 'contributor' as const },
    }
    expect(decideTransition(ctx)).toMatchObject({
      rule: 'workflow.role.contributor-cannot-publish',
    })
  })
})
