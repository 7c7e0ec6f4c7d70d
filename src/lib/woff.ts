/**
 * WOFF 1.0 to TrueType/OpenType: the cards' text renderer (fontconfig and FreeType inside sharp)
 * reads no WOFF, and the @fontsource packages ship nothing else. A WOFF file is the font's tables,
 * each zlib-compressed unless that would not save space, behind a directory of where they are.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/** The font inside a WOFF 1.0 file, as the sfnt (`.ttf` or `.otf`) file it was made from. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < 44 || input.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = input.readUInt32BE(4);
  const count = input.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const [tag, offset, compressed, length, checksum] = [0, 4, 8, 12, 16].map((at) => input.readUInt32BE(entry + at)) as [number, number, number, number, number];
    const stored = input.subarray(offset, offset + compressed);
    return { tag, checksum, data: compressed < length ? inflateSync(stored) : stored };
  });

  // The sfnt header, a 16-byte directory entry per table, then the tables, each padded to 4 bytes.
  const padded = (n: number) => (n + 3) & ~3;
  const output = Buffer.alloc(12 + 16 * count + tables.reduce((n, t) => n + padded(t.data.length), 0));
  const power = 2 ** Math.floor(Math.log2(count));
  output.writeUInt32BE(flavor, 0);
  output.writeUInt16BE(count, 4);
  output.writeUInt16BE(power * 16, 6); // searchRange
  output.writeUInt16BE(Math.log2(power), 8); // entrySelector
  output.writeUInt16BE(count * 16 - power * 16, 10); // rangeShift
  let at = 12 + 16 * count;
  for (const [i, { tag, checksum, data }] of tables.entries()) {
    const entry = 12 + i * 16;
    output.writeUInt32BE(tag, entry);
    output.writeUInt32BE(checksum, entry + 4);
    output.writeUInt32BE(at, entry + 8);
    output.writeUInt32BE(data.length, entry + 12);
    data.copy(output, at);
    at += padded(data.length);
  }
  return output;
}
