//! A folded view of a line for marker matching: the Traditional forms of the
//! characters that occur in markers map to Simplified, full-width punctuation
//! to ASCII, and whitespace disappears, so one table of Simplified markers
//! matches 責任編輯 ：, 责任编辑: and 责 任 编 辑： alike. Each folded char
//! remembers where it came from, so a match maps back to the original text.

use std::cell::OnceCell;

/// Folded text; the folded chars and the byte offset (in the original) of
/// each are worked out on first use, since most lines are only tested
/// against phrases.
pub(crate) struct Folded {
    text: String,
    len: usize,
    chars: OnceCell<Vec<char>>,
    offsets: OnceCell<Vec<usize>>,
    /// The text without punctuation and decoration.
    bare: OnceCell<String>,
}

/// What folding leaves out.
fn is_skipped(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut len = 0;
        for c in s.chars() {
            if is_skipped(c) {
                continue;
            }
            text.push(fold_char(c));
            len += 1;
        }
        Folded {
            text,
            len,
            chars: OnceCell::new(),
            offsets: OnceCell::new(),
            bare: OnceCell::new(),
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The folded chars.
    pub fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| self.text.chars().collect())
    }

    /// The folded text without punctuation and decoration (see [`is_decoration`]).
    pub fn bare(&self) -> &str {
        self.bare
            .get_or_init(|| self.text.chars().filter(|c| !is_decoration(*c)).collect())
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn starts_with(&self, pat: &str) -> bool {
        self.text.starts_with(pat)
    }

    /// Whether `pat` (already folded) occurs at folded position `at`.
    pub fn find_at(&self, pat: &str, at: usize) -> bool {
        let chars = self.chars();
        let mut n = 0;
        for (i, p) in (at..).zip(pat.chars()) {
            if chars.get(i) != Some(&p) {
                return false;
            }
            n += 1;
        }
        n > 0 || pat.is_empty()
    }

    /// First folded position where `pat` occurs at or after `from`.
    pub fn find_from(&self, pat: &str, from: usize) -> Option<usize> {
        let first = pat.chars().next()?;
        let chars = self.chars();
        (from..chars.len()).find(|&i| chars[i] == first && self.find_at(pat, i))
    }

    pub fn contains(&self, pat: &str) -> bool {
        !pat.is_empty() && self.text.contains(pat)
    }

    /// Original byte offset of folded position `i` (the end of the text for
    /// `len()`); `original` is the text this was made from.
    pub fn orig(&self, i: usize, original: &str) -> usize {
        let offsets = self.offsets.get_or_init(|| {
            original
                .char_indices()
                .filter(|&(_, c)| !is_skipped(c))
                .map(|(i, _)| i)
                .collect()
        });
        offsets.get(i).copied().unwrap_or(original.len())
    }

    pub fn as_string(&self) -> String {
        self.text.clone()
    }
}

/// Punctuation and decoration that marker tests ignore (after folding).
pub(crate) fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '[' | ']'
            | ':'
            | '>'
            | '<'
            | '-'
            | '|'
            | '.'
            | '·'
            | '•'
            | '■'
            | '▲'
            | '▼'
            | '►'
            | '◆'
            | '●'
            | '★'
            | '☆'
            | '('
            | ')'
            | '、'
            | '。'
            | '!'
            | '！'
            | '…'
            | '“'
            | '”'
            | '"'
    )
}

/// Traditional → Simplified for characters that occur in markers, and
/// full-width punctuation → ASCII.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '：' | '︰' => ':',
        '｜' | '│' | '丨' => '|',
        '＞' | '》' | '»' | '›' | '→' => '>',
        '（' | '〔' => '(',
        '）' | '〕' => ')',
        '【' | '［' | '〖' => '[',
        '】' | '］' | '〗' => ']',
        '／' => '/',
        '，' => ',',
        '．' => '.',
        '－' | '—' | '–' => '-',
        '＿' => '_',
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '來' => '来',
        '編' => '编',
        '輯' => '辑',
        '責' => '责',
        '發' => '发',
        '佈' => '布',
        '時' => '时',
        '間' => '间',
        '閱' => '阅',
        '讀' => '读',
        '關' => '关',
        '聞' => '闻',
        '熱' => '热',
        '門' => '门',
        '資' => '资',
        '訊' => '讯',
        '舉' => '举',
        '報' => '报',
        '饋' => '馈',
        '題' => '题',
        '圖' => '图',
        '點' => '点',
        '擊' => '击',
        '頁' => '页',
        '頭' => '头',
        '條' => '条',
        '攝' => '摄',
        '掃' => '扫',
        '碼' => '码',
        '維' => '维',
        '載' => '载',
        '權' => '权',
        '聲' => '声',
        '轉' => '转',
        '薦' => '荐',
        '標' => '标',
        '記' => '记',
        '網' => '网',
        '號' => '号',
        '價' => '价',
        '論' => '论',
        '評' => '评',
        '廣' => '广',
        '註' => '注',
        '訂' => '订',
        '閲' => '阅',
        '戶' | '户' => '户',
        '導' => '导',
        '讚' | '贊' => '赞',
        '內' => '内',
        '歡' => '欢',
        '參' => '参',
        '與' => '与',
        '專' => '专',
        '區' => '区',
        '刪' => '删',
        '動' => '动',
        '態' => '态',
        '線' => '线',
        '經' => '经',
        '營' => '营',
        '許' => '许',
        '證' => '证',
        '紀' => '纪',
        '錄' => '录',
        '簡' => '简',
        '體' => '体',
        '當' => '当',
        '頻' => '频',
        '瀏' => '浏',
        '覽' => '览',
        '複' | '復' => '复',
        '製' => '制',
        '鏈' => '链',
        '結' => '结',
        '繫' | '係' => '系',
        '聯' => '联',
        '務' => '务',
        '請' => '请',
        '將' => '将',
        '開' => '开',
        '啟' => '启',
        '盡' => '尽',
        '視' => '视',
        '應' => '应',
        '電' => '电',
        '腦' => '脑',
        '機' => '机',
        '寫' => '写',
        '員' => '员',
        '創' => '创',
        '絡' => '络',
        '戲' => '戏',
        '遊' => '游',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_and_width() {
        let f = Folded::new("責任編輯 ：王小明");
        assert!(f.starts_with("责任编辑:"));
        let at = f.orig(5, "責任編輯 ：王小明");
        assert_eq!(&"責任編輯 ：王小明"[at..], "王小明");
    }

    #[test]
    fn full_width_letters_fold() {
        assert_eq!(Folded::new("ＡＰＰ１").as_string(), "APP1");
    }
}
