/**
 * Boilerplate removal, rule family by rule family: chrome from the field catalogue goes, and body lines that look
 * like chrome stay. Pages are built around one plain speech.
 */
import { describe, expect, it } from 'vitest';
import { SPEECH, cleanLines, keptText, rulesFired } from '../../test/helpers.js';

const TITLE = '2024年全市教育工作会议讲话稿(精选3篇)';

/** Cleans a page with `before` above the speech and `after` below it. */
function around(before: string[], after: string[] = []) {
  return cleanLines([...before, TITLE, ...SPEECH, ...after]);
}

function expectRemoved(line: string, rule: string, where: 'head' | 'tail' = 'head') {
  const record = where === 'head' ? around([line]) : around([], [line]);
  expect(keptText(record)).not.toContain(line);
  expect(rulesFired(record)).toContain(rule);
  // The speech itself is intact.
  expect(record.speeches).toHaveLength(1);
  expect(record.speeches[0]!.salutation).toBe('同志们:');
  expect(record.speeches[0]!.closing).toBe('谢谢大家!');
}

function expectKept(line: string) {
  const record = cleanLines([TITLE, SPEECH[0]!, SPEECH[1]!, line, ...SPEECH.slice(2)]);
  expect(keptText(record)).toContain(line);
  return record;
}

describe('navigation', () => {
  it.each(['当前位置: 首页 > 范文大全 > 演讲稿', '您的位置:新文秘网>>会议致辞>>正文', '首页 > 文章中心 > 正文', '东方文库 > 致辞稿 > 开幕致辞 > 运动会开幕式致辞', '讲话致辞 >', '• 讲话稿范文|讲话稿大全'])('removes the breadcrumb %s', (line) => {
    expectRemoved(line, 'boilerplate/breadcrumb');
  });
  it('keeps a body sentence with a > sign', () => expectKept('全市学前三年毛入学率>90%,比上年提高了两个百分点。'));
  it('keeps a short body line with a comparison', () => expectKept('全年工业产值>100亿元'));
  it('does not take a navigation row with a genre word for the page title', () => {
    const record = cleanLines(['网站首页节日演讲稿爱国纪念日演讲稿', '讲话致辞 >', '在全县教育工作会议上的讲话', ...SPEECH]);
    expect(record.page.title).toBe('在全县教育工作会议上的讲话');
  });
  it('reads a meta line whose date has slashes as a meta line, not a path', () => {
    const record = around(['发表时间:2024/4/9 10:02:11']);
    expect(rulesFired(record)).toContain('boilerplate/meta-line');
    expect(record.page.publishedAt).toBe('2024-04-09T10:02:11');
  });
  it('still removes a breadcrumb with slashes', () => expectRemoved('首页 / 演讲范文 / 发言致辞稿 / 庆典致辞', 'boilerplate/breadcrumb'));
  it.each([
    '华东 | 华南 | 西南三个大区的销售额均突破10亿元,其中西南大区增速最快。',
    '组织党员/干部/职工开展志愿服务4.2万人次,帮助企业解决用工难题。',
    '大家可以登录https://www.gov.cn/zhengce查看政策原文,也可以拨打热线咨询。',
  ])('keeps the body sentence %s with separators in it', (line) => expectKept(line));
});

describe('site name and app chrome', () => {
  it.each(['三味园范文网', '欢迎来到010在线作文网!'])('removes the site name %s at the top', (line) => expectRemoved(line, 'boilerplate/site-name'));
  it.each(['复制全文 下载文档', '字号: 大 中 小', '微信扫码分享', '上一篇 下一篇', '上一主题 下一主题', '回复 使用道具 举报', '点赞 打赏', '阅读全文', '评论(0)', '我来说两句', '打印文章 发送给我好友', '打印本文 关闭窗口', '分享到 :', '添加文秘家园网到电脑桌面', 'Loading...'])('removes the UI text %s', (line) => expectRemoved(line, 'boilerplate/app-chrome'));
  it('removes a site name that carries a genre word and does not take it for the page title', () => {
    const record = cleanLines(['讲话稿 文案下载手机站', '在全县教育工作会议上的讲话', ...SPEECH]);
    expect(record.page.title).toBe('在全县教育工作会议上的讲话');
    expect(rulesFired(record)).toContain('boilerplate/site-name');
  });
  it('keeps a short title that ends like a site name', () => {
    const record = cleanLines(['2023年教师节讲话稿范文', ...SPEECH]);
    expect(record.page.title).toBe('2023年教师节讲话稿范文');
  });
  it('keeps a body line that names a website', () => expectKept('要用好“学习强国”学习平台和全国文明网站。'));
  it.each(['我们还在微信上线了政务服务小程序,群众不用下载安装,点开就能用。', '请大家关注微信公众号“平安XX”,汛期的天气预警都会第一时间发布。', '不会用手机的老人,可以请年轻人帮忙,扫码关注以后就能收到提醒。'])(
    'keeps the body line %s about an account or a mini program',
    (line) => expectKept(line),
  );
  it.each(['扫码关注公众号,获取更多范文!', '关注公众号'])('removes the prompt %s', (line) => expectRemoved(line, 'boilerplate/watermark-line', 'tail'));
  it('keeps a body line about replying to the masses', () => expectKept('回复群众来信要及时。'));
  it('keeps a body line about closing a window of opportunity', () => expectKept('关闭窗口期之前,要完成全部整改。'));
  it.each(['要点赞身边的好人好事,弘扬社会正能量。', '我来说两句。'])('keeps the body line %s', (line) => expectKept(line));
  it('removes a WeChat account line', () => expectRemoved('微信公众号:fanwen', 'boilerplate/watermark-line', 'tail'));
  it('takes the label off a title line (标题: …)', () => {
    const record = cleanLines(['标题: 在全县冬春农田水利建设动员大会上的讲话', ...SPEECH]);
    expect(record.page.title).toBe('在全县冬春农田水利建设动员大会上的讲话');
    expect(rulesFired(record)).toContain('boilerplate/field-label');
  });
  it('takes the column and site names off a printed <title> line', () => {
    const record = cleanLines(['七一建党节讲话稿_党建范文_写作网', ...SPEECH]);
    expect(record.page.title).toBe('七一建党节讲话稿');
    expect(rulesFired(record)).toContain('boilerplate/title-site-suffix');
  });
  it('takes a site name after a hyphen off a printed <title> line', () => {
    expect(cleanLines(['七一建党节讲话稿 - 范文大全网', ...SPEECH]).page.title).toBe('七一建党节讲话稿');
  });
  it('takes a site name and the date after it off a printed <title> line, and the date for the page', () => {
    const record = cleanLines(['七一建党节讲话稿 - 公文写作网 2024-05-06', ...SPEECH]);
    expect(record.page).toMatchObject({ title: '七一建党节讲话稿', publishedAt: '2024-05-06' });
  });
  it('keeps a body line that ends with a site name and a date', () => expectKept('要深化医药卫生_综合改革,建好县域医共体网2024-05-06'));
  it.each(['要深化医药卫生_综合改革,建好县域医共体网', '请__中学的同志发言,介绍校园网'])('keeps the body line %s with an underscore', (line) => expectKept(line));
  it('keeps a body line about titles', () => expectKept('标题要简洁明了,主标题和副标题要相互呼应。'));
  it('keeps a labelled sentence about titles', () => {
    const record = expectKept('标题:公文标题一般由发文机关、事由和文种三部分组成。');
    expect(rulesFired(record)).not.toContain('boilerplate/field-label');
  });
  it('keeps a heading with a hyphen that ends like a site name', () => expectKept('聚力城市更新。加快建设城东-城西快速路网'));
});

describe('page title', () => {
  const tail = '比赛中的紧张氛围能够让我们学会沉着冷静。以上是小编为大家准备的比赛总结范文,希望对大家的写作有所帮助。';
  it('takes the title from the first speech heading when the page prints it nowhere else', () => {
    const record = cleanLines([tail, '运动会开幕式致辞(汇总2篇)篇一', ...SPEECH, '运动会开幕式致辞(汇总2篇)篇二', ...SPEECH]);
    expect(record.page).toMatchObject({ title: '运动会开幕式致辞(汇总2篇)', declaredCount: 2 });
    expect(record.speeches.map((s) => s.title)).toEqual(['运动会开幕式致辞', '运动会开幕式致辞']);
  });
  it('takes the main title above a subtitle that names the genre', () => {
    const record = cleanLines(['坚定信心 真抓实干 奋力谱写高质量发展新篇章', '——在县第十八届人民代表大会第三次会议上的政府工作报告', ...SPEECH]);
    expect(record.page.title).toBe('坚定信心真抓实干奋力谱写高质量发展新篇章');
  });
  it('keeps a subtitle for the page title when no title line is above it', () => {
    expect(cleanLines(['——在县第十八届人民代表大会第三次会议上的政府工作报告', ...SPEECH]).page.title).toBe('——在县第十八届人民代表大会第三次会议上的政府工作报告');
  });
  it('leaves the part label of a page split over several URLs off the page title', () => {
    expect(cleanLines(['在全县经济工作会议上的讲话(2/2)', ...SPEECH]).page.title).toBe('在全县经济工作会议上的讲话');
  });
  it('does not make a page title of a speech heading without a count', () => {
    expect(cleanLines([tail, '运动会开幕式致辞篇一', ...SPEECH]).page.title).toBeNull();
  });
  it('takes a main title that ends like a site name above a subtitle', () => {
    const record = cleanLines(['织密基层治理一张网', '——在全区网格化服务管理工作推进会上的讲话', ...SPEECH]);
    expect(record.page.title).toBe('织密基层治理一张网');
    expect(rulesFired(record)).not.toContain('boilerplate/site-name');
  });
});

describe('meta lines', () => {
  it('takes time, author and site, then removes the lines', () => {
    const record = around(['当前位置:百优范文网>讲话稿>教育', '更新时间:2018-06-10 19:16作者:才子老师']);
    expect(record.page).toMatchObject({ publishedAt: '2018-06-10T19:16:00', author: '才子老师', site: '百优范文网' });
    expect(keptText(record)).not.toContain('才子老师');
  });
  it.each(['时间:2018-04-12 演讲稿 我要投稿', '发布时间:2022-01-01来源:演讲朗诵', '2021-09-25 08:19:00 字数 1170 阅读 7568', '来源:网友投稿'])('removes %s', (line) => {
    expectRemoved(line, 'boilerplate/meta-line');
  });
  it('takes the date of a meta line that names its publisher, then removes the line', () => {
    const record = around(['2024-09-02 发布者:编辑部']);
    expect(record.page.publishedAt).toBe('2024-09-02');
    expect(rulesFired(record)).toContain('boilerplate/meta-line');
  });
  it('keeps a dated sentence about a publisher', () => expectKept('2024年5月发布者:市统计局的数据显示,全市经济稳中有进。'));
  it('removes a category with a view count', () => expectRemoved('讲话稿3.5万', 'boilerplate/view-count'));
  it('splits an author glued to the title', () => {
    const record = cleanLines([TITLE, `时间:2023-10-19 18:50:04 作者:文锋${TITLE}`, ...SPEECH]);
    expect(record.page.author).toBe('文锋');
    expect(record.page.publishedAt).toBe('2023-10-19T18:50:04');
  });
  it('keeps a body sentence that starts with a year', () => expectKept('2019年,全县教育经费投入达到12.5亿元,同比增长8%。'));
  it('keeps a body sentence about time', () => expectKept('时间就是效率,我们必须只争朝夕、真抓实干。'));
});

describe('news chrome', () => {
  it.each(['新华社北京3月14日电', '本报讯(记者 王某)'])('removes the dateline %s', (line) => expectRemoved(line, 'boilerplate/news-line'));
  it('removes a photo caption inside the speech', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 3), '新华社记者李学仁摄', ...SPEECH.slice(3)]);
    expect(keptText(record)).not.toContain('摄');
  });
  it('keeps a body sentence about a news agency and a photographer', () => expectKept('新华社记者拍摄的照片,记录了3月14日电网抢修的场景。'));
  it.each([
    ['文章来源: 新华社 发布时间: 2016-03-15 责任编辑: 王某', '2016-03-15'],
    ['复制全文 下载文档 更新 2022-12-29 | 人气 552', '2022-12-29'],
    ['信息来源:市政府办 | 发布日期:2020-05-06', '2020-05-06'],
    ['2022-04-16王冠中', '2022-04-16'],
    ['更新时间:2026-02 来源:网友投稿', '2026-02'],
  ])('takes the date of the meta line %s', (line, date) => {
    const record = around([line]);
    expect(record.page.publishedAt).toBe(date);
    expect(keptText(record)).not.toContain(line.slice(0, 6));
  });
  it.each(['2024-01-18 · 发言材料', '2023-5-6 | 讲话稿', '2022/03/01 / 工作总结'])('takes the date of %s, a date and a category', (line) => {
    const record = around([line]);
    expect(record.page.publishedAt).toBe(line.slice(0, line.search(/\s/)).replace(/\//g, '-').replace(/-(\d)(?!\d)/g, '-0$1'));
    expect(keptText(record)).not.toContain(line.slice(-4));
    expect(rulesFired(record)).toContain('boilerplate/meta-line');
  });
  it.each([
    ['致辞 时间:2021-08-31 手机版', '2021-08-31'],
    ['讲话稿 分享 时间:2023-09-29', '2023-09-29'],
  ])('takes the date of a 时间 label glued after a button or genre word: %s', (line, date) => {
    const record = around([line]);
    expect(record.page.publishedAt).toBe(date);
    expect(keptText(record)).not.toContain('时间');
  });
  it('removes an empty 时间 label after a share button', () => expectRemoved('0范文库 分享 时间:', 'boilerplate/meta-line'));
  it.each(['会议时间:2023年3月8日', '活动时间:2023年5月4日上午'])('keeps the event time %s in a host script', (line) => expectKept(line));
  it('removes a meta line behind member buttons', () => expectRemoved('【以稿换稿】【收藏】 作者: 佚名 来源: 本站原创 阅读 次', 'boilerplate/meta-line'));
  it('keeps a body line that starts with a date and a separator', () => expectKept('2023-5-6·全县召开了安全生产大会,部署了下一步工作。'));
  it('keeps the time of the event in a host script', () => expectKept('会议时间:2023年3月8日上午9时,地点:县委大礼堂。'));
  it.each(['关键词:实、新、精。', '统计局最新发布2024年1月份的数据显示,全县工业用电量同比增长11.2%。', '2023年5月,城南片区的光伏电站正式并网发电。'])(
    'keeps the body sentence %s, which starts like a field',
    (line) => expectKept(line),
  );
  it('takes the date of a date and a site name', () => expect(around(['2016-03-14 新华网']).page.publishedAt).toBe('2016-03-14'));
  it('takes the date of a meta line with | separators', () => {
    expect(around(['2016-03-14 17:28:42|来源:新华网|编辑:王某']).page.publishedAt).toBe('2016-03-14T17:28:42');
  });
});

describe('document viewers', () => {
  it('removes a download prompt for the full document', () => expectRemoved('本文共3页,下载后可查看完整内容。', 'boilerplate/doc-viewer', 'tail'));
  it.each(['申明敬告: 本站不保证该用户上传的文档完整性,不预览、不比对内容而直接下载产生的反悔问题本站不予受理。', '文档介绍', '- 格式:docx', '第 1 页 共 16 页', '下载后可任意编辑'])('removes %s', (line) => {
    expectRemoved(line, 'boilerplate/doc-viewer');
  });
  it('keeps a body sentence about a document format', () => expectKept('格式:公文用纸一般采用A4型纸,正文用3号仿宋字体。'));
});

describe('editor and SEO blurbs', () => {
  it('removes a blurb and keeps the title it names as a candidate', () => {
    const record = around(['开学典礼是学校的重要活动。下面是第一范文网小编为大家整理的开学典礼校长讲话稿,供大家参考。']);
    expect(keptText(record)).not.toContain('小编');
    expect(record.speeches[0]!.titleCandidates).toContain('开学典礼校长讲话稿');
  });
  it('cuts a blurb glued to the salutation and keeps the body', () => {
    const record = cleanLines([TITLE, '以下是小编精心整理的表态发言,仅供参考,希望能够帮助到大家。同志们:经县政府研究决定,今天召开全县大会。', ...SPEECH.slice(2)]);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
    expect(record.speeches[0]!.paragraphs[0]!.text).toBe('经县政府研究决定,今天召开全县大会。');
    expect(keptText(record)).not.toContain('小编');
  });
  it('keeps 供大家参考 inside a speech', () => expectKept('下面,我讲几点意见,供大家参考。'));
  it.each([
    '这里给大家带来教师节致辞范文,希望对大家有所帮助。',
    '下面给大家分享一些关于教师节致辞的范文,供大家参考。',
    '演讲稿频道《教师节致辞》,希望大家喜欢。',
    '下面是出国留学网提供的国旗下讲话稿,欢迎阅读。',
    '本文是由范文网整理的教师节致辞,欢迎阅读与收藏。',
    '为大家精心整理了教师节致辞范文,欢迎阅读参考。',
  ])('removes the blurb %s', (line) => expectRemoved(line, 'boilerplate/blurb'));
  it.each([
    '下面为大家带来的是舞蹈《春天》,希望大家喜欢!',
    '我们要为大家提供更好的服务,希望大家满意。',
    '这份材料是县委办为大家准备的,请认真学习。',
    '为了今天的培训,我给大家准备了一些范例材料,希望对大家有所帮助。',
    '下面,请日报社编辑部的同志分享他们的采访经历。',
  ])('keeps the host or body line %s', (line) => expectKept(line));
});

describe('paywalls and truncation', () => {
  it('removes the paywall and what follows, and marks the speech truncated', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), '......', '预览结束,免费获取全文或定制代笔此类文章!', '请点击👉 mbgs777 👈联系老师']);
    expect(keptText(record)).not.toContain('预览结束');
    expect(keptText(record)).not.toContain('联系老师');
    expect(record.speeches[0]!.truncated).toBe(true);
  });
  it('removes a mid-body omission note and keeps the text after it', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 2), '要抓好落实……(快文网省略434字,正式会员可完整阅读)……', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('要抓好落实');
    expect(keptText(record)).not.toContain('省略');
    expect(record.speeches[0]!.truncated).toBe(true);
  });
  it('removes a cut-off note glued to the last paragraph shown and keeps the paragraph', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), '各级各部门要把这项工作作为“一把手”工程,主要领导亲自抓、负总责……(未完,全文共2620字,当前仅显示1666字,请阅读下面提示信息。收藏《讲话》)']);
    expect(keptText(record)).toContain('主要领导亲自抓、负总责');
    expect(keptText(record)).not.toContain('未完');
    expect(record.speeches[0]!.truncated).toBe(true);
  });
  it('keeps a parenthesis in the body that starts like a cut-off note', () => expectKept('这项工作目前还未完成(未完成的要限期整改),请大家抓紧。'));
  it('removes ASCII dots after a cut word and marks the speech truncated', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), '要加强对基层干部的关心关爱,帮助他们解决实际困......', '预览阅读已结束,若您需要全文或代笔。']);
    expect(record.speeches[0]!.paragraphs.at(-1)!.text).toBe('要加强对基层干部的关心关爱,帮助他们解决实际困');
    expect(record.speeches[0]!.truncated).toBe(true);
  });
  it('keeps a Chinese ellipsis at the end of a paragraph', () => expectKept('要抓好安全、稳定、民生……'));
  it('keeps ASCII dots typed as an ellipsis inside a speech, which is not truncated', () => {
    const line = '回首这一年,我们走过的路有坎坷、有汗水、有收获......';
    const record = cleanLines([TITLE, SPEECH[0]!, SPEECH[1]!, line, ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain(line);
    expect(record.speeches[0]!.truncated).toBe(false);
  });
  it('keeps a body sentence about contacting teachers and does not cut the speech', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), '找工作遇到困难,也可以随时联系老师。', ...SPEECH.slice(4)]);
    expect(keptText(record)).toContain('随时联系老师');
    expect(record.speeches[0]!.truncated).toBe(false);
  });
  it('does not mark a complete speech truncated', () => {
    expect(around([]).speeches[0]!.truncated).toBe(false);
  });
});

describe('footers, related lists and pagination', () => {
  it.each(['Copyright©2012-2024 百优范文网版权所有 备案号:鲁ICP备12014506号-1', '版权声明:本文内容由互联网用户自发贡献,该文观点仅代表作者本人。', '推荐访问:讲话稿 教育 会议', '2. 为防止用户资源被随意传播,本站部分文稿需要会员才可阅读或下载,请理解。', '转载请注明出处', '共有0条评论'])('removes the footer %s', (line) => {
    expectRemoved(line, 'boilerplate/footer', 'tail');
  });
  it('removes a related list to the end of the page', () => {
    const record = around([], ['相关文章', '2023年校长开学典礼讲话稿3篇', '教师节表彰大会讲话稿(通用5篇)']);
    expect(keptText(record)).not.toContain('教师节表彰大会');
    expect(record.speeches).toHaveLength(1);
  });
  it.each(['点击排行', '友情链接', '最新更新'])('removes a %s list to the end of the page', (header) => {
    const record = around([], [header, '2023年校长开学典礼讲话稿3篇', '教师节表彰大会讲话稿(通用5篇)']);
    expect(keptText(record)).not.toContain('教师节表彰大会');
    expect(rulesFired(record)).toContain('boilerplate/related');
  });
  it('ends a related list inside the speech where the next section goes on', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), '更多相关文章:', '在全县教育工作会议上的讲话(通用3篇)', '教育局长在教师节表彰大会上的讲话', ...SPEECH.slice(4)]);
    expect(keptText(record)).not.toContain('教师节表彰大会');
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toEqual(SPEECH.slice(1, -1));
  });
  it('removes a related list whose entries carry summaries and numbered lines to the end', () => {
    const record = around([], ['相关范文推荐', '• 10-19 工作计划大全(16篇)', '卫生工作计划的完成情况可以作为评价卫生工作绩效的重要依据。小编整理了一些范本,供大家学习和参考。', '4.编辑是提炼信息的过程,将冗长复杂的内容精炼成简洁明了的文字。']);
    expect(keptText(record)).not.toContain('卫生工作计划');
    expect(keptText(record)).not.toContain('编辑是提炼信息');
  });
  it.each(['3', '页,当前第。', '上一页 1 2 3 下一页'])('removes the pagination widget %s', (line) => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), line, ...SPEECH.slice(4)]);
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).not.toContain(line);
  });
  it.each(['本站文章均来自网络,版权归原作者所有。', '部分内容来源于网络,如有侵权请联系删除。', '文章版权归作者所有,未经许可不得转载。'])('removes the disclaimer %s', (line) => {
    expectRemoved(line, 'boilerplate/footer', 'tail');
  });
  it.each(['网络谣言大多来自网络,不实信息要及时澄清。', '作品的著作权依法归作者享有,要尊重原创。'])('keeps the body sentence %s about the web and authors', (line) => expectKept(line));
  it('keeps a body sentence that mentions copyright', () => expectKept('要加强知识产权和版权保护,营造良好的创新环境。'));
  it('keeps a body sentence that mentions contacting people', () => expectKept('党员干部要密切联系我们的群众,倾听群众呼声。'));
  it('keeps a body sentence about a station’s staff', () => expectKept('本站全体干部职工要坚守岗位,确保资源调度和汛期安全。'));
  it.each(['联系我们市的实际,我讲三点意见。', '关于我们下一步的工作,市里已经印发了实施方案。', '企业如有侵权纠纷,可以向保护中心申请快速维权。', '要尊重版权所有人的合法权益。'])(
    'keeps the body sentence %s',
    (line) => expectKept(line),
  );
  it.each(['二、拓展延伸阅读', '(三)及时更新网站相关内容'])('keeps the section heading %s', (line) => expectKept(line));
  it.each(['【本文由网友投稿,仅供参考学习,禁止转载】', '本站主持词均来自网络收集整理,如需更多请关注本站。'])('removes the site notice %s', (line) => {
    expectRemoved(line, 'boilerplate/footer', 'tail');
  });
  it.each(['这篇文章由网友投稿到报社后,引起了广泛讨论。', '本站工作人员都来自网络部门,日夜坚守岗位。'])('keeps the body line %s about uploads and networks', (line) => expectKept(line));
  it('removes a related list whose entries share its header line', () => {
    const record = around([], ['相关推荐:2025年元旦致辞简短精选  2025年春节致辞范文', '2025年新年贺词']);
    expect(keptText(record)).not.toContain('元旦致辞');
    expect(keptText(record)).not.toContain('新年贺词');
    expect(rulesFired(record)).toContain('boilerplate/related');
  });
  it('keeps a recommendation in the speech that reads as a sentence', () => expectKept('推荐阅读:《平凡的世界》,这是一部激励青年奋斗的好书。'));
  it('removes a contact line', () => expectRemoved('联系我们:0531-88886666', 'boilerplate/footer', 'tail'));
});

describe('forum threads', () => {
  const post = (name: string, date: string) => [name, `发表于 ${date}`];
  it('removes the signature line and the replies after the post that holds the speech', () => {
    const record = cleanLines([TITLE, ...post('笔杆子老王', '2023-6-5 09:12 | 只看该作者'), ...SPEECH, '签名:天道酬勤,笔耕不辍。', ...post('小李飞刀', '2023-6-5 10:30'), '写得很好,收藏了,谢谢楼主分享!']);
    expect(record.page.publishedAt).toMatch(/^2023-06-05T09:12/);
    expect(keptText(record)).not.toMatch(/签名|小李飞刀|写得很好/);
    expect(rulesFired(record)).toContain('boilerplate/forum-reply');
    expect(record.speeches[0]!.closing).toBe('谢谢大家!');
  });
  it('keeps the speech under a single post line', () => {
    const record = cleanLines([TITLE, ...post('笔杆子老王', '2023-6-5 09:12'), ...SPEECH]);
    expect(rulesFired(record)).not.toContain('boilerplate/forum-reply');
    expect(record.speeches[0]!.paragraphs.map((p) => p.text)).toEqual(SPEECH.slice(1, -1));
  });
  it('keeps a body line about signing', () => expectKept('各村负责人要在责任书上签名,确保责任落实到人。'));
  it('keeps body sentences about papers published in a year', () => {
    const lines = ['张同学的第一篇论文发表于2022年的《物理学报》,那时他才大三。', '李同学的论文发表于2023年底,被同行引用了40多次。'];
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 4), ...lines, ...SPEECH.slice(4)]);
    for (const line of lines) expect(keptText(record)).toContain(line);
    expect(record.speeches[0]!.closing).toBe('谢谢大家!');
  });
  it('keeps a body sentence that starts with 积分 and removes a profile field', () => {
    expectKept('积分100分以上的农户,年底可以到爱心超市兑换生活用品。');
    expectRemoved('积分 1024', 'boilerplate/forum-meta');
  });
});

describe('watermarks and noise', () => {
  it('removes a watermark at the end of a paragraph and keeps the sentence', () => {
    const record = cleanLines([TITLE, SPEECH[0]!, '让我们共同谱写教育发展的华彩篇章。作文吧 Www.ZuoWenBa.Net', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('让我们共同谱写教育发展的华彩篇章。');
    expect(keptText(record)).not.toMatch(/zuowenba/i);
  });
  it('removes an ad tag at the end of a paragraph', () => {
    const record = cleanLines([TITLE, SPEECH[0]!, '我讲四个特点:【更多公文素材,微信:dadaw k01】', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('我讲四个特点:');
    expect(keptText(record)).not.toContain('微信');
  });
  it('removes a jammer prefix and keeps the paragraph', () => {
    const record = cleanLines([TITLE, SPEECH[0]!, '5 S& V `* V\' e! a( t( S6 X/ i一说问题,今年我们要抓好三件事。', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('一说问题,今年我们要抓好三件事。');
    expect(keptText(record)).not.toContain('S&');
  });
  it('removes a stray digit in front of the salutation', () => {
    const record = cleanLines([TITLE, `3${SPEECH[0]}`, ...SPEECH.slice(1)]);
    expect(record.speeches[0]!.salutation).toBe('同志们:');
  });
  it('keeps a number in front of a body sentence about comrades', () => expectKept('30同志们在会上作了发言。'));
  it('keeps a short English phrase in a sentence', () => expectKept('我们要把 I am a teacher 这句话记在心里。'));
  it('removes a porn/SEO header line and the stray mark after it', () => {
    const record = around(['国产日韩欧美一区二区三区_亚洲少妇熟女av_免费视频在线观看', '?']);
    expect(keptText(record)).not.toContain('一区二区');
    expect(rulesFired(record)).toContain('boilerplate/spam');
  });
  it.each(['我们的产品主要出口日韩、欧美市场,国产品牌的竞争力明显增强。', '群众可以在线观看庭审直播视频,了解国产大飞机的研制。'])('keeps the body sentence %s', (line) => expectKept(line));
});

describe('notes to the reader of a template', () => {
  it('removes a note on how to fill in the template and keeps the sentence', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 2), '要认真学习×××(一个伟人的名字加最高职务,你可以前后对照进行准确替换)的重要讲话精神。', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('要认真学习×××的重要讲话精神。');
    expect(rulesFired(record)).toContain('boilerplate/editor-note');
  });
  it('removes a note asking to fill in the facts', () => {
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 2), '今年我们完成了×××(请根据实际情况填写)项目。', ...SPEECH.slice(2)]);
    expect(keptText(record)).toContain('今年我们完成了×××项目。');
  });
  it.each(['(热烈掌声)', '(市)', '(试行)', '(可替换的零部件除外)', '(请于本周五前填写完毕并交回会务组)'])('keeps %s', (note) => expectKept(`会议审议通过了有关办法${note},请大家认真落实。`));
});

describe('body that looks like junk stays', () => {
  it('keeps a sentence praising a text’s language', () => expectKept('这篇文章语言朴实,却打动了无数读者,靠的就是真情实感。'));
  it('does not split a title off a host’s sentence after a stage direction', () => {
    const line = '部长在上次全市宣传工作会议上的讲话今天已经印发给各单位,请大家认真学习。';
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 2), '(发言)', line, ...SPEECH.slice(2)]);
    expect(record.speeches).toHaveLength(1);
    expect(keptText(record)).toContain(line);
  });
  it.each(['请XX同志通报20xx年工作完成情况。', '(热烈掌声)', '(一)加强组织领导', '1.提高政治站位', '一是要提高认识。', '**同志在会上作了重要讲话。', '×××同志:'])('keeps %s', (line) => {
    expectKept(line);
  });
});

describe('tables of contents', () => {
  it('removes a table of contents whose entries come back as headings', () => {
    const record = cleanLines([TITLE, '目录', '一、提高认识,切实增强做好工作的责任感'.replace(/,.*/, ''), '二、突出重点', '三、加强领导', SPEECH[0]!, SPEECH[1]!, '一、提高认识', SPEECH[3]!, '二、突出重点', SPEECH[5]!, '三、加强领导', SPEECH[6]!]);
    const texts = record.speeches.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts.filter((t) => t === '二、突出重点')).toHaveLength(1);
    expect(rulesFired(record)).toContain('boilerplate/toc');
    expect(record.speeches).toHaveLength(1);
  });
  it('keeps a block of short lines that the page repeats in one piece', () => {
    const block = ['教育兴则国家兴', '教育强则国家强', '教育优则民族优'];
    const record = cleanLines([TITLE, ...SPEECH.slice(0, 2), ...block, ...SPEECH.slice(2, 4), ...block, ...SPEECH.slice(4)]);
    expect(rulesFired(record)).not.toContain('boilerplate/toc');
  });
});
