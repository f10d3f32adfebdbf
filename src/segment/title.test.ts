import { describe, expect, it } from 'vitest';
import { cleanTitle, looksLikeSpeechTitle, namesASpeech } from './title.js';

describe('cleanTitle', () => {
  it.each([
    ['【小学校长开学典礼致辞】', '小学校长开学典礼致辞'],
    ['国庆节国旗下讲话稿(三):', '国庆节国旗下讲话稿'],
    ['二:', ''],
    ['欢送领导发言词一', '欢送领导发言词'],
    ['国旗下讲话稿三', '国旗下讲话稿'],
    ['○ 在全市经济工作会议上的讲话 ○', '在全市经济工作会议上的讲话'],
    ['新春团拜会致辞范例大全', '新春团拜会致辞'],
    ['在全县经济工作会议上的讲话(2/2)', '在全县经济工作会议上的讲话'],
    ['在全县经济工作会议上的讲话第(2/3)页', '在全县经济工作会议上的讲话'],
  ])('%s → %s', (text, clean) => expect(cleanTitle(text)).toBe(clean));
  it.each(['学习【两会】精神讲话稿', '党史学习教育专题之一', '坚持全国一盘棋 推动发展再上新台阶讲话之一', '在全县“七一”表彰大会上的讲话', '县委书记在二十大精神宣讲会上的讲话', '在“十四五”规划(2021/2025)推进会上的讲话', '落实1/3工作法讲话'])('keeps %s', (text) => {
    expect(cleanTitle(text)).toBe(text);
  });
});

describe('speech titles', () => {
  it('takes a title with a numbered colon for a speech title, not a list intro', () => {
    expect(looksLikeSpeechTitle('国庆节国旗下讲话稿(二):', null)).toBe(true);
    expect(looksLikeSpeechTitle('会议讲话的主要内容:', null)).toBe(false);
  });
  it.each(['【致辞人】某市市委书记', '【致辞背景】市委举行新春团拜会致辞活动', '发言人:祝友炎'])('takes the field %s for no title', (text) => {
    expect(looksLikeSpeechTitle(text, null)).toBe(false);
  });
  it('takes a bracketed title for a title', () => expect(looksLikeSpeechTitle('【小学校长开学典礼致辞】', null)).toBe(true));
  it('takes a subtitle line (——在…上的报告) for no title', () => {
    expect(looksLikeSpeechTitle('——在2024年全市教育工作会议上的报告', null)).toBe(false);
    expect(looksLikeSpeechTitle('在2024年全市教育工作会议上的报告', null)).toBe(true);
  });
  it.each(['在全镇农村人居环境整治动员会上的讲话', '在开学典礼上的致辞', '新春团拜会致辞', '教师节表彰大会发言稿', '“七一”表彰大会主持词'])('%s names a speech', (text) => {
    expect(namesASpeech(text)).toBe(true);
  });
  it.each(['深入学习贯彻总书记重要讲话', '关于做好会议发言', '工作报告起草说明'])('%s does not', (text) => expect(namesASpeech(text)).toBe(false));
});
