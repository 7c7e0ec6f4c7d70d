/**
 * Builds the site once and prints `{"ms":…,"maxRssMb":…}` as its last line: run by the benchmark
 * in a child process, so the memory is the build's alone. `PROFILE` picks the profile;
 * the first argument is the output folder.
 */
import { build } from 'astro';

const outDir = process.argv[2] ?? 'dist';
const start = performance.now();
await build({ outDir, logLevel: 'error' });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
