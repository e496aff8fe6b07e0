// Settings shared by the web server scripts (server.mjs, run by `npm start` and `npm run dev`).
//
// Next also reads `PORT`, which in this repository is the API's port, so the web port comes from
// `WEB_PORT` (default 3000) and is handed to Next explicitly.

/**
 * Parses a TCP port from an environment value, or returns the fallback when unset.
 * @param {string | undefined} value
 * @param {number} fallback
 * @returns {number}
 */
export function parsePort(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port "${value}": expected an integer between 1 and 65535`);
  }
  return port;
}
