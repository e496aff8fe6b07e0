import http from 'node:http';

// One keep-alive connection, as a long-running client would hold: undici's fetch added 2–9 ms of
// jitter per request on loopback here, which would drown the figures being measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function postJson(url: string, payload: unknown): Promise<unknown> {
  const body = JSON.stringify(payload);
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path: pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
