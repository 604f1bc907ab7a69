// Moodle's GIFT text format: reading (gift-import.ts) and writing (gift-export.ts).
export { exportGift } from './gift-export';
export { defaultClozePrompt, parseGift, type GiftError, type GiftParseResult } from './gift-import';
