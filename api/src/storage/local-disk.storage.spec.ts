import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'jianyan-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads, checks and deletes bytes by key', async () => {
    const key = 'evidence/0f1e2d3c-aaaa-bbbb-cccc-000000000001/0f1e2d3c-aaaa-bbbb-cccc-000000000002';
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, Buffer.from('内容'));
    expect((await storage.get(key))!.toString()).toBe('内容');
    expect(await storage.exists(key)).toBe(true);
    expect(readdirSync(path.join(root, 'evidence', '0f1e2d3c-aaaa-bbbb-cccc-000000000001'))).toHaveLength(1);
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it('refuses keys that could leave the root folder', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'A/B', 'a//b', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('invalid storage key');
    }
  });
});
