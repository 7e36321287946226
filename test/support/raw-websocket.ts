import { connect, type Socket } from 'node:net';

/** A TCP connection speaking WebSocket by hand, to send what no well-behaved client would. */
export interface RawSocket {
  socket: Socket;
  /** The status line of the server's answer to the upgrade request ("HTTP/1.1 101 Switching Protocols"). */
  status: string;
  /** Sends raw bytes. */
  send(bytes: Buffer | string): void;
  /** Resolves once the server closed the connection, with every byte it sent after its answer. */
  closed: Promise<Buffer>;
}

/** Opens a TCP connection to the server of `baseUrl` and writes `request` as is; resolves with the answer's head. */
export function rawRequest(baseUrl: string, request: string): Promise<RawSocket> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let received = Buffer.alloc(0);
  let headEnd = -1;
  const closed = new Promise<Buffer>((resolve) => {
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(headEnd >= 0 ? received.subarray(headEnd) : received));
  });
  return new Promise((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (headEnd >= 0) return;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      headEnd = end + 4;
      const status = received.subarray(0, received.indexOf('\r\n')).toString();
      resolve({ socket, status, closed, send: (bytes) => socket.write(bytes) });
    });
    socket.on('close', () => {
      if (headEnd < 0) reject(new Error(`the server closed the connection without answering: ${JSON.stringify(received.toString())}`));
    });
    socket.write(request);
  });
}

/** Sends a WebSocket upgrade request for `path` (with the cookie and sub-protocol given). */
export function rawUpgrade(baseUrl: string, path: string, options: { cookie?: string; protocol?: string } = {}): Promise<RawSocket> {
  const { host } = new URL(baseUrl);
  const headers = [
    `GET ${path} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...(options.protocol ? [`Sec-WebSocket-Protocol: ${options.protocol}`] : []),
    ...(options.cookie ? [`Cookie: ${options.cookie}`] : []),
  ];
  return rawRequest(baseUrl, `${headers.join('\r\n')}\r\n\r\n`);
}

/** The close code of the first close frame (opcode 8) among the server's frames, or null. */
export function closeCodeIn(frames: Buffer): number | null {
  let offset = 0;
  while (offset + 2 <= frames.length) {
    const opcode = frames[offset] & 0x0f;
    let length = frames[offset + 1] & 0x7f;
    let header = 2;
    if (length === 126) {
      length = frames.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      length = Number(frames.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(offset + header) : null;
    offset += header + length;
  }
  return null;
}

/**
 * Frame headers of the red-team report: a masked binary frame announcing a 17 MB payload (of
 * which only the mask key follows), a frame with a reserved opcode, and an unmasked client frame.
 */
export const HUGE_FRAME_HEADER = Buffer.from([0x82, 0xff, 0x00, 0x00, 0x00, 0x00, 0x01, 0x10, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04]);
export const RESERVED_OPCODE_FRAME = Buffer.from([0x83, 0x80, 0x01, 0x02, 0x03, 0x04]);
export const UNMASKED_FRAME = Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
