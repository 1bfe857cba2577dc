// `prisma generate`, offline. Prisma 7's CLI fetches its native schema engine when it starts,
// although generate never uses it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// (here the running node binary) skips the download. Migrations use the wasm engine instead
// (src/migrate/). Run from the package folder: `pnpm generate`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
const config = fileURLToPath(new URL('../../../prisma.config.ts', import.meta.url));

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', config], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);
