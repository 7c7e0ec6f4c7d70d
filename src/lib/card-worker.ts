/**
 * The entry of the card worker threads (see `cardPool` in card.ts): draws one card per task.
 * Node runs this file as TypeScript itself, so it must stay within type stripping (no enums).
 */
import { drawCard } from './card.ts';

export default drawCard;
