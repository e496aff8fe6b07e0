// `npm run start -w web`: serves the built app (`next build` first) on WEB_PORT (default 3000).
import { runNext } from './run-next.mjs';

runNext('start', process.argv.slice(2));
