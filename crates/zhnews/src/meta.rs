//! Reading article metadata out of front matter, and the rules that tell an outlet from a person.

use zhnews_frontmatter::Value;

/// The metadata fields front matter can carry, under the names feed exporters and static-site
/// generators use for them.
#[derive(Debug, Default)]
pub(crate) struct FrontMeta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub original_title: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub editor: Option<String>,
    pub categories: Vec<String>,
    pub lead_image: Option<String>,
    pub url: Option<String>,
}

const TITLE_KEYS: &[&str] = &["title", "headline", "标题"];
const ORIGINAL_TITLE_KEYS: &[&str] = &["original_title", "原标题"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "pubdate",
    "publish_time",
    "time",
    "发布时间",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "作者"];
const SOURCE_KEYS: &[&str] = &["source", "outlet", "publisher", "来源"];
const EDITOR_KEYS: &[&str] = &["editor", "责任编辑"];
const CATEGORY_KEYS: &[&str] = &["categories", "category", "section", "栏目"];
const IMAGE_KEYS: &[&str] = &[
    "headimg",
    "image",
    "cover",
    "lead_image",
    "thumbnail",
    "banner",
];
const URL_KEYS: &[&str] = &["url", "link", "permalink", "source_url"];
const ID_KEYS: &[&str] = &["id", "uid", "guid"];

impl FrontMeta {
    pub(crate) fn from_value(value: &Value<'_>) -> FrontMeta {
        FrontMeta {
            id: first_scalar(value, ID_KEYS),
            title: first_scalar(value, TITLE_KEYS),
            original_title: first_scalar(value, ORIGINAL_TITLE_KEYS),
            date: first_scalar(value, DATE_KEYS),
            authors: first_list(value, AUTHOR_KEYS),
            source: first_scalar(value, SOURCE_KEYS),
            editor: first_scalar(value, EDITOR_KEYS),
            categories: first_list(value, CATEGORY_KEYS),
            lead_image: first_scalar(value, IMAGE_KEYS),
            url: first_scalar(value, URL_KEYS),
        }
    }
}

/// A scalar rendered as text: strings as they are, numbers and booleans in their usual form
/// (an `id: 12345` is still an id).
fn scalar_text(value: &Value<'_>) -> Option<String> {
    let text = match value {
        Value::String(s) => s.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn first_scalar(value: &Value<'_>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| value.get(k))
        .find_map(scalar_text)
}

/// A list field: a sequence of scalars, or one scalar holding several names separated the way
/// Chinese metadata separates them.
fn first_list(value: &Value<'_>, keys: &[&str]) -> Vec<String> {
    for key in keys {
        match value.get(key) {
            Some(Value::Seq(items)) => {
                let items: Vec<String> = items.iter().filter_map(scalar_text).collect();
                if !items.is_empty() {
                    return items;
                }
            }
            Some(other) => {
                if let Some(text) = scalar_text(other) {
                    return split_names(&text);
                }
            }
            None => {}
        }
    }
    Vec::new()
}

/// Splits a list of names written in one field: `、`, `，`, `,`, `;`, `；`, `/` and runs of
/// spaces between Chinese names all separate names.
pub(crate) fn split_names(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', ';', '；', '/', '|'])
        .flat_map(|part| {
            let part = part.trim();
            // "张三 李四" is two names; "John Smith" is one.
            if part.chars().any(is_han) && part.contains(char::is_whitespace) {
                part.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            } else {
                vec![part.to_string()]
            }
        })
        .filter(|s| !s.is_empty())
        .collect()
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Word endings that mark the name of a news organisation rather than of a person. Portals and
/// feed exporters often put the outlet in an `author` field.
const OUTLET_SUFFIXES: &[&str] = &[
    "网",
    "網",
    "报",
    "報",
    "社",
    "台",
    "新闻",
    "新聞",
    "财经",
    "財經",
    "频道",
    "頻道",
    "客户端",
    "客戶端",
    "周刊",
    "週刊",
    "杂志",
    "雜誌",
    "媒体",
    "媒體",
    "传媒",
    "傳媒",
    "日报",
    "日報",
    "时报",
    "時報",
    "晚报",
    "晚報",
    "在线",
    "在線",
    "资讯",
    "資訊",
    "观察",
    "觀察",
    "之声",
    "之聲",
    "号",
    "號",
];

/// Whether `name` names an outlet rather than a person: it is one of the document's own
/// categories (a feed exporter listing its source as a category), or ends in an outlet word.
pub(crate) fn looks_like_outlet(name: &str, categories: &[String]) -> bool {
    let name = name.trim();
    if name.is_empty() {
        return false;
    }
    if categories.iter().any(|c| c.trim() == name) {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    if [
        ".com", ".cn", ".net", "news", "press", "times", "daily", "agency",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return true;
    }
    // A two-character name ending in 台 or 社 is more often a person's (e.g. a given name);
    // outlet names that short are rare, so only trust the suffix on three characters or more.
    name.chars().count() >= 3 && OUTLET_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Breadcrumb roots that are navigation, not a section of the site.
pub(crate) fn is_breadcrumb_root(item: &str) -> bool {
    let item = item.trim();
    [
        "首页",
        "首頁",
        "主页",
        "主頁",
        "home",
        "Home",
        "HOME",
        "网站首页",
        "網站首頁",
    ]
    .contains(&item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names_are_told_from_people() {
        let cats = vec!["新媒体".to_string(), "示例网".to_string()];
        assert!(looks_like_outlet("示例网", &cats));
        assert!(looks_like_outlet("东江日报", &[]));
        assert!(looks_like_outlet("央视新闻客户端", &[]));
        assert!(looks_like_outlet("Example News", &[]));
        assert!(!looks_like_outlet("张伟", &[]));
        assert!(!looks_like_outlet("王台", &[]));
        assert!(!looks_like_outlet("", &cats));
    }

    #[test]
    fn name_lists_split_on_chinese_separators() {
        assert_eq!(split_names("张三、李四"), ["张三", "李四"]);
        assert_eq!(split_names("张三 李四"), ["张三", "李四"]);
        assert_eq!(split_names("John Smith, 王五"), ["John Smith", "王五"]);
        assert!(split_names(" 、 ").is_empty());
    }
}
