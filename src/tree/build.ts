/**
 * Builds nlcst sentences from pieces of text with known source ranges. This is the Chinese tokenizer behind the
 * parser plugin: a sentence ends at 。！？!?… (plus closing quotes), a word is a run of non-space,
 * non-punctuation characters, every punctuation mark is its own node.
 */
import type { Point, Position } from 'unist';
import { CharClass, SENTENCE_END, SENTENCE_TAIL, charClass } from './chars.js';
import type { Leaf, Paragraph, Piece, Sentence, Text, Word } from './types.js';

export type ToPoint = (offset: number) => Point;

const END = new Set(SENTENCE_END);
const TAIL = new Set(SENTENCE_TAIL);
/** Runs of these marks form one node (…… —— ...). */
const RUN_MARKS = new Set('…—-.·～~');

export function isAligned(piece: Piece): boolean {
  return piece.value.length === piece.end - piece.start;
}

/** Consecutive tokens share the point between them (one object instead of two). */
function pointCache(toPoint: ToPoint): ToPoint {
  let last: Point | undefined;
  return (offset) => {
    if (last && last.offset === offset) return last;
    return (last = toPoint(offset));
  };
}

function positionOf(piece: Piece, from: number, to: number, toPoint: ToPoint): Position {
  if (isAligned(piece)) return { start: toPoint(piece.start + from), end: toPoint(piece.start + to) };
  return { start: toPoint(piece.start), end: toPoint(piece.end) };
}

function leafData(piece: Piece): { origin: NonNullable<Piece['origin']> } | undefined {
  return piece.origin ? { origin: piece.origin } : undefined;
}

/** Tokenizes pieces into sentences. Adjacent pieces with word characters on both sides share one word node. */
export function buildSentences(pieces: readonly Piece[], locate: ToPoint): Sentence[] {
  const toPoint = pointCache(locate);
  const sentences: Sentence[] = [];
  let sentence: Sentence = { type: 'SentenceNode', children: [] };
  let word: Word | undefined;
  let ended = false; // saw a sentence end; close the sentence at the next non-tail character

  const closeSentence = () => {
    if (sentence.children.length) {
      spanChildren(sentence);
      sentences.push(sentence);
    }
    sentence = { type: 'SentenceNode', children: [] };
    word = undefined;
    ended = false;
  };

  for (const piece of pieces) {
    const value = piece.value;
    let i = 0;
    while (i < value.length) {
      const code = value.charCodeAt(i);
      const cls = charClass(code);
      const ch = value[i]!;
      if (ended && !(cls === CharClass.Punctuation && (TAIL.has(ch) || END.has(ch)))) closeSentence();
      let j = i + 1;
      if (cls === CharClass.Word) {
        while (j < value.length && charClass(value.charCodeAt(j)) === CharClass.Word) j++;
        const text: Text = { type: 'TextNode', value: value.slice(i, j), position: positionOf(piece, i, j, toPoint) };
        const data = leafData(piece);
        if (data) text.data = data;
        if (!word) {
          word = { type: 'WordNode', children: [] };
          sentence.children.push(word);
        }
        word.children.push(text);
        word.position = { start: word.children[0]!.position!.start, end: text.position!.end };
      } else {
        word = undefined;
        if (cls === CharClass.Space) {
          while (j < value.length && charClass(value.charCodeAt(j)) === CharClass.Space) j++;
        } else if (RUN_MARKS.has(ch)) {
          while (j < value.length && value[j] === ch) j++;
        }
        const type = cls === CharClass.Space ? 'WhiteSpaceNode' : 'PunctuationNode';
        const leaf = { type, value: value.slice(i, j), position: positionOf(piece, i, j, toPoint) } as Leaf;
        const data = leafData(piece);
        if (data) leaf.data = data;
        sentence.children.push(leaf as Sentence['children'][number]);
        if (cls === CharClass.Punctuation && END.has(ch)) ended = true;
      }
      i = j;
    }
  }
  closeSentence();
  return sentences;
}

/** Gives a parent the span of its first and last child. */
function spanChildren(parent: Sentence): void {
  const first = parent.children[0]!.position;
  const last = parent.children[parent.children.length - 1]!.position;
  if (first && last) parent.position = { start: first.start, end: last.end };
}

/** A paragraph node over the given pieces; `position` spans from the first to the last piece. */
export function buildParagraph(pieces: readonly Piece[], toPoint: ToPoint, data?: Paragraph['data']): Paragraph {
  const paragraph: Paragraph = { type: 'ParagraphNode', children: buildSentences(pieces, toPoint) };
  setParagraphPosition(paragraph, pieces, toPoint);
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
