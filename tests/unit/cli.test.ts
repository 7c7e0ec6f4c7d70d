import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const parse = (file: string) => spawnSync(process.execPath, ['src/cli/parse.ts', file], { encoding: 'utf8' });

describe('the parse CLI', () => {
  test('prints the records as JSON and exits 0', () => {
    const run = parse('content/profile.txt');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const records = JSON.parse(run.stdout);
    expect(records.profile.name).toBe('David Cramer');
    expect(records.quotes).toHaveLength(75);
  });

  test('prints every error with file and line on stderr, no stack trace, and exits 1', () => {
    const run = parse('tests/fixtures/malformed.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(
      [2, 6, 7, 8, 9, 10, 12, 15].map((n) => `tests/fixtures/malformed.txt:${n}`),
    );
    expect(lines.at(-1)).toBe('8 errors in tests/fixtures/malformed.txt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('says so when the file cannot be read', () => {
    const run = parse('tests/fixtures/no-such-file.txt');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tests\/fixtures\/no-such-file\.txt: cannot read the profile/);
  });
});
