//! Portal knowledge as data: one [`Profile`] per portal and one
//! [`TextProfile`] per text-dump shape. Adding a portal is adding a row here
//! (and a fixture); the extraction code reads these tables and has no
//! per-portal branches.

/// An HTML portal profile.
#[derive(Debug)]
pub(crate) struct Profile {
    pub name: &'static str,
    /// Host suffixes that identify the portal (URL, og:url, canonical, asset hosts).
    pub hosts: &'static [&'static str],
    /// Article containers, most specific first (simple selectors).
    pub containers: &'static [&'static str],
    /// Elements inside the container that are never body (rule `profile-drop`).
    pub drop: &'static [&'static str],
    /// Elements whose start opens a related section.
    pub cut: &'static [&'static str],
    /// Elements whose text holds labelled metadata lines (来源, 责任编辑, 时间 …).
    pub meta: &'static [&'static str],
    /// Elements holding the publication time alone.
    pub published: &'static [&'static str],
    /// Elements holding the outlet alone.
    pub outlet: &'static [&'static str],
    /// Elements holding the title.
    pub title: &'static [&'static str],
    /// Elements holding the breadcrumb.
    pub breadcrumb: &'static [&'static str],
}

/// Selectors every page gets, after its profile's: crawler blocks and
/// common caption/meta containers.
pub(crate) const GENERIC: Profile = Profile {
    name: "generic",
    hosts: &[],
    containers: &["[itemprop=articleBody]", "article"],
    drop: &[
        ".share",
        ".share-box",
        ".bdsharebuttonbox",
        ".social-share",
        ".qrcode",
        ".ewm",
        "#source_baidu",
        "#editor_baidu",
        "#author_baidu",
        "#pubtime_baidu",
        "[style*=display:none]",
        "[style*=display: none]",
    ],
    cut: &[],
    meta: &[
        "#source_baidu",
        "#editor_baidu",
        "#author_baidu",
        "#pubtime_baidu",
    ],
    published: &["#pubtime_baidu", "[itemprop=datePublished]", "time"],
    outlet: &["[itemprop=publisher]"],
    title: &["h1"],
    breadcrumb: &[
        ".breadcrumb",
        ".crumb",
        ".crumbs",
        ".bread",
        "[class*=breadcrumb]",
        ".location",
        ".position",
    ],
};

pub(crate) const PROFILES: &[Profile] = &[
    Profile {
        name: "guancha",
        hosts: &["guancha.cn"],
        containers: &["div.all-txt", ".content.all-txt", ".article-txt-content"],
        drop: &[".share-box", ".article-bottom", ".comment-box", ".key-word"],
        cut: &[],
        meta: &[
            ".time",
            ".time.fix",
            ".editor-intro",
            ".author-intro",
            ".article-editor",
        ],
        published: &[],
        outlet: &[],
        title: &["h3", "h1"],
        breadcrumb: &[".nav-position"],
    },
    Profile {
        name: "sina",
        hosts: &["sina.com.cn", "sinaimg.cn", "sina.cn"],
        containers: &["#artibody", "#article", "#article_content"],
        drop: &[
            ".appendQr_wrap",
            ".appendQr_normal",
            ".app-kaihu-qr",
            ".article-notice",
            ".show_statement",
            "#left_hzh_ad",
            ".img_wrapper_qr",
            ".hqimg_related",
            "#wrap_ad",
            ".finance_app_zqtg",
        ],
        cut: &[".article-bottom", "#article-bottom"],
        meta: &[
            ".date-source",
            ".article-editor",
            ".show_author",
            ".ori_titlesource",
        ],
        published: &[".date", ".time-source"],
        outlet: &[".source", ".source"],
        title: &["h1.main-title", "#artibodyTitle", "h1"],
        breadcrumb: &[".channel-path", ".path", ".bread"],
    },
    Profile {
        name: "163",
        hosts: &["163.com", "126.net"],
        containers: &["#endText", ".post_body", ".post_text"],
        drop: &[".post_btmshare", ".post_topshare", ".gg200x300"],
        cut: &[".post_next", ".post_recommends"],
        meta: &[
            ".post_time_source",
            ".post_info",
            ".ep-editor",
            ".ep-source",
            ".otitle_editor",
        ],
        published: &[".post_time", ".post_info"],
        outlet: &["#ne_article_source", ".post_source"],
        title: &["h1", ".post_title"],
        breadcrumb: &[".post_crumb", ".N-nav-channel"],
    },
    Profile {
        name: "qq",
        hosts: &["qq.com", "gtimg.com", "qpic.cn"],
        containers: &[
            "#Cnt-Main-Article-QQ",
            ".content-article",
            ".Cnt-Main-Article-QQ",
            "#ArticleCnt",
        ],
        drop: &[".qqcom-article-share", ".share", ".rv-root-v2"],
        cut: &[],
        meta: &[
            ".a_Info",
            ".tit-bar",
            ".left-stick-wp",
            ".qq_editor",
            ".article-info",
        ],
        published: &[".a_time", ".article-time", "[bosszone=pubtime]"],
        outlet: &[".a_source", ".a-src", ".color-a-1"],
        title: &["h1"],
        breadcrumb: &[".a_catalog"],
    },
    Profile {
        name: "ifeng",
        hosts: &["ifeng.com", "ifengimg.com"],
        containers: &[
            "[class^=main_content-]",
            "#main_content",
            ".main_content",
            ".text-3zQ3cZD4",
            "#artical_real",
        ],
        drop: &["[class^=share-]", "[class^=comment-]", "[class^=bottom-]"],
        cut: &[],
        meta: &[
            "[class^=info-]",
            "[class^=timeBref-]",
            "[class^=source-]",
            "[class^=editorName-]",
        ],
        published: &["[class^=time-]"],
        outlet: &["[class^=source-]"],
        title: &["h1", "[class^=topic-]"],
        breadcrumb: &["[class^=breadcrumbs-]", "[class^=nav-]"],
    },
    Profile {
        name: "thepaper",
        hosts: &["thepaper.cn", "thepaper.com"],
        containers: &[
            ".news_txt",
            "[class^=index_cententWrap]",
            ".newsdetail_content",
        ],
        drop: &[".news_editor", ".go_top"],
        cut: &[".news_tags", ".news_about_share"],
        meta: &[".news_about", ".news_editor", "[class^=index_left]"],
        published: &[],
        outlet: &[],
        title: &["h1.news_title", "h1"],
        breadcrumb: &[],
    },
    Profile {
        name: "people",
        hosts: &["people.com.cn", "people.cn"],
        containers: &[
            "#rwb_zw",
            ".rm_txt_con",
            ".box_con",
            "#p_content",
            ".artDet",
        ],
        drop: &[".edit", ".zdfy", ".paper_num", ".share"],
        cut: &[],
        meta: &[".box01", ".fl", ".edit", ".col-1-1", ".channel"],
        published: &[],
        outlet: &[],
        title: &["h1"],
        breadcrumb: &[".route", ".clink"],
    },
    Profile {
        name: "xinhuanet",
        hosts: &["xinhuanet.com", "news.cn", "xinhua.org"],
        containers: &[
            "#p-detail",
            "#detail",
            "#content",
            ".article",
            "#detailContent",
        ],
        drop: &[".p-tags", ".zan-wap", "#articleEdit", ".share"],
        cut: &[],
        meta: &[
            ".h-info",
            ".info",
            "#articleEdit",
            ".p-jc",
            ".source",
            ".header-cont",
        ],
        published: &[".h-time", ".time", "#pubtime", ".year", ".day"],
        outlet: &["#source", ".source"],
        title: &["h1", ".h-title", "#title"],
        breadcrumb: &[".news-position", ".bread"],
    },
    Profile {
        name: "chinanews",
        hosts: &["chinanews.com", "chinanews.com.cn", "ecns.cn"],
        containers: &[".left_zw", ".content_desc", "#cont_1_1_2"],
        drop: &[".adEditor", ".left_name", "#function_code_page"],
        cut: &[],
        meta: &[".left-t", ".left_name", ".adEditor", ".content_left_time"],
        published: &[],
        outlet: &[],
        title: &["h1"],
        breadcrumb: &["#nav", ".dqwz"],
    },
    Profile {
        name: "huanqiu",
        hosts: &["huanqiu.com"],
        containers: &["article", ".l-con", "[class*=article-content]"],
        drop: &[".share", ".editor"],
        cut: &[],
        meta: &[".metadata-info", ".source", ".editor", ".time"],
        published: &[".time"],
        outlet: &[".source"],
        title: &["h1", ".t-container-title"],
        breadcrumb: &[".nav-tree"],
    },
    Profile {
        name: "gmw",
        hosts: &["gmw.cn"],
        containers: &["#contentMain", ".u-mainText", "#ArticleContent"],
        drop: &["#contentLiability", ".m-zbTool", ".liability"],
        cut: &[],
        meta: &[
            "#contentLiability",
            ".m-con-info",
            "#contentMsg",
            ".liability",
        ],
        published: &["#pubTime", ".m-con-time"],
        outlet: &["#source", ".m-con-source"],
        title: &["h1", "#articleTitle"],
        breadcrumb: &[".m-breadcrumb", ".g-crumbs"],
    },
];

/// The shape of one header line of a text dump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeaderLine {
    /// 首页 > 头条
    Breadcrumb,
    /// The headline.
    Title,
    /// 发布时间:… | 来源:… | 作者:… | 责任编辑:…
    MetaFields,
    /// A placeholder account name in the uploader slot (创始人, 管理员 …).
    Uploader,
    /// A bare timestamp line.
    Timestamp,
    /// A bare number: comment or view count.
    Count,
}

/// A text-dump shape: recognised by the sequence of its header lines.
#[derive(Debug)]
pub(crate) struct TextProfile {
    pub name: &'static str,
    pub header: &'static [HeaderLine],
}

pub(crate) const TEXT_PROFILES: &[TextProfile] = &[
    TextProfile {
        name: "portal-dump",
        header: &[
            HeaderLine::Breadcrumb,
            HeaderLine::Title,
            HeaderLine::MetaFields,
        ],
    },
    TextProfile {
        name: "content-farm",
        header: &[
            HeaderLine::Title,
            HeaderLine::Uploader,
            HeaderLine::Timestamp,
            HeaderLine::Count,
        ],
    },
];

/// Account names that content farms show in the uploader slot; they are not authors.
pub(crate) const PLACEHOLDER_UPLOADERS: &[&str] = &[
    "创始人",
    "管理员",
    "系统管理员",
    "超级管理员",
    "小编",
    "网站编辑",
    "佚名",
    "匿名",
    "网友",
    "admin",
    "administrator",
    "editor",
    "root",
    "未知",
    "本站",
    "本站编辑",
    "站长",
    "用户",
    "游客",
    "投稿",
    "转载",
];

/// Names of all profiles (HTML portals, then text-dump shapes).
pub fn profile_names() -> Vec<&'static str> {
    PROFILES
        .iter()
        .map(|p| p.name)
        .chain(TEXT_PROFILES.iter().map(|p| p.name))
        .collect()
}

pub(crate) enum Forced {
    Html(&'static Profile),
    Text(&'static TextProfile),
}

pub(crate) fn by_name(name: &str) -> Option<Forced> {
    let n = name.trim();
    PROFILES
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(n))
        .map(Forced::Html)
        .or_else(|| {
            TEXT_PROFILES
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(n))
                .map(Forced::Text)
        })
}

/// The host part of a URL, lower-cased.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.trim_start_matches('/');
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    if host.is_empty() {
        None
    } else {
        Some(host.to_ascii_lowercase())
    }
}

pub(crate) fn by_host(host: &str) -> Option<&'static Profile> {
    // web.archive.org wraps the original address: /web/2012…/http://he.xinhuanet.com/…
    PROFILES.iter().find(|p| {
        p.hosts
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
    })
}

/// The profile whose hosts occur most often in the addresses of the text
/// (asset and link URLs), when one clearly does. One pass over the text.
/// `host` is `suffix` or a subdomain of it (ASCII case-insensitive).
fn host_is(host: &[u8], suffix: &str) -> bool {
    let suffix = suffix.as_bytes();
    if host.len() < suffix.len() {
        return false;
    }
    let at = host.len() - suffix.len();
    host[at..].eq_ignore_ascii_case(suffix) && (at == 0 || host[at - 1] == b'.')
}

pub(crate) fn by_mentions(input: &str) -> Option<&'static Profile> {
    let mut counts = [0usize; 16];
    let bytes = input.as_bytes();
    // a vectorised search: `/` alone is in every end tag
    for i in memchr::memmem::find_iter(bytes, b"//") {
        let rest = &bytes[i + 2..];
        let end = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
            .unwrap_or(rest.len());
        let host = &rest[..end];
        if host.len() < 4 || !host.contains(&b'.') {
            continue;
        }
        if let Some(k) = PROFILES
            .iter()
            .position(|p| p.hosts.iter().any(|h| host_is(host, h)))
        {
            if let Some(c) = counts.get_mut(k) {
                *c += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..PROFILES.len().min(counts.len())).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(counts[k]));
    let best = *order.first()?;
    let second = order.get(1).map_or(0, |&k| counts[k]);
    let n = counts[best];
    (n >= 2 && n >= 2 * second).then(|| &PROFILES[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://news.sina.com.cn/c/x.shtml").as_deref(),
            Some("news.sina.com.cn")
        );
        assert_eq!(by_host("news.sina.com.cn").map(|p| p.name), Some("sina"));
        assert_eq!(by_host("www.guancha.cn").map(|p| p.name), Some("guancha"));
        assert!(by_host("example.com").is_none());
    }

    #[test]
    fn names_are_unique() {
        let names = profile_names();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert!(names.len() >= 13);
    }
}
