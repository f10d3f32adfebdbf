/**
 * The MinHash inner loop in WebAssembly SIMD. For every shingle (5 consecutive UTF-16 code units) it takes FNV-1a
 * of the units, then murmur3's 32-bit finalizer of (hash XOR seed) for the 64 seeds four at a time, keeping the
 * unsigned least value per seed. This is most of segmentation's time; in JavaScript it costs 64 scalar mixes per
 * character, here 16 vector ones (4-5x faster). The module is assembled below from its instructions (~2 KB).
 *
 * Memory: seeds at [0, 256) (64 i32), the result at [256, 512), the text's code units from 512.
 */

const SHINGLE = 5;
const SEEDS_AT = 0;
const OUT_AT = 256;
const TEXT_AT = 512;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

// Instructions (WebAssembly core and SIMD opcodes).
const localGet = (i: number) => [0x20, i];
const localSet = (i: number) => [0x21, i];
const i32Const = (n: number) => [0x41, ...sleb(n)];
const [I32_ADD, I32_SUB, I32_MUL, I32_XOR, I32_SHL, I32_GE_U] = [0x6a, 0x6b, 0x6c, 0x73, 0x74, 0x4f];
const i32Load16U = (offset: number) => [0x2f, 0x01, ...uleb(offset)];
const simd = (op: number) => [0xfd, ...uleb(op)];
const v128Load = (offset: number) => [...simd(0x00), 0x04, ...uleb(offset)];
const v128Store = (offset: number) => [...simd(0x0b), 0x04, ...uleb(offset)];
const v128Const = (lane: number) => [...simd(0x0c), ...[0, 1, 2, 3].flatMap(() => [0, 8, 16, 24].map((s) => (lane >>> s) & 0xff))];
const [I32X4_SPLAT, V128_XOR, I32X4_SHR_U, I32X4_MUL, I32X4_MIN_U] = [simd(0x11), simd(0x51), simd(0xad), simd(0xb5), simd(0xb7)];
const [BLOCK, LOOP, BR, BR_IF, END, VOID] = [0x02, 0x03, 0x0c, 0x0d, 0x0b, 0x40];

/** minhash(text, units, out): params 0–2, then locals: i32 cursor and end, v128 hash, mix, and 16 running minima. */
function assemble(): Uint8Array {
  const [TEXT, UNITS, OUT, CURSOR, STOP, HASH, MIX, MIN] = [0, 1, 2, 3, 4, 5, 6, 7];
  const shiftXor = (bits: number) => [...localGet(MIX), ...localGet(MIX), ...i32Const(bits), ...I32X4_SHR_U, ...V128_XOR];
  const fnv = [...i32Const(0x811c9dc5 | 0), ...[0, 1, 2, 3, 4].flatMap((j) => [...localGet(CURSOR), ...i32Load16U(2 * j), I32_XOR, ...i32Const(0x01000193), I32_MUL])];
  const lanes = Array.from({ length: 16 }, (_, k) => k);
  const body = [
    0x02, 0x02, 0x7f, 0x12, 0x7b, // 2 i32 locals, 18 v128 locals
    ...localGet(TEXT), ...localGet(UNITS), ...i32Const(SHINGLE - 1), I32_SUB, ...i32Const(1), I32_SHL, I32_ADD, ...localSet(STOP),
    ...lanes.flatMap((k) => [...v128Const(-1), ...localSet(MIN + k)]),
    ...localGet(TEXT), ...localSet(CURSOR),
    BLOCK, VOID, LOOP, VOID,
    ...localGet(CURSOR), ...localGet(STOP), I32_GE_U, BR_IF, 1,
    ...fnv, ...I32X4_SPLAT, ...localSet(HASH),
    ...lanes.flatMap((k) => [
      ...localGet(HASH), ...i32Const(SEEDS_AT), ...v128Load(16 * k), ...V128_XOR, ...localSet(MIX),
      ...shiftXor(16), ...v128Const(0x7feb352d), ...I32X4_MUL, ...localSet(MIX),
      ...shiftXor(15), ...v128Const(0x846ca68b), ...I32X4_MUL, ...localSet(MIX),
      ...shiftXor(16), ...localGet(MIN + k), ...I32X4_MIN_U, ...localSet(MIN + k),
    ]),
    ...localGet(CURSOR), ...i32Const(2), I32_ADD, ...localSet(CURSOR),
    BR, 0, END, END,
    ...lanes.flatMap((k) => [...localGet(OUT), ...localGet(MIN + k), ...v128Store(16 * k)]),
    END,
  ];
  const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00]), // type: (i32, i32, i32) → ()
    ...section(3, [0x01, 0x00]), // one function of that type
    ...section(5, [0x01, 0x00, 0x01]), // one memory, one page to start
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('minhash'), 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(body.length), ...body]),
  ]);
}

interface Kernel {
  memory: WebAssembly.Memory;
  minhash: (text: number, units: number, out: number) => void;
}

let kernel: Kernel | undefined;

/** Slot minima of `text`'s shingles for `seeds` (64 values); `text` has at least one shingle. */
export function minhashSlots(text: string, seeds: Int32Array): Uint32Array {
  kernel ??= new WebAssembly.Instance(new WebAssembly.Module(assemble())).exports as unknown as Kernel;
  const { memory, minhash } = kernel;
  const need = TEXT_AT + 2 * text.length;
  if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  new Int32Array(memory.buffer, SEEDS_AT, seeds.length).set(seeds);
  Buffer.from(memory.buffer).write(text, TEXT_AT, 'utf16le');
  minhash(TEXT_AT, text.length, OUT_AT);
  return new Uint32Array(memory.buffer.slice(OUT_AT, OUT_AT + 4 * seeds.length));
}
