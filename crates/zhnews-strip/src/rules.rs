//! The generic rules: a fixed-phrase table matched on folded text (Simplified
//! and Traditional, half- and full-width punctuation, stray whitespace), and
//! the engine that walks the pieces of a document in order, deciding for each
//! whether it is body, metadata, caption, related material, translation or
//! boilerplate.

use std::sync::OnceLock;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::fold::Folded;
use crate::profiles::PLACEHOLDER_UPLOADERS;
use crate::{Block, Image, Meta, Related, Removed, Step, Stripped, Trace, Traced, Translation};

/// What the extractor knows about a piece before the rules look at its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PieceKind {
    Para,
    Heading(u8),
    ListItem {
        ordered: bool,
        group: usize,
    },
    Quote,
    /// Text of a caption element (figcaption, img_descr …).
    Caption,
    Image {
        url: Option<String>,
        alt: Option<String>,
    },
    /// A section marker read from a comment (not visible text).
    Marker,
}

/// Where a piece sits relative to the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    /// Inside the article container.
    Body,
    /// Outside it; `near` when close enough to the container to hold its byline.
    Outside { near: bool },
    /// Matched a drop selector (rule name given).
    Dropped(&'static str),
    /// Inside an element that holds a metadata role.
    Role(Role),
    /// Inside an element that starts a related section.
    CutSection,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    MetaLines,
    Title,
    Published,
    Outlet,
    Breadcrumb,
}

#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub kind: PieceKind,
    pub text: String,
    pub url: Option<String>,
    pub centered: bool,
    /// Its text starts inside `<strong>`/`<b>` (a lead sentence, not a caption).
    pub bold: bool,
    pub region: Region,
    /// Text and address of its link when a link makes up most of it
    /// (`<a>标题</a><span>2025-04-02</span>`).
    pub link: Option<(String, String)>,
}

impl Piece {
    pub fn new(kind: PieceKind, text: String) -> Piece {
        Piece {
            kind,
            text,
            url: None,
            centered: false,
            bold: false,
            region: Region::Body,
            link: None,
        }
    }
}

/// Whitespace collapsed to single spaces, ends trimmed (U+3000 indentation included).
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // runs between spaces are copied whole rather than char by char
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            if run < i {
                if pending_space {
                    out.push(' ');
                }
                out.push_str(&s[run..i]);
            }
            run = i + c.len_utf8();
            pending_space = !out.is_empty();
        }
    }
    if run < s.len() {
        if pending_space {
            out.push(' ');
        }
        out.push_str(&s[run..]);
    }
    out
}

// ---------------------------------------------------------------- phrase table

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    OriginalTitle,
    /// 编辑 and the like: yields to a [`Field::ChiefEditor`] given anywhere.
    Editor,
    /// 责任编辑/责编: the editor answerable for the article.
    ChiefEditor,
    Outlet,
    Author,
    Published,
    /// A label whose value is not kept (校对, 审核 …): the line is still metadata.
    Other,
}

/// Labels (folded, Simplified), longest first where one is a suffix of another.
const LABELS: &[(&str, Field)] = &[
    ("本文原标题", Field::OriginalTitle),
    ("原标题", Field::OriginalTitle),
    ("原題", Field::OriginalTitle),
    ("责任编辑", Field::ChiefEditor),
    ("本文编辑", Field::Editor),
    ("值班编辑", Field::Editor),
    ("网络编辑", Field::Editor),
    ("编辑", Field::Editor),
    ("责编", Field::ChiefEditor),
    ("编审", Field::Other),
    ("审核", Field::Other),
    ("校对", Field::Other),
    ("监制", Field::Other),
    ("出品", Field::Other),
    ("策划", Field::Other),
    ("制作", Field::Other),
    ("统筹", Field::Other),
    ("文章来源", Field::Outlet),
    ("新闻来源", Field::Outlet),
    ("本文来源", Field::Outlet),
    ("信息来源", Field::Outlet),
    ("稿件来源", Field::Outlet),
    ("来源于", Field::Outlet),
    ("来源", Field::Outlet),
    ("稿源", Field::Outlet),
    ("出处", Field::Outlet),
    ("作者", Field::Author),
    ("撰文", Field::Author),
    ("采写", Field::Author),
    ("撰稿", Field::Author),
    ("文字", Field::Author),
    ("记者", Field::Author),
    ("发布时间", Field::Published),
    ("发布日期", Field::Published),
    ("发表时间", Field::Published),
    ("发表日期", Field::Published),
    ("更新时间", Field::Other),
    ("时间", Field::Published),
    ("日期", Field::Published),
    ("浏览次数", Field::Other),
    ("阅读量", Field::Other),
    ("点击数", Field::Other),
    ("字号", Field::Other),
    ("标签", Field::Other),
    ("所属分类", Field::Other),
];

/// Headings that open a section of other articles.
const SECTIONS: &[&str] = &[
    "相关阅读",
    "相关新闻",
    "相关内容",
    "相关文章",
    "相关报道",
    "相关推荐",
    "相关链接",
    "延伸阅读",
    "推荐阅读",
    "热门资讯",
    "热门推荐",
    "热门新闻",
    "热门文章",
    "热点新闻",
    "热点推荐",
    "精彩推荐",
    "猜你喜欢",
    "更多精彩",
    "为你推荐",
    "大家都在看",
    "往期回顾",
    "往期精彩",
    "今日推荐",
    "热门排行",
    "排行榜",
    "推荐视频",
    "相关专题",
    "阅读排行",
    "点击排行",
    "最新新闻",
    "最新资讯",
    "扩展阅读",
    "拓展阅读",
    "你可能感兴趣",
    "精彩视频推荐",
    "视频推荐",
    "图片推荐",
    "相关视频",
    "热读",
    "看了又看",
    "更多新闻",
    "进入专题",
    "点击排行榜",
    "延伸推荐",
];

/// Labels that introduce a link to another article on the same line.
const INLINE_RELATED: &[&str] = &[
    "此前报道:",
    "相关报道:",
    "相关阅读:",
    "延伸阅读:",
    "相关新闻:",
    "推荐阅读:",
    "往期回顾:",
    "更多报道:",
    "链接:",
    "相关链接:",
    "相关资讯请关注:",
    "更多资讯请关注:",
    "更多内容请关注:",
];

/// Share/report widgets, when they stand alone.
const WIDGETS: &[&str] = &[
    "举报",
    "反馈",
    "举报/反馈",
    "举报反馈",
    "分享",
    "分享到",
    "分享至",
    "打印",
    "纠错",
    "收藏",
    "返回顶部",
    "关闭窗口",
    "关闭",
    "字号",
    "大中小",
    "点赞",
    "评论",
    "我要评论",
    "查看评论",
    "打印本页",
    "我要纠错",
    "复制链接",
    "微信",
    "微博",
    "QQ空间",
    "更多",
    "上一篇",
    "下一篇",
    "返回首页",
    "扫一扫",
    "投诉",
    "调整字体",
    "字体",
    "图集",
    "转播到腾讯微博",
    "返回首页",
    "打开APP",
    "我要投稿",
    "登录",
    "注册",
    "转发",
    "评论区",
    "来说两句",
    "发表评论",
    "网友评论",
    "隐藏边栏",
    "显示边栏",
    "A+",
    "A-",
    "收藏本文",
    "我有话说",
    "赞",
    "赏",
    "打赏",
    "上一页",
    "下一页",
];

const CLICK_ENLARGE: &[&str] = &[
    "点击查看大图",
    "点击图片查看大图",
    "点击看大图",
    "点击放大",
    "点击查看原图",
    "查看原图",
    "点击图片进入下一页",
];

const COPYRIGHT: &[&str] = &[
    "版权所有",
    "版权归",
    "未经授权",
    "未经许可",
    "不得转载",
    "禁止转载",
    "严禁转载",
    "转载请注明",
    "免责声明",
    "版权声明",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "不代表本网观点",
    "不代表本站观点",
    "仅代表作者",
    "违法和不良信息举报",
    "ICP备",
    "ICP证",
    "增值电信业务",
    "网络传播视听节目许可证",
    "本文系",
    "特别声明",
    "如有侵权",
    "联系删除",
    "郑重声明",
    "图片来自网络",
    "图片均来自网络",
    "图片来源于网络",
    "图片来源网络",
    "风险提示",
];

/// Last breadcrumb entries that stand for the article page, not a section.
const BREADCRUMB_LEAVES: &[&str] = &[
    "正文",
    "内容",
    "详情",
    "文章",
    "正文内容",
    "详细内容",
    "文章内容",
    "新闻正文",
    "内容详情",
    "新闻详情",
    "文章详情",
    "阅读文章",
];

const SECTION_PREFIXES: &[&str] = &[
    "当前位置:",
    "您的位置:",
    "你的位置:",
    "您现在的位置:",
    "位置:",
];

pub(crate) fn is_section_heading(f: &Folded) -> bool {
    if f.len() > 30 {
        return false;
    }
    let s = f.bare();
    let n = s.chars().count();
    if n == 0 || n > 14 {
        return false;
    }
    SECTIONS.iter().any(|p| {
        s == *p || (s.starts_with(p) && (s.ends_with("更多") || n <= p.chars().count() + 2))
    })
}

pub(crate) fn is_widget(f: &Folded) -> bool {
    if f.len() > 60 {
        return false;
    }
    let s = f.as_str();
    let bare = f.bare();
    if bare.is_empty() {
        return false;
    }
    if WIDGETS.contains(&bare) || WIDGETS.contains(&s) {
        return true;
    }
    let n = bare.chars().count();
    let s_all = s;
    if n <= 30
        && (s_all.ends_with(">>")
            || s_all.starts_with("点击进入")
            || s_all.starts_with("返回") && s_all.contains("首页"))
    {
        return true;
    }
    if n <= 40 && (s_all.starts_with("视频-") || s_all.starts_with("视频:")) {
        return true;
    }
    // a video player's autoplay switch, with the clip's name beside it
    (bare.starts_with("分享到") || bare.starts_with("分享至") || bare.starts_with("自动播放"))
        && n <= 40
        || n <= 12 && (bare.starts_with("举报") || bare.ends_with("举报"))
        || n <= 24 && (bare.contains("字号") && (bare.contains("大") || bare.contains("小")))
        || n <= 24
            && bare.starts_with("评论")
            && bare[("评论".len())..].chars().all(|c| c.is_ascii_digit())
}

/// A bar of widget words and their counts (`赞 0 赏 分享`, `阅读 539`): every
/// word is a widget label or a number, and one at least is a label.
pub(crate) fn is_widget_bar(text: &str) -> bool {
    if text.chars().count() > 24 {
        return false;
    }
    if is_count(text)
        && text
            .chars()
            .any(|c| !c.is_ascii_digit() && !c.is_whitespace())
    {
        return true;
    }
    let mut labels = 0;
    for w in text.split(' ') {
        // counts, and page numbers of a pager (`1/2`)
        if w.chars().all(|c| c.is_ascii_digit() || c == '/') {
            continue;
        }
        if !WIDGETS.contains(&Folded::new(w).as_str()) {
            return false;
        }
        labels += 1;
    }
    labels > 0 && text.contains(' ')
}

pub(crate) fn is_click_enlarge(f: &Folded) -> bool {
    if f.len() > 20 {
        return false;
    }
    CLICK_ENLARGE.contains(&f.bare())
}

/// Verbs that turn a mention of a QR code or an app into a call to the reader.
const CALL_TO_ACTION: &[&str] = &[
    "关注",
    "下载",
    "订阅",
    "阅读原文",
    "了解更多",
    "看更多",
    "更多精彩",
    "观看",
    "收听",
    "加入",
    "领取",
    "进群",
    "添加",
    "打开",
    "安装",
    "登录",
    "尽在",
    "独家",
    "精准解读",
];

/// A promotion addressed to the reader (扫码关注, 下载客户端, 尽在某某APP). News text mentions QR
/// codes and apps too ("消费者扫描包装上的二维码即可查看产地"), so a mention alone is not enough:
/// a promo is short, or it calls the reader to act and reads as a slogan rather than a sentence.
pub(crate) fn is_promo(f: &Folded) -> bool {
    let n = f.len();
    if n == 0 || n > 90 {
        return false;
    }
    let s = f.as_str();
    // A sentence of reporting: long, with a full stop inside or several clauses.
    // Folding has turned full-width commas into ASCII ones.
    // An exclamation at the end is the slogan's tone, not reporting.
    let sentence = || {
        n > 40
            && !s.trim_end_matches(['~', '～']).ends_with(['!', '！'])
            && (s.trim_end_matches('。').contains('。') || s.matches(',').count() >= 2)
    };
    if s.contains("长按二维码") || s.contains("点击下载") {
        return !sentence();
    }
    let qr = s.contains("二维码")
        || s.contains("扫码")
        || s.contains("扫一扫")
        || s.contains("长按识别");
    let app = s
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"app"))
        || s.contains("客户端");
    let account = || {
        s.contains("关注")
            && ["公众号", "微信号", "官方微信", "微博号", "视频号", "抖音号"]
                .iter()
                .any(|w| s.contains(w))
    };
    // most lines mention neither a code, an app nor an account: the
    // call-to-action and sentence tests are left for the few that do
    let calls = || CALL_TO_ACTION.iter().any(|w| s.contains(w));
    ((qr || app) && (n <= 30 || calls()) || account()) && !sentence()
}

/// `（原题为《某某》）`: the note that names the original headline.
fn original_title_note(line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches(['(', '（', '[', '【'])
        .trim_end_matches([')', '）', ']', '】', '。']);
    let rest = t
        .strip_prefix("原题为")
        .or_else(|| t.strip_prefix("原題為"))
        .or_else(|| t.strip_prefix("原标题为"))?;
    let inner = rest.trim().trim_start_matches(['：', ':']).trim();
    let inner = inner.strip_prefix('《')?.strip_suffix('》')?;
    (!inner.is_empty() && inner.chars().count() <= 80).then(|| clean(inner))
}

/// [`is_copyright`] of raw text, without folding text too long to qualify.
pub(crate) fn is_copyright_text(s: &str) -> bool {
    let visible = s
        .chars()
        .filter(|&c| !(c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'))
        .take(COPYRIGHT_MAX + 1)
        .count();
    visible > 0 && visible <= COPYRIGHT_MAX && is_copyright(&Folded::new(s))
}

/// Longer lines are prose that mentions copyright, not a notice.
const COPYRIGHT_MAX: usize = 220;

pub(crate) fn is_copyright(f: &Folded) -> bool {
    let n = f.len();
    if n > 0 && n <= COPYRIGHT_MAX && (f.starts_with("声明:") || f.starts_with("免责声明")) {
        return true;
    }
    n > 0 && n <= COPYRIGHT_MAX && {
        let s = f.as_str();
        match copyright_phrases() {
            Some(pma) => pma.find_iter(s).next().is_some(),
            None => COPYRIGHT.iter().any(|w| s.contains(w)),
        }
    }
}

/// Whether `s` has at most `max` chars that folding keeps (not whitespace).
fn visible_at_most(s: &str, max: usize) -> bool {
    s.chars()
        .filter(|&c| !(c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'))
        .nth(max)
        .is_none()
}

/// The copyright phrases as one automaton: a line is read once, not once
/// per phrase. `None` if it cannot be built (the phrase loop stands in).
fn copyright_phrases() -> Option<&'static CharwiseDoubleArrayAhoCorasick<usize>> {
    static PMA: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<usize>>> = OnceLock::new();
    PMA.get_or_init(|| CharwiseDoubleArrayAhoCorasick::new(COPYRIGHT).ok())
        .as_ref()
}

/// A line that is only a timestamp (2026-02-02 06:05:11, 2019年09月07日 08:05 …).
pub(crate) fn is_timestamp(line: &str) -> bool {
    let t = line.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && t.chars().count() <= 40
        && t.chars().all(|c| {
            c.is_ascii_digit() || " -/:.T+年月日时分秒号点Z".contains(c) || c.is_whitespace()
        })
        && has_year(t)
}

/// A four-digit year of this or the last century (not a time like 0812).
fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        (b[i] == b'1' && b[i + 1] == b'9' || b[i] == b'2' && b[i + 1] == b'0')
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
    })
}

/// The first timestamp inside a short line (`原创 某报 2019-09-09 16:01:46`).
pub(crate) fn find_timestamp(line: &str) -> Option<String> {
    if line.len() > 300 {
        return None;
    }
    let is_ts_char =
        |c: char| c.is_ascii_digit() || " -/:.年月日时分秒T".contains(c) || c == '\u{3000}';
    let mut best: Option<&str> = None;
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), '\0')))
    {
        if i < line.len() && is_ts_char(c) {
            start.get_or_insert(i);
        } else if let Some(s0) = start.take() {
            let cand = line[s0..i]
                .trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ':');
            if is_timestamp(cand) && best.is_none_or(|b| cand.len() > b.len()) {
                best = Some(cand);
            }
        }
    }
    best.map(clean)
}

/// A bare count (comments, views): `0`, `123`, `阅读 1.2万`, `12条评论`.
pub(crate) fn is_count(line: &str) -> bool {
    let t = line.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || t.chars().count() > 16 {
        return false;
    }
    let rest: String = t
        .chars()
        .filter(|c| {
            !c.is_ascii_digit() && !c.is_whitespace() && !matches!(c, '.' | ',' | '+' | ':' | '：')
        })
        .collect();
    rest.is_empty()
        || [
            "评论",
            "条评论",
            "阅读",
            "浏览",
            "点击",
            "万",
            "万阅读",
            "人阅读",
            "次阅读",
            "赞",
            "人参与",
            "人评论",
            "跟帖",
            "回复",
            "阅",
            "次",
        ]
        .contains(&rest.as_str())
}

/// A breadcrumb line: 首页 > 头条, 当前位置：首页 > 新闻 > 正文.
pub(crate) fn breadcrumb(line: &str, anywhere: bool) -> Option<(Vec<String>, bool)> {
    if line.len() > 400 || !line.contains(['>', '＞', '»', '›', '→']) {
        return None;
    }
    let f = Folded::new(line);
    if !f.as_str().contains('>') || f.len() > 90 {
        return None;
    }
    let mut start = 0;
    let mut prefixed = false;
    for p in SECTION_PREFIXES {
        if f.starts_with(p) {
            start = f.orig(p.chars().count(), line);
            prefixed = true;
            break;
        }
    }
    let mut parts: Vec<String> = line[start..]
        .split(['>', '＞', '»', '›', '→'])
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || parts.len() > 8 || parts.iter().any(|p| p.chars().count() > 20) {
        return None;
    }
    let home = Folded::new(&parts[0]).as_string();
    let homey = home.contains("首页")
        || home.contains("主页")
        || home.ends_with("网")
        || home.contains("新闻");
    if prefixed || homey || anywhere {
        // the leaf names the page itself (首页 > 文化 > 正文), not a section
        if parts.len() > 1
            && parts
                .last()
                .is_some_and(|p| BREADCRUMB_LEAVES.contains(&Folded::new(p).as_string().as_str()))
        {
            parts.pop();
        }
        Some((parts, true))
    } else {
        None
    }
}

/// Text that is mostly ASCII letters: an English version's line.
pub(crate) fn is_latin_line(line: &str) -> bool {
    let mut latin = 0usize;
    let mut cjk = 0usize;
    let mut other = 0usize;
    for c in line.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cjk(c) {
            cjk += 1;
        } else if !c.is_whitespace() {
            other += 1;
        }
    }
    latin >= 12
        && cjk * 20 <= latin
        && latin * 10 >= (latin + other) * 6
        && line.split_whitespace().count() >= 3
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['”', '"', '’', '」', '』', ')', '）'])
        .ends_with(['。', '！', '？', '!', '?', '；', ';', '…', '.'])
}

/// A teaser: a headline cut off with `...` or `…` (not the `……` of prose).
pub(crate) fn is_teaser(line: &str) -> bool {
    let t = line.trim_end();
    if t.chars().count() < 4 {
        return false;
    }
    t.ends_with("...") || t.ends_with('…') && !t.ends_with("……")
}

/// Splits a teaser `标题... 正文...` into headline and text.
fn split_teaser(line: &str) -> (Option<String>, String) {
    for cut in ["... ", "…… ", "… ", "...", "…"] {
        if let Some(i) = line.find(cut) {
            let end = i + cut.trim_end().len();
            if end < line.len() {
                let rest = clean(&line[end..]);
                if !rest.is_empty() {
                    return (Some(clean(&line[..end])), rest);
                }
            }
        }
    }
    // 标题 正文…: a short headline, a space, then the cut-off text
    if let Some(sp) = line.trim().find(' ') {
        let head = &line.trim()[..sp];
        let n = head.chars().count();
        if (4..=30).contains(&n)
            && !head.contains(['。', '，', ',', '.'])
            && !head.ends_with("...")
            && !head.ends_with('…')
        {
            let rest = clean(&line.trim()[sp..]);
            if rest.chars().count() > n {
                return (Some(head.to_string()), rest);
            }
        }
    }
    (None, clean(line))
}

/// Splits a caption into (caption, credit): `…。新华社记者 李学仁 摄`,
/// `乐园 图片来源：某某网`, `（记者 王五 摄）`.
pub(crate) fn split_credit(line: &str) -> (Option<String>, Option<String>) {
    let t = line.trim();
    let f = Folded::new(t);
    // credit introduced by a label
    for lab in [
        "图片来源:",
        "图片来自:",
        "图源:",
        "图片:",
        "来源:",
        "摄影:",
        "图/",
        "图片/",
        "摄/",
    ] {
        if let Some(p) = f.find_from(lab, 0) {
            let at = f.orig(p, t);
            let cap = clean(t[..at].trim_end_matches(['(', '（', ' ', '|']));
            let cred = clean(t[at..].trim_end_matches([')', '）']));
            return (non_empty(cap), non_empty(cred));
        }
    }
    if ends_with_she(t) {
        let body = t.trim_end_matches([')', '）', ']', '】', ' ']);
        // parenthesised credit at the end: （记者 王五 摄）
        if let Some(open) = body.rfind(['(', '（']) {
            let inner = &body[open..];
            if inner.chars().count() <= 30 {
                let cap = clean(&t[..open]);
                let cred = clean(inner.trim_start_matches(['(', '（']));
                return (non_empty(cap), non_empty(cred));
            }
        }
        // after the last sentence end
        if let Some(i) = body.rfind(['。', '！', '？', '!', '?', ')', '）']) {
            let cut = i + body[i..].chars().next().map_or(1, char::len_utf8);
            let cred = clean(&body[cut..]);
            if !cred.is_empty() && cred.chars().count() <= 40 {
                return (non_empty(clean(&t[..cut])), Some(cred));
            }
        }
        // a known credit opening
        for w in [
            "新华社记者",
            "新华社发",
            "中新社记者",
            "人民网记者",
            "本报记者",
            "记者",
            "通讯员",
            "摄影",
        ] {
            if let Some(p) = f.find_from(w, 0) {
                let at = f.orig(p, t);
                return (non_empty(clean(&t[..at])), non_empty(clean(&t[at..])));
            }
        }
        if t.chars().count() <= 30 {
            return (None, Some(clean(t)));
        }
    }
    (non_empty(clean(t)), None)
}

fn ends_with_she(t: &str) -> bool {
    let t = t.trim_end_matches([')', '）', ']', '】', ' ']);
    forwarded_credit(t)
        || t.ends_with(['摄', '攝'])
        || t.ends_with("供图")
        || t.ends_with("供圖")
        || t.ends_with("视觉中国 资料")
        || t.ends_with("资料图")
}

/// `某某供图 某网发`, `记者 王五 摄 某报`: a credit, then the outlet that passed the
/// picture on, after a space.
fn forwarded_credit(t: &str) -> bool {
    let Some(sp) = t.rfind(char::is_whitespace) else {
        return false;
    };
    let (credit, tail) = (t[..sp].trim_end(), t[sp..].trim());
    let n = tail.chars().count();
    (credit.ends_with("供图") || credit.ends_with("供圖") || credit.ends_with(['摄', '攝']))
        && (2..=8).contains(&n)
        && tail.chars().all(is_cjk)
        && (tail.ends_with('发')
            || tail.ends_with('發')
            || ["网", "社", "报", "台"].iter().any(|e| tail.ends_with(e)))
}

/// Labels that open a picture's credit line (folded).
const CREDIT_LABELS: &[&str] = &[
    "图片来源:",
    "图源:",
    "图片来自:",
    "图片提供:",
    "摄影:",
    "摄影/",
    "图/",
    "图片/",
    "摄/",
];

/// A short line opened by a credit label: `图片来源：某某网`, `摄影/王五`.
pub(crate) fn is_credit_label_line(f: &Folded) -> bool {
    f.len() <= 40
        && CREDIT_LABELS
            .iter()
            .any(|l| f.starts_with(l) && f.len() > l.chars().count())
}

/// `女警巡逻记 （来源：某某视频）`: a clip's name with where it comes from.
pub(crate) fn is_clip_caption(f: &Folded) -> bool {
    let s = f.as_str();
    if f.len() > 60 || !s.ends_with(')') {
        return false;
    }
    let Some(open) = s.rfind("(来源:") else {
        return false;
    };
    let (name, source) = (&s[..open], &s[open + "(来源:".len()..s.len() - 1]);
    !name.is_empty()
        && !name.contains(['。', '(', ')'])
        && (1..=12).contains(&source.chars().count())
}

/// A photo-credit caption line: ends in 摄/攝/供图 with a short credit.
pub(crate) fn is_photo_credit(line: &str) -> bool {
    if !ends_with_she(line) || line.chars().count() > 400 {
        return false;
    }
    matches!(split_credit(line), (_, Some(c)) if c.chars().count() <= 40)
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// Editor names: staff codes (`_NF4425`, ` PK155`) removed, split on 、 and the like.
pub(crate) fn editor_names(value: &str) -> Vec<String> {
    split_names(value)
        .map(|n| strip_staff_code(&n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The names of a byline value: split on 、 , / ; | and, when every word is a short CJK name,
/// on spaces too ("张三 李四" is two names; "张三 PK155" is one name and a code).
fn split_names(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(['、', ',', '，', '/', '；', ';', '|'])
        .flat_map(|part| {
            let p = clean(part);
            let words: Vec<&str> = p.split(' ').collect();
            if words.len() > 1
                && words
                    .iter()
                    .all(|w| w.chars().all(is_cjk) && w.chars().count() <= 4)
            {
                words.into_iter().map(str::to_string).collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
}

fn strip_staff_code(name: &str) -> String {
    let mut n = name
        .trim()
        .trim_matches(['(', ')', '（', '）', '[', ']', '【', '】'])
        .trim()
        .to_string();
    // trailing _CODE
    if let Some(i) = n.rfind(['_', '＿']) {
        let tail = &n[i..].trim_start_matches(['_', '＿']);
        if !tail.is_empty()
            && tail.chars().all(|c| c.is_ascii_alphanumeric())
            && n[..i].chars().any(is_cjk)
        {
            n.truncate(i);
        }
    }
    // trailing " AB123" after a CJK name
    if let Some(i) = n.rfind(' ') {
        let tail = &n[i + 1..];
        let has_digit = tail.chars().any(|c| c.is_ascii_digit());
        if has_digit
            && tail.chars().all(|c| c.is_ascii_alphanumeric())
            && n[..i].chars().any(is_cjk)
        {
            n.truncate(i);
        }
    }
    // a code glued to the name: 王五PK155
    let trimmed = n.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    if trimmed.len() < n.len()
        && trimmed.chars().any(is_cjk)
        && n[trimmed.len()..].chars().any(|c| c.is_ascii_digit())
    {
        n.truncate(trimmed.len());
    }
    n.trim().to_string()
}

fn author_names(value: &str) -> Vec<String> {
    split_names(value).filter(|n| !n.is_empty()).collect()
}

/// A byline before the body: `本报记者 王五`, `【文/某网专栏作者 王五】`,
/// `某报记者 王五 赵六`. Returns the names.
pub(crate) fn byline(line: &str) -> Option<Vec<String>> {
    let t = line
        .trim()
        .trim_start_matches(['【', '[', '(', '（'])
        .trim_end_matches(['】', ']', ')', '）'])
        .trim();
    let n = t.chars().count();
    if n == 0 || n > 30 || t.contains(['，', '。', '！', '？', '：', ':', ',', '!', '?', '；'])
    {
        return None;
    }
    let after = if let Some(rest) = t
        .strip_prefix("文/")
        .or_else(|| t.strip_prefix("文｜"))
        .or_else(|| t.strip_prefix("文|"))
    {
        rest
    } else {
        let i = ["记者", "作者", "撰稿", "通讯员"]
            .iter()
            .filter_map(|k| t.rfind(k).map(|i| i + k.len()))
            .max()?;
        &t[i..]
    };
    // the names follow the last space of a "某网专栏作者 王五" phrase
    let names_part = match after.trim().rfind(' ') {
        Some(i) if after.trim()[..i].contains("作者") || after.trim()[..i].contains("记者") => {
            &after.trim()[i..]
        }
        _ => after,
    };
    let names: Vec<String> = names_part
        .split([' ', '、', '　'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let ok = !names.is_empty()
        && names.len() <= 4
        && names
            .iter()
            .all(|w| (2..=4).contains(&w.chars().count()) && w.chars().all(is_cjk));
    ok.then_some(names)
}

/// Roles of a staff-credit line, with the field their names fill.
const CREDIT_ROLES: &[(&str, Field)] = &[
    ("责任编辑", Field::ChiefEditor),
    ("责编", Field::ChiefEditor),
    ("编辑", Field::Editor),
    ("作者", Field::Author),
    ("撰文", Field::Author),
    ("文", Field::Author),
    ("校对", Field::Other),
    ("审核", Field::Other),
    ("审校", Field::Other),
    ("美编", Field::Other),
    ("监制", Field::Other),
    ("策划", Field::Other),
    ("统筹", Field::Other),
    ("摄影", Field::Other),
    ("图", Field::Other),
    ("制图", Field::Other),
    ("视频", Field::Other),
];

fn credit_role(word: &str) -> Option<Field> {
    let w = Folded::new(word);
    CREDIT_ROLES
        .iter()
        .find(|(r, _)| *r == w.as_str())
        .map(|(_, f)| *f)
}

/// A person's name as credit lines give it: two to four Han characters.
fn is_short_name(w: &str) -> bool {
    (2..=4).contains(&w.chars().count()) && w.chars().all(is_cjk) && credit_role(w).is_none()
}

/// A staff-credit line at the end of an article, made only of roles and
/// names: `编辑 王五 校对 赵六`, `某科供稿 摄影/王五 编辑/赵六`.
pub(crate) fn credit_line(line: &str) -> Option<Vec<(Field, String)>> {
    if line.len() > 240 || !visible_at_most(line, 60) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out: Vec<(Field, String)> = Vec::new();
    let mut roles = 0;
    let mut slashed = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        i += 1;
        // a department credited as the source of the text or pictures
        if (w.ends_with("供稿") || w.ends_with("供图")) && w.chars().count() <= 20 {
            out.push((Field::Other, w.to_string()));
            continue;
        }
        if let Some(sep) = w.find(['/', '／', '|', '｜', ':', '：']) {
            let role = credit_role(&w[..sep])?;
            let sep_len = w[sep..].chars().next().map_or(1, char::len_utf8);
            let names = &w[sep + sep_len..];
            if !names.split('、').all(is_short_name) {
                return None;
            }
            out.push((role, names.to_string()));
            roles += 1;
            slashed = true;
            continue;
        }
        if let Some(role) = credit_role(w) {
            let names = words.get(i).filter(|n| n.split('、').all(is_short_name))?;
            out.push((role, names.to_string()));
            roles += 1;
            i += 1;
            continue;
        }
        // a second name after a role's first
        match out.last_mut() {
            Some((_, v)) if !(v.ends_with("供稿") || v.ends_with("供图")) && is_short_name(w) =>
            {
                v.push('、');
                v.push_str(w);
            }
            _ => return None,
        }
    }
    // one `角色 名字` pair alone reads as well as two words of prose (`策划 方案`)
    (roles > 1 || roles == 1 && (out.len() > 1 || slashed)).then_some(out)
}

/// Endings of a note that the article was reposted or reworked (`经某某重新编排`).
const REPOST_ENDINGS: &[&str] = &[
    "重新编排",
    "重新排版",
    "编辑整理",
    "整理编辑",
    "授权转载",
    "授权发布",
];

/// A short note that says who reposted or reworked the article.
pub(crate) fn is_repost_note(f: &Folded) -> bool {
    let s = f.as_str().trim_end_matches(['。', '.']);
    f.len() <= 30
        && !s.contains([',', '。'])
        && REPOST_ENDINGS
            .iter()
            .any(|e| s.ends_with(e) && s.len() > e.len())
}

/// A placeholder account name (创始人, 系统管理员 …), not a person.
pub(crate) fn is_placeholder(name: &str) -> bool {
    let f = Folded::new(name).as_string();
    PLACEHOLDER_UPLOADERS
        .iter()
        .any(|p| f.eq_ignore_ascii_case(p))
}

/// A value without share/report words glued after it (`某报 举报`).
fn trim_widget_words(v: &str) -> String {
    let mut words: Vec<&str> = v.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| WIDGETS.contains(&Folded::new(w).as_string().as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// A labelled metadata line: `发布时间:… | 来源:… | 作者:… | 责任编辑:…`,
/// `（责任编辑：王五）`, `2019-09-07 15:10 来源：某网`. Returns its fields
/// when the whole line is made of them.
pub(crate) fn meta_fields(line: &str) -> Option<Vec<(Field, String)>> {
    meta_fields_folded(line, None)
}

/// [`meta_fields`] with the line already folded by the caller (`f` must be
/// `Folded::new(line)`); folding is the costly part for the many lines that
/// are not metadata.
pub(crate) fn meta_fields_folded(line: &str, f: Option<&Folded>) -> Option<Vec<(Field, String)>> {
    let t = line.trim();
    // the caller's fold is of the whole line: its offsets fit only a line with nothing to trim
    let f = f.filter(|_| t.len() == line.len());
    let own;
    let f = match f {
        Some(f) => f,
        None => {
            own = Folded::new(t);
            &own
        }
    };
    meta_fields_colon(t, f)
        .or_else(|| {
            // `出品︱某栏目组`, `编辑｜王五`: a bar after a label stands for the colon
            let t = line.trim();
            let i = t.find(['︱', '｜', '|', '丨', '│'])?;
            let label = Folded::new(t[..i].trim()).as_string();
            let bar = t[i..].chars().next()?;
            let rest = &t[i + bar.len_utf8()..];
            let known = LABELS.iter().any(|(l, _)| *l == label);
            if !known || rest.contains(['︱', '｜', '|', '丨', '│', ':', '：']) {
                return None;
            }
            let joined = format!("{label}：{rest}");
            meta_fields_colon(&joined, &Folded::new(&joined))
        })
        .or_else(|| meta_fields_segments(line.trim()))
}

/// `发表于2014-08-24 21:30 | 1164次阅读 | 来源某网 | 作者王五`: a header bar whose
/// segments are a time, counts, and labels glued to their values without a
/// colon. It must hold a time and a label, and nothing else.
fn meta_fields_segments(t: &str) -> Option<Vec<(Field, String)>> {
    if t.len() > 400 || !t.contains(['|', '｜']) {
        return None;
    }
    let mut out = Vec::new();
    let (mut timed, mut labelled) = (false, false);
    for seg in t
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let when = ["发表于", "发布于", "更新于", "发表时间", "发布时间"]
            .iter()
            .find_map(|p| seg.strip_prefix(p))
            .unwrap_or(seg)
            .trim();
        if is_timestamp(when) {
            out.push((Field::Published, clean(when)));
            timed = true;
            continue;
        }
        if is_count(seg) {
            continue;
        }
        let f = Folded::new(seg);
        let (len, field) = LABELS
            .iter()
            .filter(|(l, _)| f.starts_with(l))
            .map(|(l, field)| (l.chars().count(), *field))
            .max_by_key(|(len, _)| *len)?;
        let value = clean(seg[f.orig(len, seg)..].trim_start_matches([':', '：']));
        if value.is_empty()
            || value.chars().count() > 20
            || value.contains(['，', '。', ',', '；', ':', '：'])
        {
            return None;
        }
        out.push((field, value));
        labelled = true;
    }
    (timed && labelled).then_some(out)
}

/// `t` is trimmed and `f` is its fold.
fn meta_fields_colon(t: &str, f: &Folded) -> Option<Vec<(Field, String)>> {
    let n = f.len();
    if !(3..=200).contains(&n) || !f.as_str().contains(':') {
        return None;
    }
    // labels end right before a colon: look only there, longest label first
    let mut hits: Vec<(usize, usize, Field)> = Vec::new(); // folded start, folded end (after colon), field
    let mut prev_end = 0;
    for (c, &ch) in f.chars().iter().enumerate() {
        if ch != ':' {
            continue;
        }
        let best = LABELS
            .iter()
            .filter_map(|(lab, field)| {
                let len = lab.chars().count();
                (c >= prev_end + len && f.find_at(lab, c - len)).then_some((len, *field))
            })
            .max_by_key(|(len, _)| *len);
        if let Some((len, field)) = best {
            hits.push((c - len, c + 1, field));
            prev_end = c + 1;
        }
    }
    let first = hits.first()?;
    // what precedes the first label may only be brackets or a timestamp
    let lead = &t[..f.orig(first.0, t)];
    let lead_clean = lead
        .trim()
        .trim_start_matches(['(', '（', '[', '【'])
        .trim();
    let mut out = Vec::new();
    if !lead_clean.is_empty() {
        let lc = lead_clean.trim_end_matches(['|', '｜', ' ']);
        if is_timestamp(lc) {
            out.push((Field::Published, clean(lc)));
        } else if matches!(lc, "版权声明" | "声明" | "本文信息" | "文章信息") {
            // a heading in front of the article's particulars
        } else if let Some(ts) = find_timestamp(lc) {
            // `某网某频道 ( 2012-06-04 09:20:26 ) 稿件来源：…`: a channel name
            // beside the time, nothing that reads as a sentence
            let rest: String = clean(lc)
                .replacen(ts.as_str(), "", 1)
                .chars()
                .filter(|c| !c.is_whitespace() && !"()（）[]【】|｜".contains(*c))
                .collect();
            if rest.chars().count() > 16 || rest.contains(['，', '。', ',', '：', ':']) {
                return None;
            }
            out.push((Field::Published, ts));
        } else {
            return None;
        }
    }
    for (k, &(_, end, field)) in hits.iter().enumerate() {
        let from = f.orig(end, t);
        let to = hits.get(k + 1).map_or(t.len(), |h| f.orig(h.0, t));
        let raw = &t[from..to.max(from)];
        let value = clean(
            raw.trim()
                .trim_end_matches(['|', '｜', ')', '）', ']', '】', ' ', '　'])
                .trim_end(),
        );
        let value = trim_widget_words(&value);
        // `作者：王五返回某站，查看更多`: a link back to the site glued on
        let value = match value.rfind("返回") {
            Some(i) if value.ends_with("查看更多") && value.len() - i <= 60 => {
                value[..i].trim_end().to_string()
            }
            _ => value,
        };
        // `来源：某报 记者 王五 分享到：微信` — an unlabelled byline and a share
        // bar run on in the same line after the value
        let (value, byline_names) = match field {
            Field::Outlet | Field::Published | Field::Other => split_byline_tail(&value),
            _ => (value, None),
        };
        let (limit, prose) = match field {
            Field::OriginalTitle => (120, value.ends_with('。')),
            Field::Other => (60, value.contains('。')),
            _ => (40, value.contains(['。', '，', '；'])),
        };
        if value.chars().count() > limit || prose {
            return None;
        }
        if field == Field::Published
            && !value.is_empty()
            && !value
                .chars()
                .any(|c| c.is_ascii_digit() || "年月日".contains(c))
        {
            return None;
        }
        out.push((field, value));
        if let Some(names) = byline_names {
            out.push((Field::Author, names));
        }
    }
    Some(out)
}

/// Splits `某报 记者 王五 分享到：微信 微博` into the value (`某报`) and the
/// byline names (`王五`); a share bar that follows is dropped from both.
fn split_byline_tail(value: &str) -> (String, Option<String>) {
    let words: Vec<&str> = value.split(' ').collect();
    // a widget label with its own colon (`分享到：微信`) ends the useful text
    let end = words
        .iter()
        .position(|w| {
            let f = Folded::new(w);
            let head = f.as_string();
            let head = head.split(':').next().unwrap_or("");
            w.contains([':', '：']) && WIDGETS.contains(&head)
        })
        .unwrap_or(words.len());
    let words = &words[..end];
    let role = words.iter().position(|w| {
        let w = w.trim_start_matches(['(', '（', '【', '[']);
        w.ends_with("记者") || matches!(w, "通讯员" | "作者" | "撰稿" | "文")
    });
    if let Some(i) = role.filter(|&i| i > 0) {
        let tail = words[i..].join(" ");
        if let Some(names) = byline(&tail) {
            return (words[..i].join(" "), Some(names.join("、")));
        }
    }
    (trim_widget_words(&words.join(" ")), None)
}

// ---------------------------------------------------------------- engine

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    Header,
    Body,
    Related,
}

pub(crate) struct Engine {
    pub out: Stripped,
    trace: Vec<Step>,
    tracing: bool,
    /// The last thing recorded (for caption attachment).
    last: Option<Trace>,
    zone: Zone,
    /// Text dumps: the header zone (title, byline, counts) is read by shape.
    text_mode: bool,
    title_seen: bool,
    /// The open related item collecting appended paragraphs.
    open_related: Option<usize>,
    list_group: Option<usize>,
    pub header_shape: Vec<crate::profiles::HeaderLine>,
    body_seen: bool,
    /// The last image's caption came from its alt text and may be replaced.
    alt_provisional: bool,
    /// A label whose value sits in the next element (`来源：<span>某网</span>`).
    pending_label: Option<Field>,
    /// A list of links to related articles right after the container is open.
    outside_related: bool,
    /// The site's own name (from the page `<title>`), never a headline.
    pub site_name: Option<String>,
    /// The time known so far is a late edition time: a header time replaces it.
    pub late_time: bool,
    /// A header date shown in pieces (`2019` `09/07` `19:02`).
    date_parts: Vec<String>,
    /// The editors came from a 责任编辑/责编 label.
    chief_editor: bool,
    /// An editor line closed the body: what quotes follow belong to other articles.
    editor_closed: bool,
    /// The open related section came before the report and holds only links so far.
    related_early: bool,
}

impl Engine {
    pub fn new(text_mode: bool, meta: Meta, tracing: bool) -> Engine {
        Engine {
            out: Stripped {
                meta,
                ..Stripped::default()
            },
            trace: Vec::new(),
            tracing,
            last: None,
            zone: Zone::Header,
            text_mode,
            title_seen: false,
            open_related: None,
            list_group: None,
            header_shape: Vec::new(),
            body_seen: false,
            alt_provisional: false,
            pending_label: None,
            outside_related: false,
            site_name: None,
            late_time: false,
            date_parts: Vec::new(),
            chief_editor: false,
            editor_closed: false,
            related_early: false,
        }
    }

    /// Whether the body kept so far has fewer than `max` chars of running text.
    fn body_chars_below(&self, max: usize) -> bool {
        let mut n = 0;
        for b in &self.out.blocks {
            if let Block::Paragraph(t) = b {
                n += t.chars().count();
                if n >= max {
                    return false;
                }
            }
        }
        true
    }

    /// An editor line under the body ends the article.
    fn close_on_editor(&mut self, fields: &[(Field, String)]) {
        if self.body_seen
            && fields
                .iter()
                .any(|(f, _)| matches!(f, Field::Editor | Field::ChiefEditor))
        {
            self.editor_closed = true;
        }
    }

    /// Collects one piece of a date shown in parts; returns whether it was one.
    fn date_part(&mut self, text: &str) -> bool {
        let t = text.trim();
        let digits = t.chars().filter(char::is_ascii_digit).count();
        if t.chars().count() > 8
            || digits < 2
            || !t.chars().all(|c| c.is_ascii_digit() || "/-:.".contains(c))
        {
            return false;
        }
        self.date_parts.push(t.to_string());
        let year = self
            .date_parts
            .iter()
            .find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) && has_year(p));
        let day = self.date_parts.iter().find_map(|p| {
            let (m, d) = p.split_once(['/', '-', '.'])?;
            let ok = |x: &str| (1..=2).contains(&x.len()) && x.chars().all(|c| c.is_ascii_digit());
            (ok(m) && ok(d)).then(|| format!("{m:0>2}-{d:0>2}"))
        });
        let time = self.date_parts.iter().find(|p| p.contains(':'));
        if let (Some(y), Some(d)) = (year, day) {
            let ts = match time {
                Some(t) => format!("{y}-{d} {t}"),
                None => format!("{y}-{d}"),
            };
            self.set_published(Some(ts));
        }
        true
    }

    /// Whether a title candidate is the site's name rather than a headline.
    fn is_site_name(&self, t: &str) -> bool {
        let n = t.chars().count();
        let named = self.site_name.as_deref().is_some_and(|site| {
            site == t || {
                // 某省人民政府网站 against 某省人民政府门户网站
                let common = site
                    .chars()
                    .zip(t.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                common >= 4 && common * 3 >= n * 2 && n <= site.chars().count() + 2
            }
        });
        named || n <= 12 && (t.ends_with("网站") || t.ends_with("首页") || t.ends_with("门户"))
    }

    /// The title found is only the site's name.
    pub fn title_is_site_name(&self) -> bool {
        self.out
            .meta
            .title
            .as_deref()
            .is_some_and(|t| self.is_site_name(t))
    }

    pub fn finish(self) -> Traced {
        Traced {
            stripped: self.out,
            trace: self.trace,
        }
    }

    fn note(&mut self, went: Trace, text: &str) {
        if self.tracing {
            self.trace.push(Step {
                went: went.clone(),
                text: text.to_string(),
            });
        }
        self.last = Some(went);
    }

    fn remove(&mut self, rule: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        self.note(Trace::Removed(self.out.removed.len()), text);
        self.out.removed.push(Removed {
            rule: rule.to_string(),
            text: text.to_string(),
        });
    }

    fn block(&mut self, b: Block) {
        self.list_group = None;
        self.alt_provisional = false;
        // a picture's own text is its visible caption; the alt text is not shown
        let t = match &b {
            Block::Image(img) if img.url.is_some() => String::new(),
            _ if self.tracing => b.text(),
            _ => String::new(),
        };
        self.note(Trace::Block(self.out.blocks.len()), &t);
        self.out.blocks.push(b);
    }

    /// A linked line in a related section: a headline that points elsewhere. False (nothing
    /// taken) when the line carries no link.
    fn related_link(&mut self, text: &str, url: Option<&String>) -> bool {
        let Some(url) = url else {
            return false;
        };
        self.related(Related {
            title: Some(text.to_string()),
            text: String::new(),
            url: Some(url.clone()),
        });
        true
    }

    fn related(&mut self, r: Related) {
        self.open_related = None;
        let t = if self.tracing {
            [r.title.as_deref().unwrap_or(""), r.text.as_str()]
                .join(" ")
                .trim()
                .to_string()
        } else {
            String::new()
        };
        self.note(Trace::Related(self.out.related.len()), &t);
        self.out.related.push(r);
    }

    /// A paragraph of the material appended after a related-section marker.
    /// Appended reports follow each other without markup between them, so a
    /// paragraph that opens a report (a dated lead, a headline) starts a new item.
    fn related_paragraph(&mut self, text: &str) {
        let headline = is_headline(text);
        if let Some(i) = self.open_related {
            if let Some(r) = self.out.related.get_mut(i) {
                let bare_title = r.title.is_some() && r.text.is_empty();
                if bare_title || !(headline || opens_report(text)) {
                    if !r.text.is_empty() {
                        r.text.push('\n');
                    }
                    r.text.push_str(text);
                    self.note(Trace::Related(i), text);
                    return;
                }
            }
        }
        let (title, body) = if headline {
            (Some(text.to_string()), String::new())
        } else {
            (None, text.to_string())
        };
        self.related(Related {
            title,
            text: body,
            url: None,
        });
        self.open_related = Some(self.out.related.len() - 1);
    }

    /// Sets the title if none yet; a heading that completes a cut-off page
    /// title (`标题` → `标题“某某”曝露？`) or replaces a bare site name wins.
    pub fn set_title(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        match &self.out.meta.title {
            None => self.out.meta.title = Some(t.to_string()),
            Some(old) => {
                let n = old.chars().count();
                let completes = t.starts_with(old.as_str()) && t.chars().count() <= 2 * n + 10;
                let site = self.is_site_name(old) && !self.is_site_name(t);
                if (completes || site) && t.chars().count() >= 4 {
                    self.out.meta.title = Some(t.to_string());
                }
            }
        }
    }

    /// Sets the publication time if none yet, or adds the time of day to a
    /// bare date of the same year.
    fn set_published(&mut self, v: Option<String>) {
        let Some(v) = v else { return };
        if self.late_time && !self.body_seen && v.contains(':') {
            self.late_time = false;
            self.out.meta.published = Some(v);
            return;
        }
        match &self.out.meta.published {
            None => self.out.meta.published = Some(v),
            Some(old) if !old.contains(':') && v.contains(':') && old.get(..4) == v.get(..4) => {
                self.out.meta.published = Some(v);
            }
            Some(_) => {}
        }
    }

    /// Applies labelled fields; fills only what is still empty (earlier sources win).
    pub fn apply_fields(&mut self, fields: &[(Field, String)]) {
        self.pending_label = match fields.last() {
            Some((f, v)) if v.is_empty() && *f != Field::Other => Some(*f),
            _ => None,
        };
        for (field, v) in fields {
            if *field == Field::Published {
                let ts = find_timestamp(v);
                self.set_published(ts);
                continue;
            }
            let m = &mut self.out.meta;
            match field {
                Field::OriginalTitle => {
                    let t = v.trim_start_matches('《').trim_end_matches('》').trim();
                    if m.original_title.is_none() && !t.is_empty() {
                        m.original_title = Some(t.to_string());
                    }
                }
                Field::Editor | Field::ChiefEditor => {
                    // 责编 answers for the article: it outranks a plain 编辑 given anywhere
                    let chief = *field == Field::ChiefEditor;
                    if m.editors.is_empty() || chief && !self.chief_editor {
                        let mut names = editor_names(v);
                        // a bare staff code (`HN666`) names no one
                        names.retain(|n| !is_placeholder(n) && !is_staff_code(n));
                        if !names.is_empty() || m.editors.is_empty() {
                            self.chief_editor |= chief && !names.is_empty();
                            m.editors = names;
                        }
                    }
                }
                Field::Outlet => {
                    if m.outlet.is_none() && !v.is_empty() {
                        m.outlet = Some(outlet_name(v));
                    }
                }
                Field::Author => {
                    if m.authors.is_empty() {
                        m.authors = byline(v).unwrap_or_else(|| author_names(v));
                        m.authors.retain(|n| !is_placeholder(n));
                    }
                }
                Field::Published | Field::Other => {}
            }
        }
    }

    fn meta_rule(fields: &[(Field, String)]) -> &'static str {
        match fields.first().map(|f| f.0) {
            _ if fields.len() > 1 => "meta-line",
            Some(Field::OriginalTitle) => "original-title",
            Some(Field::Editor | Field::ChiefEditor) => "editor-line",
            Some(Field::Outlet) => "source-line",
            Some(Field::Author) => "author-line",
            Some(Field::Published) => "time-line",
            _ => "meta-line",
        }
    }

    /// Processes the pieces of one document in order.
    pub fn run(&mut self, pieces: Vec<Piece>) {
        let teaser: Vec<bool> = pieces
            .iter()
            .map(|p| {
                matches!(p.kind, PieceKind::Para | PieceKind::ListItem { .. })
                    && p.region == Region::Body
                    && is_teaser(&p.text)
            })
            .collect();
        // An English version: the run of Latin lines that ends the body.
        let translation_from = self.translation_start(&pieces);
        for (idx, piece) in pieces.into_iter().enumerate() {
            if Some(idx) == translation_from {
                self.out.translation = Some(Translation {
                    lang: "en".into(),
                    title: None,
                    paragraphs: Vec::new(),
                });
            }
            if translation_from.is_some_and(|s| idx >= s) {
                self.translation_line(piece);
                continue;
            }
            let near_teaser =
                (idx > 0 && teaser[idx - 1]) || teaser.get(idx + 1).copied().unwrap_or(false);
            self.piece(piece, teaser[idx] && near_teaser);
        }
    }

    fn translation_start(&self, pieces: &[Piece]) -> Option<usize> {
        let body: Vec<usize> = (0..pieces.len())
            .filter(|&i| {
                pieces[i].region == Region::Body
                    && matches!(pieces[i].kind, PieceKind::Para | PieceKind::Heading(_))
            })
            .collect();
        let mut start = None;
        for &i in body.iter().rev() {
            if is_latin_line(&pieces[i].text) {
                start = Some(i);
            } else {
                break;
            }
        }
        let s = start?;
        let latin = body.iter().filter(|&&i| i >= s).count();
        let cjk_before = body
            .iter()
            .filter(|&&i| i < s && pieces[i].text.chars().filter(|c| is_cjk(*c)).count() >= 10)
            .count();
        if latin >= 2 && cjk_before >= 1 {
            Some(s)
        } else {
            None
        }
    }

    fn translation_line(&mut self, piece: Piece) {
        let text = clean(&piece.text);
        if text.is_empty() {
            return;
        }
        if piece.region != Region::Body
            || !matches!(
                piece.kind,
                PieceKind::Para
                    | PieceKind::Heading(_)
                    | PieceKind::Quote
                    | PieceKind::ListItem { .. }
            )
        {
            return self.piece(piece, false);
        }
        let Some(tr) = self.out.translation.as_mut() else {
            return;
        };
        if tr.title.is_none()
            && tr.paragraphs.is_empty()
            && text.chars().count() <= 120
            && !text.ends_with('.')
        {
            tr.title = Some(text.clone());
            self.note(Trace::Translation(None), &text);
        } else {
            tr.paragraphs.push(text.clone());
            let i = tr.paragraphs.len() - 1;
            self.note(Trace::Translation(Some(i)), &text);
        }
    }

    fn piece(&mut self, piece: Piece, in_teaser_run: bool) {
        let text = clean(&piece.text);
        match piece.region {
            Region::Dropped(rule) => {
                if let PieceKind::Image { .. } = piece.kind {
                    return;
                }
                // a dropped widget bar may still carry the editor line
                if let Some(fields) = meta_fields(&text) {
                    self.apply_fields(&fields);
                    return self.remove(Self::meta_rule(&fields), &text);
                }
                let f = Folded::new(&text);
                let rule = if is_promo(&f) {
                    "app-promo"
                } else if is_copyright(&f) {
                    "copyright"
                } else if is_widget(&f) {
                    "share-widget"
                } else {
                    rule
                };
                return self.remove(rule, &text);
            }
            Region::Role(role) => return self.role_piece(role, &text, &piece),
            Region::Outside { near } => return self.outside_piece(near, &text, &piece),
            Region::CutSection => {
                if !matches!(piece.kind, PieceKind::Image { .. } | PieceKind::Marker) {
                    if self.related_item(&text, &piece) {
                        return;
                    }
                    return self.remove("related-section", &text);
                }
                return;
            }
            Region::Body => {}
        }
        match &piece.kind {
            PieceKind::Marker => {
                let f = Folded::new(&text);
                if is_section_heading(&f) {
                    self.zone = Zone::Related;
                    self.open_related = None;
                } else if (is_widget(&f) || f.len() == 0) && self.zone == Zone::Related {
                    self.zone = Zone::Body;
                }
                return;
            }
            PieceKind::Image { url, alt } => {
                return self.image(url.clone(), alt.clone(), piece.url.clone());
            }
            _ => {}
        }
        if text.is_empty() {
            return;
        }
        // a label's value sits in the very next piece or nowhere
        self.pending_label = None;
        // every phrase test below has a length bound under COPYRIGHT_MAX
        // visible chars (metadata lines 200, copyright lines 220): a longer
        // paragraph skips them, and the fold they share
        let f = visible_at_most(&text, COPYRIGHT_MAX).then(|| Folded::new(&text));
        if let Some(f) = &f {
            // metadata lines anywhere
            if let Some(fields) = meta_fields_folded(&text, Some(f)) {
                let rule = Self::meta_rule(&fields);
                self.apply_fields(&fields);
                if self.zone == Zone::Header {
                    self.header_shape
                        .push(crate::profiles::HeaderLine::MetaFields);
                }
                self.close_on_editor(&fields);
                return self.remove(rule, &text);
            }
            if is_click_enlarge(f) {
                return self.remove("click-to-enlarge", &text);
            }
            if let Some(fields) = credit_line(&text) {
                self.apply_fields(&fields);
                self.close_on_editor(&fields);
                return self.remove("credit-line", &text);
            }
            if is_repost_note(f) {
                return self.remove("repost-note", &text);
            }
            if is_clip_caption(f) {
                return self.remove("clip-caption", &text);
            }
            if is_widget_bar(&text) {
                return self.remove("share-widget", &text);
            }
        }
        if let Some(t) = original_title_note(&text) {
            if self.out.meta.original_title.is_none() {
                self.out.meta.original_title = Some(t);
            }
            return self.remove("original-title", &text);
        }
        if let Some(f) = &f {
            if is_section_heading(f) {
                self.zone = Zone::Related;
                self.open_related = None;
                self.related_early = self.body_chars_below(120);
                return self.remove("related-heading", &text);
            }
            // 此前报道：<a>某某</a> — a one-line related section
            if f.len() <= 80
                && INLINE_RELATED
                    .iter()
                    .any(|p| f.starts_with(p) && f.len() > p.chars().count())
            {
                return self.related(Related {
                    title: None,
                    text: text.clone(),
                    url: piece.url.clone(),
                });
            }
            if is_promo(f) {
                return self.remove("app-promo", &text);
            }
            if is_widget(f) {
                return self.remove("share-widget", &text);
            }
            if is_copyright(f) {
                return self.remove("copyright", &text);
            }
        }
        if let Some((parts, _)) = breadcrumb(&text, self.zone == Zone::Header && !self.body_seen) {
            if self.out.meta.breadcrumb.is_empty() {
                self.out.meta.breadcrumb = parts;
            }
            if self.zone == Zone::Header {
                self.header_shape
                    .push(crate::profiles::HeaderLine::Breadcrumb);
            }
            return self.remove("breadcrumb", &text);
        }
        if self.zone == Zone::Related
            && self.related_early
            && piece.url.is_none()
            && is_prose(&text)
        {
            // links above the article (相关新闻 then a few headlines): the report follows
            self.zone = Zone::Body;
            self.related_early = false;
        }
        if self.zone == Zone::Related {
            if self.related_item(&text, &piece) {
                return;
            }
            self.related_early = false;
            return self.related_paragraph(&text);
        }
        if self.editor_closed && piece.kind == PieceKind::Quote {
            return self.related_paragraph(&text);
        }
        if self.zone == Zone::Header && self.header_line(&text) {
            return;
        }
        if in_teaser_run {
            let (title, body) = split_teaser(&text);
            return self.related(Related {
                title,
                text: body,
                url: piece.url.clone(),
            });
        }
        // captions and photo credits
        if piece.kind == PieceKind::Caption
            || is_photo_credit(&text)
            || f.as_ref().is_some_and(is_credit_label_line)
            || (piece.centered
                && self.last_image_uncaptioned()
                && text.chars().count() <= 100
                && !ends_sentence_long(&text))
            // a short unpunctuated line right under a picture is its caption
            || (piece.kind == PieceKind::Para
                && !piece.bold
                && self.last_image_uncaptioned()
                && text.chars().count() <= 30
                && !text.trim_end_matches('。').contains(['，', '：', ':', '。', '！', '？', '!', '?', '；']))
        {
            return self.caption(&text);
        }
        self.zone = Zone::Body;
        self.body_seen = true;
        match piece.kind {
            PieceKind::Heading(level) => {
                if !self.title_seen
                    && self.out.blocks.is_empty()
                    && level <= 2
                    && (self.out.meta.title.is_none()
                        || self.out.meta.title.as_deref() == Some(text.as_str()))
                {
                    self.title_seen = true;
                    self.set_title(&text);
                    return self.remove("title", &text);
                }
                self.block(Block::Heading { level, text })
            }
            PieceKind::ListItem { ordered, group } => {
                if self.list_group == Some(group) {
                    if let Some(Block::List { items, .. }) = self.out.blocks.last_mut() {
                        items.push(text.clone());
                        self.note(Trace::Block(self.out.blocks.len() - 1), &text);
                        return;
                    }
                }
                self.block(Block::List {
                    ordered,
                    items: vec![text],
                });
                self.list_group = Some(group);
            }
            PieceKind::Quote => self.block(Block::Quote(text)),
            _ => self.block(Block::Paragraph(text)),
        }
    }

    /// Header lines of text dumps, read by shape. Returns whether the line was consumed.
    fn header_line(&mut self, text: &str) -> bool {
        use crate::profiles::HeaderLine as H;
        let chars = text.chars().count();
        if !self.title_seen && self.text_mode {
            if chars <= 80 && !ends_sentence(text) || chars <= 60 {
                self.title_seen = true;
                self.set_title(text);
                self.header_shape.push(H::Title);
                self.remove("title", text);
                return true;
            }
            return false;
        }
        if is_timestamp(text) {
            self.set_published(Some(text.to_string()));
            self.header_shape.push(H::Timestamp);
            self.remove("timestamp-line", text);
            return true;
        }
        if is_count(text) {
            self.header_shape.push(H::Count);
            self.remove("comment-count", text);
            return true;
        }
        let folded = Folded::new(text).as_string();
        if PLACEHOLDER_UPLOADERS
            .iter()
            .any(|p| folded.eq_ignore_ascii_case(p))
        {
            self.header_shape.push(H::Uploader);
            self.remove("placeholder-uploader", text);
            return true;
        }
        if let Some(names) = byline(text) {
            if self.out.meta.authors.is_empty() {
                self.out.meta.authors = names;
            }
            self.remove("byline", text);
            return true;
        }
        // a short name line under the title: the byline
        if chars <= 12
            && !text.chars().any(|c| "，。！？：:,.!?；;、".contains(c))
            && text.chars().filter(|c| is_cjk(*c)).count() >= 2
            && self.header_shape.last() == Some(&H::Title)
        {
            if self.out.meta.authors.is_empty() {
                self.out.meta.authors = author_names(text);
            }
            self.header_shape.push(H::Uploader);
            self.remove("byline", text);
            return true;
        }
        false
    }

    fn related_item(&mut self, text: &str, piece: &Piece) -> bool {
        if text.is_empty() {
            return true;
        }
        if is_teaser(text) {
            let (title, body) = split_teaser(text);
            self.related(Related {
                title,
                text: body,
                url: piece.url.clone(),
            });
            return true;
        }
        self.related_link(text, piece.url.as_ref())
    }

    fn last_image_uncaptioned(&self) -> bool {
        matches!(self.out.blocks.last(), Some(Block::Image(img)) if self.alt_provisional || img.caption.is_none() && img.credit.is_none())
            && matches!(self.last, Some(Trace::Block(_)))
    }

    fn caption(&mut self, text: &str) {
        let (caption, credit) = split_credit(text);
        let credit_only_after_caption = caption.is_none()
            && matches!(self.out.blocks.last(), Some(Block::Image(img)) if img.url.is_some() && img.caption.is_some() && img.credit.is_none())
            && matches!(self.last, Some(Trace::Block(_)));
        if self.last_image_uncaptioned() || credit_only_after_caption {
            let replace = self.alt_provisional;
            if let Some(Block::Image(img)) = self.out.blocks.last_mut() {
                if replace {
                    img.caption = caption;
                    img.credit = credit;
                } else {
                    if caption.is_some() {
                        img.caption = caption;
                    }
                    if credit.is_some() {
                        img.credit = credit;
                    }
                }
                self.alt_provisional = false;
                self.note(Trace::Block(self.out.blocks.len() - 1), text);
                return;
            }
        }
        self.zone = Zone::Body;
        self.block(Block::Image(Image {
            url: None,
            caption,
            credit,
        }));
    }

    fn image(&mut self, url: Option<String>, alt: Option<String>, _link: Option<String>) {
        let u = url.as_deref().unwrap_or("").to_ascii_lowercase();
        let alt_f = alt.as_deref().map(Folded::new);
        let qr = u.contains("qrcode")
            || u.contains("erweima")
            || u.contains("/qr")
            || u.contains("_qr")
            || u.contains("ewm")
            || alt_f
                .as_ref()
                .is_some_and(|f| f.contains("二维码") || f.contains("扫码"));
        if qr || self.zone == Zone::Related || url.is_none() {
            // pictures carry no visible text of their own; nothing to record
            return;
        }
        let caption = alt.as_deref().and_then(alt_caption);
        let (caption, credit) = match caption {
            Some(c) => split_credit(&c),
            None => (None, None),
        };
        self.zone = if self.zone == Zone::Header {
            Zone::Body
        } else {
            self.zone
        };
        self.block(Block::Image(Image {
            url,
            caption,
            credit,
        }));
        // an alt caption is provisional: a visible caption that follows replaces it
        if let Some(Block::Image(img)) = self.out.blocks.last_mut() {
            if img.caption.is_some() || img.credit.is_some() {
                self.alt_provisional = true;
            }
        }
    }

    /// The value of a label that ended the previous metadata piece.
    fn fill_pending(&mut self, text: &str, piece: &Piece) -> bool {
        let Some(field) = self.pending_label.take() else {
            return false;
        };
        if text.chars().count() > 30 || text.contains([':', '：']) || is_widget(&Folded::new(text))
        {
            return false;
        }
        // people are named in text, not in a row of links (tag lists follow empty labels)
        let names = matches!(field, Field::Editor | Field::ChiefEditor | Field::Author);
        if names && (piece.url.is_some() || piece.link.is_some()) {
            return false;
        }
        let fields = [(field, text.to_string())];
        self.apply_fields(&fields);
        self.remove(Self::meta_rule(&fields), text);
        true
    }

    fn role_piece(&mut self, role: Role, text: &str, piece: &Piece) {
        if text.is_empty() || self.fill_pending(text, piece) {
            return;
        }
        match role {
            Role::Title => {
                self.set_title(text);
                self.remove("title", text)
            }
            Role::Published => {
                if let Some(fields) = meta_fields(text) {
                    self.apply_fields(&fields);
                } else {
                    let ts = find_timestamp(text);
                    self.outlet_beside_time(text, ts.as_deref());
                    self.set_published(ts);
                }
                self.remove("time-line", text)
            }
            Role::Outlet => {
                if let Some(fields) = meta_fields(text) {
                    self.apply_fields(&fields);
                } else if self.out.meta.outlet.is_none() && text.chars().count() <= 30 {
                    self.out.meta.outlet = Some(text.to_string());
                }
                self.remove("source-line", text)
            }
            Role::Breadcrumb => {
                if let Some((parts, _)) = breadcrumb(text, true) {
                    if self.out.meta.breadcrumb.is_empty() {
                        self.out.meta.breadcrumb = parts;
                    }
                }
                self.remove("breadcrumb", text)
            }
            Role::MetaLines => {
                if let Some(fields) = meta_fields(text) {
                    let rule = Self::meta_rule(&fields);
                    self.apply_fields(&fields);
                    self.remove(rule, text)
                } else if is_timestamp(text) {
                    self.set_published(Some(text.to_string()));
                    self.remove("time-line", text)
                } else if self.byline_in_meta_box(text) {
                    self.remove("byline", text)
                } else if !self.body_seen && self.date_part(text) {
                    self.remove("time-line", text)
                } else {
                    self.outside_piece(true, text, piece)
                }
            }
        }
    }

    fn outside_piece(&mut self, near: bool, text: &str, piece: &Piece) {
        if text.is_empty() || near && self.fill_pending(text, piece) {
            return;
        }
        self.pending_label = None;
        if self.outside_related && self.outside_related_item(text, piece) {
            return;
        }
        self.outside_related = false;
        // a list of links about the same story under the article (相关新闻),
        // unlike site-wide rankings in a sidebar
        if near && self.body_seen && !matches!(piece.kind, PieceKind::ListItem { .. }) {
            let f = Folded::new(text);
            if is_section_heading(&f) {
                let s = f.bare();
                if ARTICLE_SECTIONS.iter().any(|p| s.starts_with(p)) {
                    self.outside_related = true;
                    return self.remove("related-heading", text);
                }
            }
        }
        if near {
            if let Some(fields) = meta_fields(text) {
                let rule = Self::meta_rule(&fields);
                self.apply_fields(&fields);
                return self.remove(rule, text);
            }
            // a byline with the time: 原创 某报 2019-09-09 16:01:46; page meta
            // may have given the time already, not the outlet beside it
            if text.chars().count() <= 60 {
                let timed = self
                    .out
                    .meta
                    .published
                    .as_deref()
                    .is_some_and(|p| p.contains(':'));
                if let Some(ts) = find_timestamp(text) {
                    self.outlet_beside_time(text, Some(&ts));
                    if !timed {
                        self.set_published(Some(ts));
                        return self.remove("time-line", text);
                    }
                }
            }
        }
        self.remove("outside-article", text)
    }
}

impl Engine {
    /// An unlabelled line of a page's metadata box: `某报` alone, or
    /// `王五/某报` (the author, then the outlet).
    fn byline_in_meta_box(&mut self, text: &str) -> bool {
        if self.body_seen || self.out.meta.outlet.is_some() {
            return false;
        }
        let parts: Vec<&str> = text.split(['/', '／']).map(str::trim).collect();
        match parts.as_slice() {
            [outlet] if is_outlet_name(outlet) => {
                self.out.meta.outlet = Some(outlet.to_string());
                true
            }
            [names, outlet] if is_outlet_name(outlet) => {
                let names = author_names(names);
                if names.is_empty()
                    || !names
                        .iter()
                        .all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk))
                {
                    return false;
                }
                self.out.meta.outlet = Some(outlet.to_string());
                if self.out.meta.authors.is_empty() {
                    self.out.meta.authors = names;
                }
                true
            }
            _ => false,
        }
    }

    /// `原创 某报 2019-09-09 16:01`, `2019-09-26 10:56:28 某网`: the name
    /// beside the time in a header line is the outlet.
    fn outlet_beside_time(&mut self, text: &str, ts: Option<&str>) {
        let Some(ts) = ts else { return };
        if self.out.meta.outlet.is_some() || self.body_seen || text.chars().count() > 60 {
            return;
        }
        let flat = clean(text);
        let Some(i) = flat.find(ts) else { return };
        let rest = format!("{} {}", &flat[..i], &flat[i + ts.len()..]);
        let mut noted = false;
        let words: Vec<&str> = rest
            .split([' ', '(', ')', '（', '）', '|', '｜', '[', ']', '【', '】'])
            .filter(|w| {
                let note = matches!(*w, "原创" | "转载" | "整理" | "编译" | "综合");
                noted |= note;
                // a bare number beside them is a comment count
                !w.is_empty()
                    && !note
                    && !w.chars().all(|c| c.is_ascii_digit())
                    && !matches!(*w, "发布于" | "来自")
            })
            .collect();
        if let [name] = words.as_slice() {
            // `某某[整理]`: a provenance note marks the name as the source, whatever its ending
            let named = noted
                && (2..=10).contains(&name.chars().count())
                && name.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric());
            if named || is_outlet_name(name) {
                self.out.meta.outlet = Some(name.to_string());
            }
        }
    }

    /// One entry of a related list outside the container: a link, with
    /// perhaps its date after it. Returns false when the list has ended.
    fn outside_related_item(&mut self, text: &str, piece: &Piece) -> bool {
        if let Some((title, href)) = &piece.link {
            let title = clean(title);
            let rest = match text.find(title.as_str()) {
                Some(i) => clean(&format!("{}{}", &text[..i], &text[i + title.len()..])),
                None => String::new(),
            };
            let dated = !rest.is_empty() && is_timestamp(&rest);
            self.related(Related {
                title: Some(title),
                text: if dated { String::new() } else { rest.clone() },
                url: Some(href.clone()),
            });
            if dated {
                self.remove("related-date", &rest);
            }
            return true;
        }
        self.related_link(text, piece.url.as_ref())
    }
}

/// An outlet as a reader would name it: without the 原创稿/转载 note a
/// 来源 value often carries (`某网-某频道 原创稿`).
pub(crate) fn outlet_name(v: &str) -> String {
    let mut v = v.trim();
    for note in ["原创稿", "原创", "转载"] {
        if let Some(rest) = v.strip_suffix(note) {
            if rest.ends_with([' ', '　']) {
                v = rest.trim_end();
                break;
            }
        }
    }
    v.to_string()
}

/// A code alone (`HN666`), where a name should be.
fn is_staff_code(n: &str) -> bool {
    n.chars().any(|c| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Endings of news outlet names (某某日报, 某某网, 某某社, 某某中文站).
const OUTLET_ENDINGS: &[&str] = &[
    "报",
    "社",
    "网",
    "台",
    "站",
    "刊",
    "杂志",
    "新闻",
    "客户端",
    "频道",
    "在线",
    "传媒",
    "周刊",
    "App",
    "APP",
];

/// A short name that reads as a news outlet.
pub(crate) fn is_outlet_name(name: &str) -> bool {
    let n = name.chars().count();
    (3..=16).contains(&n)
        && name.chars().any(is_cjk)
        && !name.chars().any(|c| "，。！？：:；;、“”\"《》".contains(c))
        && OUTLET_ENDINGS.iter().any(|e| name.ends_with(e))
        && !is_widget(&Folded::new(name))
}

/// Section headings whose links are about the article itself.
const ARTICLE_SECTIONS: &[&str] = &[
    "相关",
    "延伸阅读",
    "扩展阅读",
    "拓展阅读",
    "推荐阅读",
    "往期回顾",
];

/// A news lead that opens a report: `12月2日，…`, `11月25日下午，…`,
/// `2025年3月1日晚，…`, `新华社北京5月3日电 …`.
pub(crate) fn opens_report(text: &str) -> bool {
    let t: String = text.chars().take(24).collect();
    let Some(day) = t.find('日') else {
        return false;
    };
    let date = &t[..day];
    // what precedes the day: digits with 年/月, perhaps an agency and a place
    let Some(month) = date.rfind('月') else {
        return false;
    };
    let (d, m_part) = (&date[month + '月'.len_utf8()..], &date[..month]);
    let month_digits: String = m_part
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !(1..=2).contains(&d.len())
        || !d.chars().all(|c| c.is_ascii_digit())
        || !(1..=2).contains(&month_digits.len())
    {
        return false;
    }
    let lead = &m_part[..m_part.len() - month_digits.len()];
    let lead = lead
        .trim_end_matches('年')
        .trim_end_matches(|c: char| c.is_ascii_digit());
    // a dateline names an agency and a place before the date (新华社北京5月3日电)
    let agency = lead.chars().count() <= 10
        && lead.chars().all(is_cjk)
        && ["社", "报", "网", "台"].iter().any(|w| lead.contains(w));
    if !lead.is_empty() && !agency {
        return false;
    }
    let rest = &t[day + '日'.len_utf8()..];
    // 5月9日至10日 is a span inside a sentence as often as a lead
    !lead.is_empty() || !rest.starts_with(['至', '到', '-', '—', '～', '~', '和', '、', '与'])
}

/// A short unpunctuated line: the headline of an appended report.
fn is_headline(text: &str) -> bool {
    let n = text.chars().count();
    (6..=32).contains(&n)
        && !text.contains(['。', '！', '？', '：', ':', '；', '!', '?'])
        && text.chars().filter(|c| is_cjk(*c)).count() * 2 >= n
}

/// A sentence of running text, not a headline: long, with clause punctuation.
fn is_prose(t: &str) -> bool {
    t.chars().count() >= 40 && t.contains(['，', '。'])
}

fn ends_sentence_long(t: &str) -> bool {
    t.chars().count() > 60 && ends_sentence(t)
}

/// An alt text that reads as a caption (not a file name or a stock word).
fn alt_caption(alt: &str) -> Option<String> {
    let a = clean(alt);
    let f = Folded::new(&a);
    let cjk = a.chars().filter(|c| is_cjk(*c)).count();
    if cjk < 2
        || is_click_enlarge(&f)
        || ["图片", "配图", "图", "资料图", "image", "img", "photo"].contains(&a.as_str())
    {
        return None;
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_date_in_pieces_replaces_a_late_edition_time() {
        let mut e = Engine::new(
            false,
            Meta {
                published: Some("2024-3-2 21:30:50".into()),
                ..Meta::default()
            },
            false,
        );
        e.late_time = true;
        for part in ["2024", "03/02", "10:15"] {
            assert!(e.date_part(part));
        }
        assert_eq!(e.out.meta.published.as_deref(), Some("2024-03-02 10:15"));
        assert!(!e.date_part("河畔新桥"));
    }

    #[test]
    fn outlets_beside_times_and_staff_codes() {
        assert!(is_outlet_name("河畔晚报"));
        assert!(is_outlet_name("河畔中文站"));
        assert!(!is_outlet_name("国际"));
        assert!(!is_outlet_name("记者来到现场，看到"));
        let mut e = Engine::new(false, Meta::default(), false);
        e.outlet_beside_time(
            "原创 河畔晚报 2024-03-02 10:15:00",
            Some("2024-03-02 10:15:00"),
        );
        assert_eq!(e.out.meta.outlet.as_deref(), Some("河畔晚报"));
        let mut e = Engine::new(false, Meta::default(), false);
        e.outlet_beside_time(
            "2024-03-02 10:15 河畔星空[整理] 12",
            Some("2024-03-02 10:15"),
        );
        assert_eq!(e.out.meta.outlet.as_deref(), Some("河畔星空"));
        let mut e = Engine::new(false, Meta::default(), false);
        e.outlet_beside_time("2024-03-02 10:15 河畔星空", Some("2024-03-02 10:15"));
        assert_eq!(e.out.meta.outlet, None);
        let mut e = Engine::new(false, Meta::default(), false);
        assert!(e.byline_in_meta_box("林小溪/河畔晚报"));
        assert_eq!(e.out.meta.authors, vec!["林小溪".to_string()]);
        assert_eq!(e.out.meta.outlet.as_deref(), Some("河畔晚报"));
        let mut e = Engine::new(false, Meta::default(), false);
        e.apply_fields(&[(Field::Editor, "HN666".into())]);
        assert!(e.out.meta.editors.is_empty());
    }

    #[test]
    fn report_leads() {
        assert!(opens_report("12月2日外交部发言人主持例行记者会。"));
        assert!(opens_report("11月25日下午，国防部举行例行记者会。"));
        assert!(opens_report("2025年3月1日晚，河畔新桥亮灯。"));
        assert!(opens_report("新华社北京5月3日电 河畔新桥今日通车。"));
        assert!(!opens_report("有记者提问：11月23日，两国举行会谈。"));
        assert!(!opens_report("5月9日至10日，展会在河畔举行。"));
        assert!(!opens_report("会议要求各单位做好保障工作。"));
    }

    #[test]
    fn meta_line_with_pipes() {
        let f =
            meta_fields("發佈時間:2025-03-01 10:20:30 | 來源:河畔日報 | 作者: | 責任編輯:林小溪")
                .expect("a metadata line");
        assert_eq!(
            f,
            vec![
                (Field::Published, "2025-03-01 10:20:30".into()),
                (Field::Outlet, "河畔日報".into()),
                (Field::Author, "".into()),
                (Field::ChiefEditor, "林小溪".into()),
            ]
        );
    }

    #[test]
    fn meta_line_rejects_sentences() {
        assert!(meta_fields("来源：据本报记者从市交通部门了解到的情况，新桥将于下月初正式通车并开放给所有车辆通行，届时周边交通压力将大大缓解。").is_none());
        assert!(meta_fields("今天天气很好。").is_none());
        assert_eq!(
            meta_fields("河畔网本地频道 ( 2012-06-04 09:20:26 ) 稿件来源： 河畔日报"),
            Some(vec![
                (Field::Published, "2012-06-04 09:20:26".into()),
                (Field::Outlet, "河畔日报".into())
            ])
        );
        assert_eq!(
            meta_fields("出品︱河畔科学栏目组"),
            Some(vec![(Field::Other, "河畔科学栏目组".into())])
        );
        assert_eq!(
            meta_fields("编辑｜林小溪"),
            Some(vec![(Field::Editor, "林小溪".into())])
        );
        assert!(meta_fields("新桥｜河畔的新地标").is_none());
        assert!(meta_fields("（责任编辑：王五）").is_some());
    }

    #[test]
    fn editors_lose_staff_codes() {
        assert_eq!(editor_names("杨柳_NF1234"), vec!["杨柳"]);
        assert_eq!(editor_names("石头 PK155"), vec!["石头"]);
        assert_eq!(editor_names("甲乙、丙丁"), vec!["甲乙", "丙丁"]);
        assert_eq!(editor_names(""), Vec::<String>::new());
    }

    #[test]
    fn credits() {
        assert_eq!(
            split_credit("3月5日，游客在河畔公园赏花。本报记者 林小溪 摄"),
            (
                Some("3月5日，游客在河畔公园赏花。".into()),
                Some("本报记者 林小溪 摄".into())
            )
        );
        assert_eq!(
            split_credit("河畔公园 图片来源：河畔日报"),
            (Some("河畔公园".into()), Some("图片来源：河畔日报".into()))
        );
        assert!(is_photo_credit("游客在河畔公园赏花。記者 林小溪 攝"));
        assert!(!is_photo_credit("游客在河畔公园赏花。"));
    }

    #[test]
    fn phrase_table_in_both_scripts() {
        assert!(is_section_heading(&Folded::new("相關閱讀")));
        assert!(is_section_heading(&Folded::new("【相关新闻】")));
        assert!(is_section_heading(&Folded::new("熱門資訊")));
        assert!(!is_section_heading(&Folded::new("相关部门表示将加快进度")));
        assert!(is_widget(&Folded::new("舉報/反饋")));
        assert!(is_widget(&Folded::new("分享到：微信 微博")));
        assert!(is_promo(&Folded::new("海量资讯，尽在河畔新闻APP")));
        assert!(is_promo(&Folded::new("扫码关注我们")));
        assert!(is_promo(&Folded::new(
            "海量资讯、精准解读，尽在某某财经APP"
        )));
        assert!(is_promo(&Folded::new("长按识别二维码，关注官方公众号")));
        assert!(is_promo(&Folded::new("微信扫一扫")));
        // News text that only mentions a QR code or an app is not a promotion.
        assert!(!is_promo(&Folded::new(
            "为支持茶产业发展，镇里推出了追溯系统，消费者扫描包装上的二维码，即可查看茶叶的产地和检测信息。"
        )));
        assert!(!is_promo(&Folded::new(
            "乘客可使用交通卡或手机扫码乘船，票价为每人15元，学生和老人享受半价优惠，儿童免票。"
        )));
        assert!(!is_promo(&Folded::new(
            "该公司推出的出行APP上线半年，下载量已突破100万次，日活跃用户约12万人，其中三成来自外地。"
        )));
        assert!(is_click_enlarge(&Folded::new("點擊查看大圖")));
    }

    #[test]
    fn staff_credits_and_notes() {
        assert_eq!(
            credit_line("编辑 林小溪 校对 石头"),
            Some(vec![
                (Field::Editor, "林小溪".into()),
                (Field::Other, "石头".into())
            ])
        );
        assert_eq!(
            credit_line("河畔医院宣传科供稿 摄影/林小溪 编辑/石小川"),
            Some(vec![
                (Field::Other, "河畔医院宣传科供稿".into()),
                (Field::Other, "林小溪".into()),
                (Field::Editor, "石小川".into())
            ])
        );
        assert!(credit_line("策划 方案").is_none());
        assert!(credit_line("编辑 部门今天召开了会议").is_none());
        assert!(credit_line("河畔新桥今日通车，全长一千二百米。").is_none());
        assert!(is_repost_note(&Folded::new("经过河畔君重新编排")));
        assert!(!is_repost_note(&Folded::new(
            "工程师们经过三个月的努力，对展馆进行了重新编排"
        )));
        assert!(is_credit_label_line(&Folded::new("图片来源：河畔日报官网")));
        assert!(is_credit_label_line(&Folded::new("摄影/林小溪")));
        assert!(!is_credit_label_line(&Folded::new("图片来源")));
        assert!(is_clip_caption(&Folded::new(
            "河畔新桥夜景 （来源：河畔视频）"
        )));
        assert!(!is_clip_caption(&Folded::new(
            "河畔新桥今日通车。（来源：河畔日报）"
        )));
        assert!(is_photo_credit("河畔新桥夜景。河畔区交通局供图 河畔网发"));
        assert!(!is_photo_credit("河畔区交通局供图 让大家看看"));
        assert!(is_widget_bar("赞 0 赏 分享"));
        assert!(is_widget_bar("阅读 539"));
        assert!(is_widget_bar("上一页 1/2 下一页"));
        assert!(!is_widget_bar("2025"));
        assert!(!is_widget_bar("分享 河畔的故事"));
        assert!(is_widget(&Folded::new("隐藏边栏")));
        assert!(is_widget(&Folded::new("自动播放 河畔新桥通车")));
        assert!(is_promo(&Folded::new(
            "新品第一时间免费试用，还有达人分享经验，快来河畔众测，体验最有趣的产品吧~！下载客户端还能领取福利哦！"
        )));
    }

    #[test]
    fn chief_editor_wins_and_values_stay_on_their_line() {
        let mut e = Engine::new(false, Meta::default(), false);
        e.apply_fields(&[(Field::Editor, "林小溪".into())]);
        e.apply_fields(&[(Field::ChiefEditor, "石小川".into())]);
        e.apply_fields(&[(Field::Editor, "王五".into())]);
        assert_eq!(e.out.meta.editors, vec!["石小川".to_string()]);
        assert_eq!(
            meta_fields("本文原标题：《河畔新桥通车了！》"),
            Some(vec![(Field::OriginalTitle, "《河畔新桥通车了！》".into())])
        );
        e.apply_fields(&meta_fields("本文原标题：《河畔新桥通车了！》").unwrap_or_default());
        assert_eq!(
            e.out.meta.original_title.as_deref(),
            Some("河畔新桥通车了！")
        );
        e.apply_fields(&[(Field::Outlet, "河畔网-文化频道 原创稿".into())]);
        assert_eq!(e.out.meta.outlet.as_deref(), Some("河畔网-文化频道"));
        assert_eq!(
            meta_fields("发表于2025-03-01 10:20| 1164次阅读| 来源河畔网| 0 条评论| 作者林小溪"),
            Some(vec![
                (Field::Published, "2025-03-01 10:20".into()),
                (Field::Outlet, "河畔网".into()),
                (Field::Author, "林小溪".into())
            ])
        );
        assert!(meta_fields("河畔新桥｜今日通车｜全长一千二百米").is_none());
        assert_eq!(
            meta_fields("版权声明 来源：河畔日报 时间：2025-03-01 10:20:30 作者："),
            Some(vec![
                (Field::Outlet, "河畔日报".into()),
                (Field::Published, "2025-03-01 10:20:30".into()),
                (Field::Author, "".into())
            ])
        );
        assert_eq!(
            meta_fields("作者：林小溪 石小川返回河畔，查看更多"),
            Some(vec![(Field::Author, "林小溪 石小川".into())])
        );
        assert_eq!(
            meta_fields("来源于：河畔街道办事处"),
            Some(vec![(Field::Outlet, "河畔街道办事处".into())])
        );
    }

    #[test]
    fn shapes() {
        assert!(is_timestamp("2025-03-01 10:20:30"));
        assert!(is_timestamp("2025年03月01日 10:20"));
        assert!(!is_timestamp("3月1日"));
        assert!(is_count("0"));
        assert!(is_count("12条评论"));
        assert!(!is_count("二〇二五"));
        assert!(is_teaser("河畔新桥通车..."));
        assert!(!is_teaser("他说……"));
        assert_eq!(
            breadcrumb("首頁 > 頭條", false).map(|b| b.0),
            Some(vec!["首頁".to_string(), "頭條".to_string()])
        );
        assert!(is_latin_line(
            "The new bridge over the river opened on Monday."
        ));
        assert!(!is_latin_line("河畔新桥通车 APP"));
    }
}
