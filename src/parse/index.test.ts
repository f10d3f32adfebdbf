import { describe, expect, it } from 'vitest';
import { formatOf } from './index.js';

describe('formatOf', () => {
  it('is HTML by the name', () => {
    for (const name of ['a.html', 'a.HTM', 'a.shtml', 'a.xhtml']) expect(formatOf(name)).toBe('html');
    expect(formatOf('a.txt')).toBe('text');
  });

  it('is HTML when markup opens the page, whatever the name', () => {
    expect(formatOf('a.txt', '\ufeff  <!DOCTYPE html><html>')).toBe('html');
    expect(formatOf('a.asp', '<!-- saved page -->\n<html lang="zh">')).toBe('html');
    expect(formatOf('a.php', '<meta charset="gbk"><title>讲话</title>')).toBe('html');
    expect(formatOf('a.txt', '<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">')).toBe('html');
  });

  it('stays text for a page that only mentions markup or opens with a bracketed line', () => {
    expect(formatOf('a.txt', '<附件1>会议议程\n同志们：')).toBe('text');
    expect(formatOf('a.txt', '讲话稿\n把<html>标签写进正文的页面')).toBe('text');
  });
});
