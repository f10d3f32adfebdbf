/**
 * Builds nlcst sentences from pieces of text with known source ranges. This is the Chinese tokenizer behind the
 * parser plugin: a sentence ends at 。！？!?… (plus closing quotes), a word is a run of non-space,
 * non-punctuation characters, every punctuation mark is its own node.
 */
import type { Point, Position } from 'unist';
import { CharClass, SENTENCE_END, SENTENCE_TAIL, charClass } from './chars.js';
import type { Leaf, Paragraph, Piece, Sentence, Text, Word } from './types.js';

export type ToPoint = (offset: number) => Point;

/** Per code unit: ends a sentence, may follow a sentence end, forms runs (…… —— ...). Codes, not strings: the
 * tokenizer sees every character of every page. */
const END_MARK = 1;
const TAIL_MARK = 2;
const RUN_MARK = 4;
const marks = new Uint8Array(0x10000);
for (const c of SENTENCE_END) marks[c.charCodeAt(0)]! |= END_MARK;
for (const c of SENTENCE_TAIL) marks[c.charCodeAt(0)]! |= TAIL_MARK;
for (const c of '…—-.·～~') marks[c.charCodeAt(0)]! |= RUN_MARK;

export function isAligned(piece: Piece): boolean {
  return piece.value.length === piece.end - piece.start;
}

/** One string per character code for one-character tokens (most punctuation): made once, not per token. */
const charStrings = new Array<string>(0x10000);
function charString(code: number): string {
  return (charStrings[code] ??= String.fromCharCode(code));
}

/** Tokenizes pieces into sentences. Adjacent pieces with word characters on both sides share one word node. */
export function buildSentences(pieces: readonly Piece[], toPoint: ToPoint): Sentence[] {
  const sentences: Sentence[] = [];
  let sentence: Sentence = { type: 'SentenceNode', children: [] };
  let word: Word | undefined;
  let ended = false; // saw a sentence end; close the sentence at the next non-tail character

  for (const piece of pieces) {
    const value = piece.value;
    const length = value.length;
    const aligned = length === piece.end - piece.start;
    const origin = piece.origin;
    let i = 0;
    while (i < length) {
      const code = value.charCodeAt(i);
      const cls = charClass(code);
      if (ended && !(cls === CharClass.Punctuation && marks[code]! & (END_MARK | TAIL_MARK))) {
        if (sentence.children.length) sentences.push(spanChildren(sentence));
        sentence = { type: 'SentenceNode', children: [] };
        word = undefined;
        ended = false;
      }
      let j = i + 1;
      if (cls === CharClass.Word) {
        while (j < length && charClass(value.charCodeAt(j)) === CharClass.Word) j++;
      } else if (cls === CharClass.Space) {
        while (j < length && charClass(value.charCodeAt(j)) === CharClass.Space) j++;
      } else if (marks[code]! & RUN_MARK) {
        while (j < length && value.charCodeAt(j) === code) j++;
      }
      // An unaligned piece (a replacement) gives every token its whole source range.
      const position: Position = aligned
        ? { start: toPoint(piece.start + i), end: toPoint(piece.start + j) }
        : { start: toPoint(piece.start), end: toPoint(piece.end) };
      const token = j === i + 1 ? charString(code) : value.slice(i, j);
      if (cls === CharClass.Word) {
        const text: Text = { type: 'TextNode', value: token, position };
        if (origin) text.data = { origin };
        if (word) {
          word.children.push(text);
          word.position = { start: word.position!.start, end: position.end };
        } else {
          // A literal array (`[]` then push reserves room for 17 children; most words have one), and the text's
          // position (positions are never edited, and a one-text word spans what its text spans).
          word = { type: 'WordNode', children: [text], position };
          sentence.children.push(word);
        }
      } else {
        word = undefined;
        const leaf = { type: cls === CharClass.Space ? 'WhiteSpaceNode' : 'PunctuationNode', value: token, position } as Leaf;
        if (origin) leaf.data = { origin };
        sentence.children.push(leaf as Sentence['children'][number]);
        if (cls === CharClass.Punctuation && marks[code]! & END_MARK) ended = true;
      }
      i = j;
    }
  }
  if (sentence.children.length) sentences.push(spanChildren(sentence));
  return sentences;
}

/** Gives a sentence the span of its first and last child. */
function spanChildren(parent: Sentence): Sentence {
  const first = parent.children[0]!.position;
  const last = parent.children[parent.children.length - 1]!.position;
  if (first && last) parent.position = { start: first.start, end: last.end };
  return parent;
}

export function textOfPieces(pieces: readonly Piece[]): string {
  return pieces.length === 1 ? pieces[0]!.value : pieces.map((p) => p.value).join('');
}

/** What a paragraph is made of: its pieces (the truth), their text, and how to place its sentence nodes. */
interface Content {
  pieces: readonly Piece[];
  text: string;
  toPoint: ToPoint;
  /** The sentence nodes, once asked for. */
  built?: Paragraph['children'];
}

const contents = new WeakMap<Paragraph, Content>();

// One getter and one setter for every paragraph: V8 then gives all paragraphs with content one hidden class, and code
// that reads paragraphs stays monomorphic (a closure per paragraph made a class per paragraph).
function getChildren(this: Paragraph): Paragraph['children'] {
  const content = contents.get(this)!;
  return (content.built ??= buildSentences(content.pieces, content.toPoint));
}

function setChildren(this: Paragraph, children: Paragraph['children']): void {
  contents.delete(this);
  Object.defineProperty(this, 'children', { value: children, writable: true, enumerable: true, configurable: true });
}

/**
 * Gives a paragraph its content. Stages work on a paragraph's text and pieces, so its sentence, word and
 * punctuation nodes are built on first access to `children` (by a retext plugin, or a stage that wants sentences):
 * most paragraphs never need them, and building them is most of a page's allocations. Assigning `children`
 * makes those nodes the paragraph's content instead.
 */
export function setContent(paragraph: Paragraph, pieces: readonly Piece[], toPoint: ToPoint): void {
  const had = contents.has(paragraph);
  contents.set(paragraph, { pieces, text: textOfPieces(pieces), toPoint });
  if (!had) Object.defineProperty(paragraph, 'children', { configurable: true, enumerable: true, get: getChildren, set: setChildren });
  setParagraphPosition(paragraph, pieces, toPoint);
}

/** The paragraph's pieces and text, unless its `children` were assigned from outside (then read them). */
export function contentOf(paragraph: Paragraph): { pieces: readonly Piece[]; text: string } | undefined {
  return contents.get(paragraph);
}

/** A paragraph node over the given pieces; `position` spans from the first to the last piece. */
export function buildParagraph(pieces: readonly Piece[], toPoint: ToPoint, data?: Paragraph['data']): Paragraph {
  const paragraph = { type: 'ParagraphNode' } as Paragraph;
  setContent(paragraph, pieces, toPoint);
  if (data) paragraph.data = data;
  return paragraph;
}

export function setParagraphPosition(paragraph: Paragraph, pieces: readonly Piece[], toPoint: ToPoint): void {
  if (!pieces.length) {
    delete paragraph.position;
    return;
  }
  let start = Infinity;
  let end = -Infinity;
  for (const p of pieces) {
    if (p.start < start) start = p.start;
    if (p.end > end) end = p.end;
  }
  paragraph.position = { start: toPoint(start), end: toPoint(end) };
}
