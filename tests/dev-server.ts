/**
 * Starts `astro dev` for the writer's-loop browser tests (tests/e2e/dev.spec.ts) on a copy of the
 * project's profiles, which the tests edit: `node tests/dev-server.ts <port>`.
 */
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { DEV_PROFILES } from './e2e/dev-profiles.ts';

const port = process.argv[2] ?? '4333';
rmSync(DEV_PROFILES, { recursive: true, force: true });
cpSync('content/profiles', DEV_PROFILES, { recursive: true });
const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', port, '--host', '127.0.0.1'], {
  env: { ...process.env, PROFILES: DEV_PROFILES, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
