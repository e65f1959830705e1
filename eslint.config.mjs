import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'data/**',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'src/migrations/**',
      'next-env.d.ts',
      'test/e2e/artifacts/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // CLIs, tests and benchmarks talk to a terminal.
    files: ['test/**', 'bench/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
  // --- Boundaries (issue #9): which module may import what ---------------------------------
  {
    // Configuration is read once: only src/config/env.ts touches process.env.
    files: ['src/**', 'collections/**', 'payload.config.ts'],
    ignores: ['src/config/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment through src/config/env.ts (env.*).',
        },
      ],
    },
  },
  {
    // The rule books and the parser are pure: no Payload, Next, React or database import.
    files: [
      'src/features/*/rules/**',
      'src/features/import/parser/**',
      'src/features/import/parse.ts',
      'src/features/import/plan.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['payload', 'payload/*', '@payloadcms/*'],
              message: 'Rules modules and the parser are pure: no Payload import.',
            },
            { group: ['next', 'next/*'], message: 'Rules modules and the parser: no Next import.' },
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'Rules modules and the parser: no React import.',
            },
            {
              group: [
                '@/db/*',
                '@/payload-types',
                'drizzle-orm',
                'drizzle-orm/*',
                '@libsql/*',
                'libsql',
                'pg',
                'mongodb',
                'mongoose',
              ],
              message: 'Rules modules and the parser: no database import.',
            },
          ],
        },
      ],
    },
  },
  {
    // Collections name admin components by path string in their config, never by import.
    files: ['collections/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/admin/components/*', '@/features/*/admin/*', '**/*.tsx'],
              message:
                'Collections reference admin components by path string (e.g. "/src/features/x/admin/Y#Y"), not by import.',
            },
          ],
        },
      ],
    },
  },
  {
    // Admin components: the rules of hooks.
    files: ['src/admin/**/*.tsx', 'src/features/*/admin/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
)
