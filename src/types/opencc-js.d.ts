// opencc-js ships types that resolve to `any` under NodeNext; these are the parts speechclean uses.
declare module 'opencc-js/core' {
  export type ConverterFunction = (text: string) => string;
  export interface LocalePreset {
    from: Record<string, unknown>;
    to: Record<string, unknown>;
  }
  export function ConverterBuilder(preset: LocalePreset): (options: { from: string; to: string }) => ConverterFunction;
}
declare module 'opencc-js/preset/t2cn' {
  import type { LocalePreset } from 'opencc-js/core';
  export const from: LocalePreset['from'];
  export const to: LocalePreset['to'];
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
