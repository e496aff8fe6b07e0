// `npm run dev -w web`: Next's dev server on WEB_HOST:WEB_PORT (default 127.0.0.1:3000), behind
// the same X-Forwarded-For rewriting as `npm start` (see server.mjs).
import { startServer } from './server.mjs';

await startServer({ dev: true });
