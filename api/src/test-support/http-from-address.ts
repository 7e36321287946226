import { Agent, request } from 'node:http';

export interface AddressedResponse<T = any> {
  status: number;
  body: T;
  setCookies: string[];
}

/**
 * POSTs JSON over a new connection whose client end is bound to `localAddress` (any 127.x.y.z is
 * this machine), so the server sees a different client address without trusting proxy headers.
 */
export function postFromAddress<T = any>(
  url: string,
  localAddress: string,
  payload: unknown,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
): Promise<AddressedResponse<T>> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T, setCookies: res.headers['set-cookie'] ?? [] });
          } catch {
            reject(new Error(`not JSON from ${url} (status ${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `name=value; …` for a Cookie header, from Set-Cookie lines (attributes dropped). */
export function cookieHeaderOf(setCookies: string[]): string {
  return setCookies.map((line) => line.split(';')[0]).join('; ');
}

/**
 * `count` keep-alive connections from `localAddress`, opened before use, so that a burst sent
 * through them reaches the server at once instead of waiting for connection set-up.
 */
export async function openConnections(url: string, localAddress: string, count: number): Promise<Agent> {
  const agent = new Agent({ keepAlive: true, maxSockets: count, localAddress });
  await Promise.all(Array.from({ length: count }, () => postFromAddress(url, localAddress, { query: '{ __typename }' }, {}, agent)));
  return agent;
}
