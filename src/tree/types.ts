/**
 * The syntax tree speechclean works on: retext's nlcst (Root > Paragraph > Sentence > Word/Punctuation/…),
 * with every node's `position` pointing into the decoded source text.
 *
 * Stages never edit positions. A leaf whose text differs from its source slice says how in `data.origin`:
 * - `converted`: same length as its source range, changed character by character (script conversion);
 *   offsets inside it still map one to one.
 * - `replaced`: any other rewrite; its position covers the whole source range it stands for.
 */
import type { Paragraph, Punctuation, Root, Sentence, Source, Symbol, Text, WhiteSpace, Word } from 'nlcst';

export type Origin = 'converted' | 'replaced';

/** What a paragraph is inside a speech. `heading`, `list-item` and `body` are the record's paragraph kinds. */
export type ParagraphKind = 'heading' | 'list-item' | 'body';

/** The part a paragraph plays on the page, decided by segmentation. */
export type ParagraphRole = 'page-title' | 'speech-title' | 'preamble' | 'salutation' | 'closing' | 'signature' | 'body';

declare module 'nlcst' {
  interface ParagraphData {
    /** Set when a stage has decided what the paragraph is; absent means body. */
    kind?: ParagraphKind | undefined;
    role?: ParagraphRole | undefined;
    /** Index of the speech the paragraph belongs to (set by segmentation). */
    speech?: number | undefined;
    /** The paragraph ends a page-level block that was cut off (paywall, preview end). */
    truncated?: boolean | undefined;
  }
  interface TextData {
    origin?: Origin | undefined;
  }
  interface PunctuationData {
    origin?: Origin | undefined;
  }
  interface SymbolData {
    origin?: Origin | undefined;
  }
  interface WhiteSpaceData {
    origin?: Origin | undefined;
  }
  interface SourceData {
    origin?: Origin | undefined;
  }
}

export type { Paragraph, Punctuation, Root, Sentence, Source, Symbol, Text, WhiteSpace, Word };

/** A node that carries text. */
export type Leaf = Text | Punctuation | Symbol | WhiteSpace | Source;

/** A run of current text and the source range it comes from. */
export interface Piece {
  value: string;
  start: number;
  end: number;
  origin?: Origin | undefined;
}
