import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { RunningServer, startServer } from '../support/server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose answer's body comes back as sent on the wire (fetch would decode it). */
function rawRequest(url: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end(body);
  });
}

const varyList = (response: RawResponse) => String(response.headers.vary ?? '').toLowerCase().split(/\s*,\s*/);

/**
 * How the built server delivers the web app and its own answers: compressed as the client accepts,
 * hashed assets cached for a year, index.html revalidated, downloads sent as stored.
 */
describe('asset delivery (built server)', () => {
  let server: RunningServer;
  let scriptPath: string;

  beforeAll(async () => {
    server = await startServer({ NODE_ENV: 'production', SESSION_SECRET: 'e2e-secret-that-is-long-enough-0123456789', COOKIE_SECURE: 'false' });
    const html = (await rawRequest(`${server.url}/`, { accept: 'text/html' })).body.toString();
    scriptPath = html.match(/<script[^>]+src="(\/assets\/[^"]+\.js)"/)![1];
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends a hashed script brotli-compressed to a client that accepts it, cached for a year', async () => {
    const plain = await rawRequest(`${server.url}${scriptPath}`, {});
    const compressed = await rawRequest(`${server.url}${scriptPath}`, { 'accept-encoding': 'br, gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toMatch(/javascript/);
    expect(varyList(compressed)).toContain('accept-encoding');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(compressed.body).equals(plain.body)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const plain = await rawRequest(`${server.url}${scriptPath}`, {});
    const compressed = await rawRequest(`${server.url}${scriptPath}`, { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(varyList(compressed)).toContain('accept-encoding');
    expect(gunzipSync(compressed.body).equals(plain.body)).toBe(true);
  });

  it('has index.html revalidated at each load, for every page of the app', async () => {
    for (const page of ['/', '/login', '/proposals/some-id']) {
      const response = await rawRequest(`${server.url}${page}`, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('compresses GraphQL answers', async () => {
    const zhang = new GraphQLTestClient(server.url);
    await zhang.login('zhangjie@jianyan.demo');
    // the same list under a few aliases: an answer above the 1 kB below which compressing is not worth it
    const lists = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: organizations { id code kind name nameEn parentId }`);
    const body = JSON.stringify({ query: `{ ${lists.join(' ')} }` });
    const headers = { 'content-type': 'application/json', cookie: zhang.cookieHeader };
    const plain = await rawRequest(`${server.url}/graphql`, headers, body);
    const compressed = await rawRequest(`${server.url}/graphql`, { ...headers, 'accept-encoding': 'br, gzip' }, body);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(varyList(compressed)).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(compressed.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });

  it('sends an attachment download as stored, not compressed, even when it is text', async () => {
    const chen = new GraphQLTestClient(server.url);
    await chen.login('chenfang@jianyan.demo');
    const { organizations } = await chen.ok('{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createEvidence } = await chen.ok('mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }', {
      input: { title: '社区妇女议事会记录', narrative: '2023年起每月召开议事会。', dateFrom: '2023-01-01', sourceType: 'service_record', districtId },
    });
    const text = Buffer.from('每月第一个周三召开社区妇女议事会，讨论托育与就业服务。\n'.repeat(200));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(text)], { type: 'text/plain' }), '议事会记录.txt');
    const uploaded = await fetch(`${server.url}/evidence/${createEvidence.id}/attachments`, { method: 'POST', headers: { cookie: chen.cookieHeader }, body: form });
    expect(uploaded.status).toBe(201);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };

    const download = await rawRequest(`${server.url}/evidence/${createEvidence.id}/attachments/${attachmentId}`, {
      cookie: chen.cookieHeader,
      'accept-encoding': 'br, gzip',
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
    expect(download.headers['content-encoding']).toBeUndefined();
    expect(download.body.equals(text)).toBe(true);
  });
});
