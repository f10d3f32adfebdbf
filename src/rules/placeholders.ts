/**
 * Template placeholders: body text, never junk. Reported per speech so users can filter templates out.
 * 20xx年 / 201x年 / 20**年, XX / ××× / **, blanks such as __中学 or 20--年.
 */
export const PLACEHOLDER = /(?:19|20)[0-9]?[xX×*＊_\-—]{1,2}(?=年|届|级)|[xX×＊*]{2,}|(?<![a-zA-Z])[xX×](?=[\u4e00-\u9fff])|_{2,}|—{2,}(?=[\u4e00-\u9fff]{1,2}(?:县|市|区|镇|局|年))|某某/g;

export function placeholdersIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(PLACEHOLDER)) found.add(m[0]);
  return [...found].sort();
}
