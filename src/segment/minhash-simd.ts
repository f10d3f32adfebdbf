/**
 * The MinHash minima of `src/segment/dedupe.ts` on WebAssembly SIMD: four slots per 128-bit vector, sixteen slots
 * per pass over the shingle hashes (four independent chains of multiplications). Same values as the JavaScript
 * loop there, about five times faster; that loop remains for runtimes without WebAssembly (`node --jitless`).
 *
 * The module is small enough to assemble here rather than ship a binary. Its one function, `minima(count)`, reads
 * the 64 mixed seeds at byte 0 and `count` mixed shingle hashes at byte 512 of its memory, and writes the 64
 * unsigned minima at byte 256. In the text format:
 *
 *   (loop $slots                                  ;; k = 0, 64, 128, 192: sixteen slots a pass
 *     (local.set $s0 (v128.load offset=0 (local.get $k)))  … $s3
 *     (local.set $m0 (v128.const i32x4 -1 -1 -1 -1))        … $m3
 *     (loop $hashes
 *       (local.set $g (i32x4.splat (i32.load (local.get $p))))
 *       ;; for each j: x = (g ^ sj) * C1; x ^= x >>> 15; x *= C2; x ^= x >>> 16; mj = min_u(mj, x)
 *       (br_if $hashes (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $end))))
 *     (v128.store offset=256 (local.get $k) (local.get $m0))  … $m3
 *     (br_if $slots (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 64))) (i32.const 256))))
 */

const SEEDS_AT = 0;
const MINIMA_AT = 256;
const HASHES_AT = 512;
const PAGE = 65536;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};

// Instructions (opcodes from the WebAssembly core and SIMD specifications).
const get = (local: number) => [0x20, ...uleb(local)];
const set = (local: number) => [0x21, ...uleb(local)];
const tee = (local: number) => [0x22, ...uleb(local)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const simd = (op: number) => [0xfd, ...uleb(op)];
const splat4 = (n: number) => {
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) view.setInt32(i * 4, n, true);
  return [...simd(0x0c), ...bytes]; // v128.const
};
const [LOAD, STORE, SPLAT, XOR, SHR_U, MUL, MIN_U] = [0x00, 0x0b, 0x11, 0x51, 0xad, 0xb5, 0xb7];
const [I32_LOAD, I32_ADD, I32_SHL, I32_LT_U, LOOP, BR_IF, END] = [0x28, 0x6a, 0x74, 0x49, 0x03, 0x0d, 0x0b];

// Locals: 0 count (the parameter), 1 k, 2 p, 3 end (i32); 4 C1, 5 C2, 6–9 seeds, 10–13 minima, 14 g, 15 x (v128).
function chain(seed: number, minimum: number): number[] {
  return [
    ...get(14), ...get(seed), ...simd(XOR),
    ...get(4), ...simd(MUL), ...tee(15),
    ...get(15), ...i32(15), ...simd(SHR_U), ...simd(XOR), ...tee(15),
    ...get(5), ...simd(MUL), ...tee(15),
    ...get(15), ...i32(16), ...simd(SHR_U), ...simd(XOR),
    ...get(minimum), ...simd(MIN_U), ...set(minimum),
  ];
}

const FOUR = [0, 1, 2, 3];

function moduleBytes(): Uint8Array {
  const body = [
    0x02, 0x03, 0x7f, 0x0c, 0x7b, // 3 i32 locals, 12 v128 locals
    ...splat4(0x7feb352d), ...set(4), ...splat4(0x846ca68b | 0), ...set(5),
    ...i32(HASHES_AT), ...get(0), ...i32(2), I32_SHL, I32_ADD, ...set(3),
    ...i32(0), ...set(1),
    LOOP, 0x40,
    ...FOUR.flatMap((j) => [...get(1), ...simd(LOAD), 0x04, ...uleb(SEEDS_AT + 16 * j), ...set(6 + j)]),
    ...FOUR.flatMap((j) => [...splat4(-1), ...set(10 + j)]),
    ...i32(HASHES_AT), ...set(2),
    LOOP, 0x40,
    ...get(2), I32_LOAD, 0x02, 0x00, ...simd(SPLAT), ...set(14),
    ...FOUR.flatMap((j) => chain(6 + j, 10 + j)),
    ...get(2), ...i32(4), I32_ADD, ...tee(2), ...get(3), I32_LT_U, BR_IF, 0x00,
    END,
    ...FOUR.flatMap((j) => [...get(1), ...get(10 + j), ...simd(STORE), 0x04, ...uleb(MINIMA_AT + 16 * j)]),
    ...get(1), ...i32(64), I32_ADD, ...tee(1), ...i32(256), I32_LT_U, BR_IF, 0x00,
    END,
    END,
  ];
  const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
  const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
  const name = (s: string) => [...uleb(s.length), ...Buffer.from(s)];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, 0x01, 0x7f, 0x00]])), // type: (i32) → ()
    ...section(3, vector([[0x00]])), // one function of that type
    ...section(5, vector([[0x00, 0x01]])), // one memory, one page to start
    ...section(7, vector([[...name('minima'), 0x00, 0x00], [...name('memory'), 0x02, 0x00]])),
    ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
}

// A global in Node (absent under `--jitless`); the ECMAScript library types this project compiles with do not
// declare it, so it is read off globalThis with the little of its type used here.
const wasm = (globalThis as { WebAssembly?: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: object } } }).WebAssembly;

interface Kernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  minima: (count: number) => void;
}

// Built once per thread on first use; null where WebAssembly or its SIMD is unavailable.
let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  if (!wasm) return null;
  try {
    return new wasm.Instance(new wasm.Module(moduleBytes())).exports as Kernel;
  } catch {
    return null;
  }
}

/**
 * Room for `count` shingle hashes in the kernel's memory, and a function that computes the minima once they are
 * written there; undefined without WebAssembly SIMD. `seeds`: the 64 seeds after fmix's first xor-shift. The
 * memory grows to the longest text's hashes (4 bytes a character).
 */
export function simdMinima(count: number, seeds: Int32Array): { hashes: Int32Array; run: () => Uint32Array } | undefined {
  if (kernel === undefined) kernel = load();
  const k = kernel;
  if (!k) return undefined;
  const need = HASHES_AT + count * 4;
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
  new Int32Array(k.memory.buffer, SEEDS_AT, seeds.length).set(seeds);
  return {
    hashes: new Int32Array(k.memory.buffer, HASHES_AT, count),
    run: () => {
      k.minima(count);
      return new Uint32Array(k.memory.buffer, MINIMA_AT, seeds.length).slice();
    },
  };
}
