// `npm run start -w web`: serves the built app (`next build` first) on WEB_HOST:WEB_PORT
// (default 127.0.0.1:3000), rewriting X-Forwarded-For from the socket (see server.mjs).
import { startServer } from './server.mjs';

await startServer();
