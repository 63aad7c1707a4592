import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './tools/eslint/import-boundaries.js';

const ours = ['@whathead/contracts', '@whathead/db', '@whathead/tiktok-client', '@whathead/tiktok-emulator'];
const except = (...allowed) => ours.filter((name) => !allowed.includes(name));

// The boundaries of docs/ARCHITECTURE.md, enforced.
const boundaries = [
  { from: 'packages/contracts', forbid: except(), why: 'contracts are the shared leaf' },
  { from: 'packages/db', forbid: except(), why: 'the database package knows no domain' },
  {
    from: 'packages/tiktok-client',
    forbid: except(),
    exceptTests: true,
    why: 'the TikTok client imports nothing of ours (its tests may run it against the emulator)',
  },
  {
    from: 'packages/tiktok-emulator',
    forbid: except(),
    why: 'the emulator must not share the client’s parsers, or a parsing bug hides behind a matching emulator bug',
  },
  {
    from: 'apps/server',
    forbid: ['@whathead/tiktok-emulator', 'apps/web', 'packages/tiktok-emulator'],
    exceptTests: true,
    except: ['apps/server/src/offline/', 'apps/server/src/testing/'],
    why: 'the emulator is for tests, their helpers and the offline start-up only',
  },
  { from: 'apps/server', forbid: ['apps/web'], why: 'the server serves the built web app, never its source' },
  {
    from: 'apps/web',
    forbid: [...except('@whathead/contracts'), 'apps/server', 'packages'],
    why: 'the web app talks to the server over HTTP and shares only contracts',
  },
  {
    from: 'apps/web/src/features/*',
    forbid: ['apps/web/src/features/*'],
    otherThanSelf: true,
    why: 'features do not import each other; lift shared code to src/components or src/lib',
  },
  {
    from: 'apps/web/src/features',
    forbid: ['apps/web/src/app'],
    why: 'imports flow shared → features → app',
  },
  {
    from: 'apps/web/src/components',
    forbid: ['apps/web/src/features', 'apps/web/src/app'],
    why: 'shared code does not know features',
  },
  {
    from: 'apps/web/src/lib',
    forbid: ['apps/web/src/features', 'apps/web/src/app', 'apps/web/src/components'],
    why: 'lib is the bottom layer',
  },
  {
    from: 'apps/server/src/routes',
    forbid: ['apps/server/src/repositories', '@whathead/db'],
    exceptTests: true,
    why: 'routes call services; SQL lives in repositories',
  },
  {
    from: 'apps/server/src/services',
    forbid: ['apps/server/src/routes', 'fastify'],
    why: 'services never see HTTP',
  },
  {
    from: 'apps/server/src/repositories',
    forbid: ['apps/server/src/services', 'apps/server/src/routes'],
    why: 'repositories hold SQL only',
  },
  {
    from: 'apps/server/src/lib',
    forbid: ['apps/server/src/services', 'apps/server/src/routes', 'apps/server/src/repositories'],
    why: 'lib holds no domain knowledge',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.whathead/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { whathead: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'whathead/import-boundaries': ['error', boundaries],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**', 'e2e/**', 'tools/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off' },
  },
);
