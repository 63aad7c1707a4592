import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `file`, and returns the boundary messages. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'whathead/import-boundaries')
    .map((message) => message.message);
}

describe('import boundaries (docs/ARCHITECTURE.md)', () => {
  it('stops routes from reaching SQL, and services from seeing HTTP', async () => {
    assert.equal(
      (
        await boundaryErrors(
          'apps/server/src/routes/x/x.routes.ts',
          "import '../../repositories/user.repository.js';\n",
        )
      ).length,
      1,
    );
    assert.equal(
      (await boundaryErrors('apps/server/src/services/x.service.ts', "import 'fastify';\n")).length,
      1,
    );
    assert.deepEqual(
      await boundaryErrors(
        'apps/server/src/services/x.service.ts',
        "import '../repositories/user.repository.js';\n",
      ),
      [],
    );
  });

  it('keeps the emulator out of the server except in tests, and away from the client', async () => {
    assert.equal(
      (await boundaryErrors('apps/server/src/services/x.service.ts', "import '@whathead/tiktok-emulator';\n"))
        .length,
      1,
    );
    assert.deepEqual(
      await boundaryErrors(
        'apps/server/src/services/x.service.test.ts',
        "import '@whathead/tiktok-emulator';\n",
      ),
      [],
    );
    assert.equal(
      (await boundaryErrors('packages/tiktok-emulator/src/x.ts', "import '@whathead/tiktok-client';\n"))
        .length,
      1,
    );
    assert.equal(
      (await boundaryErrors('packages/tiktok-client/src/x.ts', "import '@whathead/contracts';\n")).length,
      1,
    );
  });

  it('lets the web app import only contracts, and no feature import another', async () => {
    assert.equal((await boundaryErrors('apps/web/src/lib/x.ts', "import '@whathead/db';\n")).length, 1);
    assert.deepEqual(await boundaryErrors('apps/web/src/lib/x.ts', "import '@whathead/contracts';\n"), []);
    assert.equal(
      (await boundaryErrors('apps/web/src/features/auth/x.ts', "import '../members/api/get-members';\n"))
        .length,
      1,
    );
    assert.deepEqual(await boundaryErrors('apps/web/src/features/auth/x.ts', "import './api/log-in';\n"), []);
    assert.equal(
      (await boundaryErrors('apps/web/src/components/x.ts', "import '../features/auth/api/log-in';\n"))
        .length,
      1,
    );
  });
});
