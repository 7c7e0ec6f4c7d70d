import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { encodePalettePng, parseHex, rampPalette } from '../../src/lib/png.ts';

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

  test('every pixel, read back by another decoder, is the nearest palette colour', async () => {
    // 3×2 (an odd width ends a row on half a byte): exact colours, a near-grey, a dark red.
    const pixels = [
      [255, 255, 255],
      [0, 0, 0],
      [255, 0, 0],
      [120, 131, 125],
      [70, 60, 66],
      [230, 20, 10],
    ];
    const rgba = Uint8Array.from(pixels.flatMap((p) => [...p, 255]));
    const { data, info } = await sharp(encodePalettePng(rgba, 3, 2, palette)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([3, 2, 3]);
    expect(Array.from({ length: 6 }, (_, i) => [...data.subarray(i * 3, i * 3 + 3)])).toEqual([
      [255, 255, 255],
      [0, 0, 0],
      [255, 0, 0],
      [128, 128, 128],
      [64, 64, 64],
      [255, 0, 0],
    ]);
    expect((await sharp(encodePalettePng(rgba, 3, 2, palette)).metadata()).isPalette).toBe(true);
  });

  test('palettes of no or more than 16 colours, empty sizes, or pixels that do not match the size are refused', () => {
    const many = rampPalette('#ffffff', [['#000000', 16]]);
    expect(() => encodePalettePng(new Uint8Array(4), 1, 1, many)).toThrow(/1 to 16 colours, not 17/);
    expect(() => encodePalettePng(new Uint8Array(4), 1, 1, [])).toThrow(/1 to 16 colours, not 0/);
    expect(() => encodePalettePng(new Uint8Array(0), 0, 1, palette)).toThrow(/not a picture size: 0×1/);
    expect(() => encodePalettePng(new Uint8Array(8), 1, 1, palette)).toThrow(/8 bytes are not 1×1 RGBA pixels/);
    expect(() => parseHex('red')).toThrow(/not a #rrggbb colour: red/);
  });
});
