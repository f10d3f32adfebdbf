/**
 * The defaults `npm start` uses. Every field is optional: anything left out keeps the built-in default
 * (src/config.ts). Rules are data: disable one by id, or add your own next to the built-in ones.
 */
import { defineConfig } from './src/config.js';

export default defineConfig({
  inputs: ['seeds'],
  out: 'out',
  normalize: {
    // 'keep' leaves punctuation as the page has it; 'fullwidth' turns ASCII , : ; ! ? ( ) in Chinese text full-width.
    punctuation: 'keep',
  },
  boilerplate: {
    // A line repeated on at least 3 pages and half the pages of one site is site chrome.
    repeat: { enabled: true, minPages: 3, minShare: 0.5 },
  },
});
