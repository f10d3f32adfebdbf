// opencc-js ships types that resolve to `any` under NodeNext; these are the parts speechclean uses.
declare module 'opencc-js/core' {
  export type ConverterFunction = (text: string) => string;
  export interface LocalePreset {
    from: Record<string, unknown>;
    to: Record<string, unknown>;
  }
  export function ConverterBuilder(preset: LocalePreset): (options: { from: string; to: string }) => ConverterFunction;
  /** Serialized dictionaries (`key value|key value`); the first of a group wins on a shared key. */
  export type DictGroup = readonly string[];
  export type TrieMap = Map<number, TrieMap> & { trie_val?: string };
  export class Trie {
    /** Children by code point; a node with `trie_val` ends a key. */
    map: TrieMap;
    loadDictGroup(group: DictGroup): void;
  }
}
declare module 'opencc-js/preset/t2cn' {
  import type { DictGroup, LocalePreset } from 'opencc-js/core';
  export const from: LocalePreset['from'];
  export const to: LocalePreset['to'];
  /** Conversion chains by name (`tw2s`, `hk2s`, `t2s`, …). */
  export const configs: Record<string, { normalizationChain?: DictGroup[]; segmentation?: DictGroup; conversionChain: DictGroup[] } | undefined>;
}
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/preset/cn2t' {
  import type { LocalePreset } from 'opencc-js/core';
  export const from: LocalePreset['from'];
  export const to: LocalePreset['to'];
}
