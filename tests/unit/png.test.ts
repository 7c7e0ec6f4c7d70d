import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { encodeIndexedPng, parseHex, rampPalette } from '../../src/lib/png.ts';

describe('palette PNG', () => {
  const palette = rampPalette('#ffffff', [
    ['#000000', 4],
    ['#ff0000', 1],
  ]);

  test('a ramp runs from the background to each ink in even steps', () => {
    expect(palette).toEqual([
      [255, 255, 255],
      [191, 191, 191],
      [128, 128, 128],
      [64, 64, 64],
      [0, 0, 0],
      [255, 0, 0],
    ]);
  });

  test('every pixel, read back by another decoder, is its palette colour', async () => {
    // 3×2: an odd width ends a row on half a byte.
    const indices = Uint8Array.from([0, 4, 5, 2, 3, 5]);
    const png = encodeIndexedPng(indices, 3, 2, palette);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([3, 2, 3]);
    expect(Array.from({ length: 6 }, (_, i) => [...data.subarray(i * 3, i * 3 + 3)])).toEqual([
      [255, 255, 255],
      [0, 0, 0],
      [255, 0, 0],
      [128, 128, 128],
      [64, 64, 64],
      [255, 0, 0],
    ]);
    expect((await sharp(png).metadata()).isPalette).toBe(true);
  });

  test('palettes of no or more than 16 colours, empty sizes, pixels that do not match the size or the palette are refused', () => {
    const many = rampPalette('#ffffff', [['#000000', 16]]);
    expect(() => encodeIndexedPng(new Uint8Array(1), 1, 1, many)).toThrow(/1 to 16 colours, not 17/);
    expect(() => encodeIndexedPng(new Uint8Array(1), 1, 1, [])).toThrow(/1 to 16 colours, not 0/);
    expect(() => encodeIndexedPng(new Uint8Array(0), 0, 1, palette)).toThrow(/not a picture size: 0×1/);
    expect(() => encodeIndexedPng(new Uint8Array(2), 1, 1, palette)).toThrow(/2 pixels are not 1×1/);
    expect(() => encodeIndexedPng(Uint8Array.from([0, 6, 1]), 3, 1, palette)).toThrow(/colour 6 is not in a palette of 6/);
    // The last pixel of an odd row, which has no pair.
    expect(() => encodeIndexedPng(Uint8Array.from([0, 1, 7, 0, 1, 0]), 3, 2, palette)).toThrow(/colour 7 is not in a palette of 6/);
    expect(() => parseHex('red')).toThrow(/not a #rrggbb colour: red/);
  });
});
