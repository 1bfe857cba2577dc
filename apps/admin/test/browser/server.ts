/**
 * `node --experimental-strip-types`-free helper for people: starts the same server the browser
 * suite uses (built app, seeded in-memory database, test users) and keeps it running, so you
 * can look around at the printed address. Stop it with Ctrl-C.
 *
 *   pnpm --filter @plan-tracker/admin exec tsx test/browser/explore.ts
 */
import { startApp } from './harness.js';

const app = await startApp();
process.stdout.write(`Admin app running at ${app.url}/\n`);
for (const user of Object.values(app.users)) {
  process.stdout.write(
    `  ${user.role.padEnd(11)} ${user.email}  password: ${user.password}  (${user.name})\n`,
  );
}
process.stdout.write(`Contributor owns ${app.owned.code}; not ${app.notOwned.code}.\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
