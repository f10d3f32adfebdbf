/**
 * Shapes of a speech's parts: closings.
 */
import { describe, expect, it } from 'vitest';
import { isClosing } from './structure.js';

describe('closings', () => {
  it.each(['谢谢大家!', '谢谢大家!(掌声)', '谢谢!(热烈掌声)', '我的讲话完毕,谢谢大家!'])('reads %s as a closing', (line) => {
    expect(isClosing(line)).toBe(true);
  });
  it.each(['谢谢大家!(掌声)同志们,我们继续开会。', '谢谢大家!(略)', '感谢大家对这项工作的支持(掌声)'])('reads %s as body', (line) => {
    expect(isClosing(line)).toBe(false);
  });
});
