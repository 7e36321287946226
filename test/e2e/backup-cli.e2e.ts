import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiSession } from '../support/api-session';
import { REPO_ROOT, startServer } from '../support/server';

const CLI = path.join(REPO_ROOT, 'dist/api/cli.js');

/** The proposals 张洁 sees, through the API of a running server. */
async function proposalCount(url: string): Promise<number> {
  const zhang = await apiSession(url, 'zhangjie@jianyan.demo');
  return (await zhang('{ proposals(first: 10) { totalCount } }')).proposals.totalCount;
}

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The backup and restore commands of the built product: a backup of a running installation (SQLite),
 * restored into a new data folder that the product then serves; a used target is refused.
 */
describe('backup and restore commands', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'jianyan-backup-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a running installation, restores it into an empty folder, and refuses a used one', async () => {
    const source = await startServer({}, { dataDir: path.join(root, 'source'), keepData: true });
    let backup;
    let before: number;
    try {
      before = await proposalCount(source.url);
      expect(before).toBeGreaterThan(0);
      backup = cli(['backup', '--out', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'source') });
    } finally {
      await source.stop();
    }
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/database: \d+ pages copied/);
    expect(backup.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    const manifest = JSON.parse(readFileSync(path.join(root, 'backup', 'manifest.json'), 'utf8'));
    expect(manifest.tables.proposals).toBeGreaterThan(0);

    const restore = cli(['restore', '--from', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'restored') });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/restore complete/);

    const again = cli(['restore', '--from', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'restored') });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/restore needs an empty target, but .* has rows in .*proposals/);
    expect(cli(['backup'], { DATA_DIR: path.join(root, 'restored') }).stderr).toMatch(/backup needs --out/);

    const restored = await startServer({ SEED_DEMO: 'false' }, { dataDir: path.join(root, 'restored'), keepData: true });
    try {
      expect(await proposalCount(restored.url)).toBe(before);
    } finally {
      await restored.stop();
    }
  });
});
