// `npm run dev -w web`: Next's dev server on WEB_PORT (default 3000).
import { runNext } from './run-next.mjs';

runNext('dev', process.argv.slice(2));
