/**
 * The server entry point without start.ts's build step: `npm run dev` (under tsx watch), the
 * integration tests and the benchmarks run it (the tests and benchmarks through src/bin/run.mjs,
 * like `npm start`). The environment decides development or production (NODE_ENV).
 */
import { main } from './index'

await main()
