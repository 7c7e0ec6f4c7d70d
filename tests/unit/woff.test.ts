import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { woffToSfnt } from '../../src/lib/woff.ts';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff'));

/** The OpenType checksum of a table: its bytes as big-endian 32-bit words, summed. */
function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

describe('WOFF to TrueType', () => {
  test("every table comes out whole: each one's data matches the checksum the font gives it", () => {
    const font = woffToSfnt(woff);
    expect(font.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
    const count = font.readUInt16BE(4);
    expect(count).toBe(woff.readUInt16BE(12));
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 12 + i * 16;
      const tag = font.subarray(entry, entry + 4).toString('latin1');
      const [sum, offset, length] = [4, 8, 12].map((at) => font.readUInt32BE(entry + at)) as [number, number, number];
      expect(offset % 4, tag).toBe(0);
      const data = Buffer.from(font.subarray(offset, offset + length));
      // The head table's checksum is taken with its checkSumAdjustment field as zero.
      if (tag === 'head') data.writeUInt32BE(0, 8);
      expect(checksum(data), tag).toBe(sum);
      tags.push(tag);
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'name']));
  });

  test('anything but a WOFF 1.0 file is refused', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, but long enough to have a header of 44 bytes'))).toThrow(/not a WOFF 1.0 font/);
    expect(() => woffToSfnt(woffToSfnt(woff))).toThrow(/not a WOFF 1.0 font/);
  });
});
