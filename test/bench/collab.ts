/**
 * Collaboration benchmark: N writers on one proposal document, each typing 5 keystrokes/s, on
 * loopback. Prints fan-out latency (a keystroke typed by one writer until it is applied at every
 * other client), server CPU and memory, bytes stored per 1,000 keystrokes before and after
 * compaction, and checks that no update was lost or duplicated. The same typing runs against a
 * baseline in the same process: a bare WebSocket relay of Yjs updates (no auth, no storage).
 *
 *   npm run bench:collab -- --writers=10,50 --seconds=60
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { args, fmt, graphql, percentile, processUsage, runCli, signIn, startApi } from './bench-support';

const KEYSTROKES_PER_SECOND = 5;
const ALPHABET = '流动妇女儿童社工站职业技能培训就业晋安区鼓山镇茶会社区';

interface Client {
  doc: Y.Doc;
  texts: () => Y.XmlText[];
  close(): void;
  pending(): boolean;
}

interface RunResult {
  latencies: number[];
  keystrokes: number;
  consistent: boolean;
  problems: string[];
  bytesSent: number;
  encodedState: number;
  server?: { cpuPercent: number; peakRssMiB: number; rssMiB: number };
  stored?: { bytesBefore: number; bytesAfter: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph' && n.getAttribute('bench') === 'writer')
    .map((p) => p.get(0) as Y.XmlText);
}

/** Typing and measuring, the same for both servers. */
async function typeAndMeasure(clients: Client[], writers: number, seconds: number, isRemote: (origin: unknown, i: number) => boolean) {
  const sendTimes: number[][] = Array.from({ length: writers }, () => []);
  const latencies: number[] = [];
  let bytesSent = 0;
  clients.forEach((client, c) => {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (!isRemote(origin, c)) bytesSent += update.length;
    });
    client.texts().forEach((text, w) => {
      if (w === c) return;
      let seen = 0;
      text.observe(() => {
        const now = performance.now();
        for (; seen < text.length && seen < sendTimes[w].length; seen++) latencies.push(now - sendTimes[w][seen]);
      });
    });
  });
  const intervalMs = 1000 / KEYSTROKES_PER_SECOND;
  const total = seconds * KEYSTROKES_PER_SECOND;
  await Promise.all(
    clients.slice(0, writers).map(async (client, w) => {
      await sleep((intervalMs * w) / writers);
      const text = client.texts()[w];
      const started = performance.now();
      for (let k = 0; k < total; k++) {
        sendTimes[w].push(performance.now());
        text.insert(text.length, ALPHABET[(w + k) % ALPHABET.length]);
        const next = started + (k + 1) * intervalMs;
        await sleep(Math.max(0, next - performance.now()));
      }
    }),
  );
  const expected = Array.from({ length: writers }, (_, w) =>
    Array.from({ length: total }, (_, k) => ALPHABET[(w + k) % ALPHABET.length]).join(''),
  );
  const problems: string[] = [];
  try {
    await waitFor(() => clients.every((c) => c.texts().every((t, w) => t.toString() === expected[w])), 30_000, 'every keystroke at every client');
  } catch {
    clients.forEach((c, i) =>
      c.texts().forEach((t, w) => {
        if (t.toString() !== expected[w]) problems.push(`client ${i} writer ${w}: ${t.length} of ${total} characters`);
      }),
    );
  }
  return { latencies, keystrokes: writers * total, bytesSent, expected, problems };
}

async function runJianyan(writers: number, seconds: number): Promise<RunResult> {
  // no compaction while typing, so that the stored bytes can be read before and after it
  const server = await startApi({ COLLAB_COMPACT_AFTER: '1000000000' });
  try {
    const cookie = await signIn(server.url, 'zhangjie@jianyan.demo');
    const { organizations } = await graphql(server.url, cookie, '{ organizations { id code } }');
    const { createProposal } = await graphql(server.url, cookie, 'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', {
      i: { title: '基准测试：协同编辑', year: 2026, districtId: organizations.find((o: any) => o.code === 'jinan').id },
    });
    const clients: (Client & { provider: HocuspocusProvider })[] = [];
    for (let i = 0; i < writers; i++) {
      const doc = new Y.Doc();
      const websocketProvider = new HocuspocusProviderWebsocket({
        url: `${server.url.replace('http', 'ws')}/collab`,
        WebSocketPolyfill: class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { cookie } });
          }
        } as never,
      });
      const provider = new HocuspocusProvider({ websocketProvider, name: `proposal:${createProposal.id}`, document: doc });
      provider.attach();
      clients.push({
        doc,
        provider,
        texts: () => paragraphTexts(doc),
        pending: () => provider.hasUnsyncedChanges,
        close: () => {
          provider.destroy();
          websocketProvider.destroy();
        },
      });
    }
    await waitFor(() => clients.every((c) => c.provider.isSynced), 30_000, 'initial sync');
    clients[0].doc.transact(() => {
      for (let w = 0; w < writers; w++) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('bench', 'writer');
        paragraph.insert(0, [new Y.XmlText()]);
        clients[0].doc.getXmlFragment('default').push([paragraph]);
      }
    });
    await waitFor(() => clients.every((c) => c.texts().length === writers), 30_000, 'the writers’ paragraphs');

    const before = processUsage(server.child.pid!);
    const startedAt = performance.now();
    const measured = await typeAndMeasure(clients, writers, seconds, (origin, i) => origin === clients[i].provider);
    const after = processUsage(server.child.pid!);
    const elapsed = (performance.now() - startedAt) / 1000;
    await waitFor(() => clients.every((c) => !c.pending()), 30_000, 'acknowledgements');
    const encodedState = Y.encodeStateAsUpdate(clients[0].doc).length;
    clients.forEach((c) => c.close());
    await server.stop();

    const env = { DATA_DIR: server.dataDir, ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) };
    const stats = runCli(['compact'], env)
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((s) => s.document === `proposal:${createProposal.id}`);
    const bytesBefore = stats ? stats.before.updateBytes + stats.before.snapshotBytes : NaN;
    const bytesAfter = stats ? stats.after.updateBytes + stats.after.snapshotBytes : NaN;
    return {
      ...measured,
      consistent: measured.problems.length === 0,
      encodedState,
      server: { cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100, peakRssMiB: after.peakRssMiB, rssMiB: after.rssMiB },
      stored: { bytesBefore, bytesAfter },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Baseline: a WebSocket relay that forwards every Yjs update to every other client, nothing else. */
async function runBaseline(writers: number, seconds: number): Promise<RunResult> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  wss.on('connection', (socket) =>
    socket.on('message', (data) => wss.clients.forEach((other) => other !== socket && other.send(data))),
  );
  const port = (wss.address() as { port: number }).port;
  const clients: Client[] = [];
  for (let i = 0; i < writers; i++) {
    const doc = new Y.Doc();
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.on('message', (data: Buffer) => Y.applyUpdate(doc, new Uint8Array(data), 'remote'));
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && socket.send(update));
    clients.push({ doc, texts: () => paragraphTexts(doc), pending: () => false, close: () => socket.close() });
  }
  clients[0].doc.transact(() => {
    for (let w = 0; w < writers; w++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('bench', 'writer');
      paragraph.insert(0, [new Y.XmlText()]);
      clients[0].doc.getXmlFragment('default').push([paragraph]);
    }
  });
  await waitFor(() => clients.every((c) => c.texts().length === writers), 30_000, 'the writers’ paragraphs');
  const measured = await typeAndMeasure(clients, writers, seconds, (origin) => origin === 'remote');
  const encodedState = Y.encodeStateAsUpdate(clients[0].doc).length;
  clients.forEach((c) => c.close());
  wss.close();
  return { ...measured, consistent: measured.problems.length === 0, encodedState };
}

function summary(result: RunResult) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), samples: sorted.length };
}

async function main(): Promise<void> {
  const options = args({ writers: '10,50', seconds: '60' });
  const seconds = Number(options.seconds);
  console.log(`collaboration benchmark: ${KEYSTROKES_PER_SECOND} keystrokes/s per writer for ${seconds} s, loopback, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
  let failed = false;
  for (const writers of options.writers.split(',').map(Number)) {
    const baseline = await runBaseline(writers, seconds);
    const ours = await runJianyan(writers, seconds);
    const b = summary(baseline);
    const o = summary(ours);
    const per1000 = (bytes: number) => (bytes / ours.keystrokes) * 1000;
    console.log(`\n== ${writers} writers ==`);
    console.log(`fan-out latency ms     p50 ${fmt(o.p50)}  p95 ${fmt(o.p95)}  p99 ${fmt(o.p99)}  (${o.samples} deliveries)`);
    console.log(`baseline relay ms      p50 ${fmt(b.p50)}  p95 ${fmt(b.p95)}  p99 ${fmt(b.p99)}`);
    console.log(`ratio to baseline      p50 ${fmt(o.p50 / b.p50, 2)}x  p95 ${fmt(o.p95 / b.p95, 2)}x  p99 ${fmt(o.p99 / b.p99, 2)}x`);
    console.log(`server                 CPU ${fmt(ours.server!.cpuPercent)}%  RSS ${fmt(ours.server!.rssMiB)} MiB  peak ${fmt(ours.server!.peakRssMiB)} MiB`);
    console.log(`bytes per 1000 keys    sent ${fmt(per1000(ours.bytesSent), 0)}  stored before compaction ${fmt(per1000(ours.stored!.bytesBefore), 0)}  after ${fmt(per1000(ours.stored!.bytesAfter), 0)}`);
    console.log(`stored after compaction / encoded document state: ${fmt(ours.stored!.bytesAfter / ours.encodedState, 2)}x (${ours.stored!.bytesAfter} / ${ours.encodedState} bytes)`);
    console.log(`updates lost or duplicated: ${ours.consistent ? 'none' : ours.problems.slice(0, 5).join('; ')}`);
    console.log(`targets: p95 < 50 ms ${o.p95 < 50 ? 'met' : 'MISSED'}; no loss ${ours.consistent ? 'met' : 'MISSED'}; compaction <= 2x ${ours.stored!.bytesAfter <= 2 * ours.encodedState ? 'met' : 'MISSED'}`);
    failed ||= !ours.consistent;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
