/**
 * The shape of a speech: numbered headings and list items, salutations, greetings and closings. Shared by
 * paragraph repair (which must not join across them) and segmentation (which uses them as boundaries).
 * All patterns are anchored and linear; they see normalised, simplified text with either ASCII or full-width
 * punctuation.
 */

const CN_NUM = '一二三四五六七八九十百零〇两';

/** Numbering at the start of a paragraph, in the styles of the field catalogue. */
export const NUMBERING: readonly { id: string; pattern: RegExp }[] = [
  { id: 'cn-dun', pattern: new RegExp(`^[${CN_NUM}]{1,3}[、，,.．]`) }, // 一、
  { id: 'cn-paren', pattern: new RegExp(`^[(（][${CN_NUM}]{1,3}[)）]`) }, // (一)
  { id: 'digit-dot', pattern: /^\d{1,2}(?:[、，,．]|\.(?!\d))/ }, // 1. 1、 (not 1.5)
  { id: 'digit-paren', pattern: /^[(（]\d{1,2}[)）]/ }, // (1)
  { id: 'circled', pattern: /^[①-⑳]/ },
  { id: 'ordinal', pattern: new RegExp(`^第[${CN_NUM}\\d]{1,3}(?:[,，、:：.．]|是|条|点|部分|个方面|层意思|句话|点希望)`) }, // 第一, 第二是
  { id: 'cn-shi', pattern: new RegExp(`^[${CN_NUM}]{1,2}(?:是|要|则|抓|强化|坚持)`) }, // 一是 一要
  { id: 'qi', pattern: new RegExp(`^其[${CN_NUM}]{1,2}[,，、:：]`) }, // 其一,
];

export function numberingOf(text: string): string | undefined {
  for (const n of NUMBERING) if (n.pattern.test(text)) return n.id;
  return undefined;
}

/** Sentence-ending marks (either width). */
export const TERMINAL = /[。！？!?…]["”’」』)）]*$/;

/**
 * A heading: numbered, short, and either without a full stop inside or a single short sentence
 * (`(一)严格执行法律法规,强化依法控辍。`). A numbered paragraph that goes on into prose is a list item.
 */
export function isHeading(text: string, maxLength = 40): boolean {
  const n = numberingOf(text);
  if (!n || text.length > maxLength) return false;
  const inner = text.slice(0, -1);
  return !/[。！？!?]/.test(inner);
}

export function isListItem(text: string): boolean {
  return numberingOf(text) !== undefined && !isHeading(text);
}

/** Words an addressee ends with (同志们, 各位领导, 尊敬的李组长, 各位来宾 …). */
const ADDRESSEE_END = [
  '们', '們', '同志', '领导', '来宾', '嘉宾', '代表', '委员', '老师', '同学', '朋友', '长', '书记', '主任', '首长', '评委',
  '选手', '乡亲', '同事', '同仁', '先生', '女士', '家长', '干部', '职工', '员工', '战友', '同胞', '校友', '青年', '团员', '党员', '各位', '大家',
  // Role nouns by their last character: 指战员 运动员, 工作者 学者, 教师, 专家 企业家, 村民 居民, 股东, 学生 考生, 护士,
  // 群众 观众, 模范, 勋爵.
  '员', '者', '师', '家', '民', '东', '生', '士', '众', '模范', '勋爵',
];
const ADDRESSEE_PART = new RegExp(`(?:${ADDRESSEE_END.join('|')})$`);
const ADDRESSEE_LEAD = /^(?:尊敬的|敬爱的|亲爱的|各位|全体|在座的|我们)/;
/** A title glued to the salutation (`…会议讲话同志们:`) is not an address; a class year (`2024届毕业生`) is. */
const NOT_ADDRESS = /\d(?!\d*[届级])|讲话|发言|致辞|致词|会议|报告|稿|篇/;
/** Where an address can begin inside a line. */
const ADDRESS_START = /尊敬的|敬爱的|亲爱的|各位|全体|在座的|同志们|老师们|同学们|朋友们|女士们|先生们/g;

/**
 * Offset at which a salutation starts inside `text` after a non-empty prefix (a title or heading glued to it:
 * `…讲话稿【篇一】 同志们:`), or -1.
 */
export function gluedSalutationAt(text: string): number {
  if (text.length > 160 || salutationLength(text) > 0) return -1;
  for (const m of text.matchAll(ADDRESS_START)) {
    if (m.index > 0 && salutationLength(text.slice(m.index)) > 0) return m.index;
  }
  return -1;
}

/**
 * A title naming a speech glued to what follows it: the first heading (`…上的讲话一、以更高的站位…`) or an opening
 * formula (`…讲话这次会议的主要任务是…`, `今天`, `经县委同意`, `刚才`). Group 1 is the title (no punctuation in it).
 */
export const GLUED_TITLE = /^([^，,。；;！!？?、:：]{4,60}?(?:[上中时]的(?:讲话|发言|致辞|报告)|(?:讲话|发言|演讲)稿|致辞))(?=一[、，,.．]|这次|今天|经[^，,。]{1,12}(?:同意|研究)|刚才|近年来)/;

/**
 * An address that ends in a comma instead of a colon (`亲爱的同学们,`): only alone on its line or before a greeting
 * (`老师们、同学们,大家好!`), since a rallying `同志们,让我们…` inside a speech starts the same way.
 */
const COMMA_ADDRESS = /^[^:：。！？!?;；]{2,48}?[,，](?=\s*$|\s*(?:大家|各位)?[,，]?(?:早上|上午|中午|下午|晚上)?好[!！。])/;

/**
 * Length of a salutation at the start of `text` (`同志们:`, `尊敬的各位领导、同志们:`, also followed by the body on
 * the same line: `同志们:今天…`), or 0. The address is split at 、,，和及; every part must end like an addressee.
 */
export function salutationLength(text: string): number {
  const m = /^[^:：。！？!?;；]{2,48}?[:：]/.exec(text) ?? COMMA_ADDRESS.exec(text);
  return m && isAddress(m[0].slice(0, -1)) ? m[0].length : 0;
}

/** The address is split at 、,，和及; every part must end like an addressee. */
function isAddress(text: string): boolean {
  const address = text.replace(/^\d\s*/, '').trim();
  const parts = address.split(/[、,，]|(?<=[们們])和|及/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length || parts.length > 8) return false;
  if (!parts.every((p) => p.length <= 16 && ADDRESSEE_PART.test(p) && !NOT_ADDRESS.test(p))) return false;
  // One bare word such as `会长:` is a label, not an address; require a plural or a lead word somewhere.
  return parts.length > 1 || /[们們]$|同志$/.test(parts[0]!) || ADDRESSEE_LEAD.test(parts[0]!);
}

/** What a rallying line says right after its address (`同志们,让我们…`, `同志们,希望大家…`). */
export const RALLY = /让我们|希望|努力|奋斗|贡献|前进|作出|做出|开创|确保|共同/;

/**
 * Length of an address ending in a comma that opens a speech's first line (`同志们,今天召开…`), or 0. Only for
 * a speech's first line, and not when the clause after it rallies (`同志们,让我们…` closes a speech).
 */
export function openingAddressLength(text: string): number {
  const m = /^[^:：。！？!?;；,，]{2,24}[,，]/.exec(text);
  if (!m || !isAddress(m[0].slice(0, -1))) return 0;
  const clause = /^[^，,。；;！!？?]*/.exec(text.slice(m[0].length))![0];
  return clause.length >= 4 && !RALLY.test(clause) ? m[0].length : 0;
}

/** Greetings that follow a salutation (大家好! 大家上午好! 下午好!). */
export const GREETING = /^(?:大家|各位)?[,，]?(?:早上|上午|中午|下午|晚上|新年)?好[!！。]?/;

/**
 * A closing thanks line: short, nothing but thanks (谢谢大家! 谢谢! 再次谢谢同志们!), maybe with the applause it drew
 * (谢谢大家!(掌声)).
 */
export const CLOSING = /^(?:[^。！!？?]{0,20}[，,。！!])?(?:再次)?(?:衷心)?(?:谢谢|感谢|謝謝)(?:大家|各位[\u4e00-\u9fff]{0,4}?|同志们|您|你们)?(?:的?聆听)?[。！!.]?(?:[(（](?:热烈|长时间)?的?掌声[^()（）]{0,6}[)）])?$/;

/**
 * The modesty formula that ends a 发言 or 汇报 instead of thanks (`以上发言,不妥之处,请同志们批评指正。`,
 * `以上汇报,如有不当之处,敬请批评指正。`); `以上` names the whole speech, so a sentence in the body never starts so.
 */
export const MODESTY = /^以上(?:发言|讲话|汇报|报告|意见|体会|是我的[\u4e00-\u9fff]{2,6})[,，]?(?:如有)?(?:不妥|不当|不足|不到)之处[,，]?(?:敬请|恳请|请|望)[\u4e00-\u9fff]{0,8}?批评指正[。！!.]?$/;

/** A closing thanks line, also after a short lead (`我的演讲完毕,谢谢!`, `以上发言,不妥之处,请批评指正。谢谢!`), or the modesty formula. */
export function isClosing(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return (text.length <= 24 && CLOSING.test(t)) || (text.length <= 40 && MODESTY.test(t));
}

/** A final exhortation or wish paragraph: `同志们,…` rallying, `最后预祝…圆满成功`. Ends a speech, never starts one. */
export const EXHORTATION = /^(?:同志们|同志們|各位(?:领导|老师|同志)[,，、]?(?:同志们)?|老师们|同学们|朋友们)[,，!！]/;
export const FINAL_WISH = /(?:^最后|预祝|祝愿?)[^。！!]{0,60}(?:圆满成功|顺利|健康|进步|愉快|快乐)[。！!]?$/;
