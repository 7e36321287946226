import { AddressInfo, Server, Socket, createServer } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Decoded subject and text body (base64 / quoted-printable and encoded words undone). */
  subject: string;
  text: string;
  raw: string;
}

/**
 * A minimal SMTP server that accepts every message and keeps it, so tests exercise the real mail
 * path (nodemailer speaking SMTP over TCP). No TLS, no authentication.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Addresses refused at RCPT TO with a permanent error (550), as a server refuses an unknown mailbox. */
  readonly refusedRecipients = new Set<string>();
  /** While false, a new connection is accepted and never answered (a server that hangs). */
  answering = true;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private waiters: (() => void)[] = [];

  private constructor() {
    this.server = createServer((socket) => this.session(socket));
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once at least `count` messages have arrived. */
  async waitFor(count: number): Promise<ReceivedMail[]> {
    while (this.messages.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.messages;
  }

  /** Connections accepted while not answering (each one a client stuck waiting for the greeting). */
  heldConnections = 0;

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    if (!this.answering) {
      this.heldConnections++;
      return;
    }
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] as string[] };
    socket.write('220 smtp-sink ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          this.messages.push({ ...envelope, ...decodeMessage(raw), raw });
          envelope = { from: '', to: [] };
          socket.write('250 OK queued\r\n');
          for (const wake of this.waiters.splice(0)) wake();
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') socket.write('250-smtp-sink\r\n250 8BITMIME\r\n');
        else if (command === 'MAIL') {
          envelope.from = /<(.*)>/.exec(line)?.[1] ?? '';
          socket.write('250 OK\r\n');
        } else if (command === 'RCPT') {
          const recipient = /<(.*)>/.exec(line)?.[1] ?? '';
          if (this.refusedRecipients.has(recipient)) socket.write('550 5.1.1 mailbox unavailable\r\n');
          else {
            envelope.to.push(recipient);
            socket.write('250 OK\r\n');
          }
        } else if (command === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (command === 'QUIT') {
          socket.end('221 Bye\r\n');
        } else socket.write('250 OK\r\n');
      }
    });
  }
}

function decodeMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headerText)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { subject: decodeEncodedWords(header('Subject')), text };
}

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
