import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runApi } from '../support/server';

describe('starting with a bad configuration', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'jianyan-config-'));

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
  ])('exits non-zero with %p and names %s', async (env, variable) => {
    const result = await runApi({ DATA_DIR: dataDir(), ...env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`Invalid configuration: ${variable}`);
    expect(result.stdout).not.toContain('listening');
  });
});
