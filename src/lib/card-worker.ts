/**
 * The entry of the card worker threads (see `cardPool` in card.ts): draws one card per task.
 * Node runs this file as TypeScript itself, so it must stay within type stripping (no enums).
 */
import { type CardContent, drawCard } from './card.ts';

export default async function drawOnThisThread(content: CardContent): ReturnType<typeof drawCard> {
  // Node frees native objects (resvg's 3 MB pixmaps) from the event loop's check phase, which a
  // worker given one task after another never reaches: 1,000 cards grew it to 7 GB. A turn of
  // the loop before each card frees the last one's.
  await new Promise((resolve) => setImmediate(resolve));
  return drawCard(content);
}
