import { expect, it } from 'vitest';
import { escapeHtml } from './escape.js';

it('escapes the five characters that can open markup or close an attribute', () => {
  expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  expect(escapeHtml('&amp;')).toBe('&amp;amp;');
});

it('leaves other text alone', () => {
  expect(escapeHtml('同志们:今天 → 明天 ¶')).toBe('同志们:今天 → 明天 ¶');
  expect(escapeHtml('')).toBe('');
});
