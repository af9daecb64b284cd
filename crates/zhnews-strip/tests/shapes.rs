//! The input shapes the crate is built for, on documents written for these
//! tests (invented news about an invented city).

use zhnews_strip::{Block, Image, InputKind, Options, strip};

fn run(input: &str) -> zhnews_strip::Stripped {
    strip(input, &Options::default()).expect("strip")
}

fn paragraphs(s: &zhnews_strip::Stripped) -> Vec<String> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.clone()),
            _ => None,
        })
        .collect()
}

fn images(s: &zhnews_strip::Stripped) -> Vec<Image> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(i.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn fragment_with_enlarge_titles_and_indentation() {
    let html = "<div>\n<p>\n河畔市今日举行新桥通车仪式，市长出席并致辞。\n</p>\n\
        <p style=\"text-align:center;\">\n<img src=\"https://img.example.cn/a.jpg\" title=\"点击查看大图\" class=\"bigimg\" width=\"530\">\n</p>\n\
        <p>\n新桥全长一千二百米，双向六车道。\n</p>\n\
        <p align=\"center\"><img src=\"https://img.example.cn/b.jpg\" title=\"点击查看大图\"></p>\n</div>";
    let s = run(html);
    assert_eq!(s.kind, InputKind::HtmlFragment);
    assert_eq!(
        paragraphs(&s),
        vec![
            "河畔市今日举行新桥通车仪式，市长出席并致辞。",
            "新桥全长一千二百米，双向六车道。"
        ]
    );
    let imgs = images(&s);
    assert_eq!(imgs.len(), 2);
    assert!(
        imgs.iter()
            .all(|i| i.caption.is_none() && i.credit.is_none())
    );
    assert_eq!(imgs[0].url.as_deref(), Some("https://img.example.cn/a.jpg"));
    assert!(s.removed.is_empty(), "{:?}", s.removed);
}

#[test]
fn sina_style_fragment() {
    let html = "<div><p class=\"ori_titlesource\">　　原标题：河畔新桥今日通车</p>\
        <p>　　本报讯，河畔新桥今日上午正式通车。</p>\
        <div class=\"img_wrapper\"><img src=\"https://n.example.cn/q.jpg\" alt=\"新桥 图片来源：河畔日报\"><span class=\"img_descr\">新桥 图片来源：河畔日报</span></div>\
        <p>　　市民纷纷前来参观。</p>\
        <!--article_adlist[<p><font>相关阅读</font></p>]article_adlist-->\
        <p>　　去年十月，新桥主体完工。</p><p>　　今年三月，新桥完成荷载试验。</p>\
        <!--article_adlist[<p>举报/反馈</p>]article_adlist-->\
        <style>.appendQr_wrap&#123;border:1px&#125;</style>\
        <div class=\"clearfix appendQr_wrap\"><div class=\"appendQr_normal\"><img src=\"https://n.example.cn/qr.png\"></div>\
        <div class=\"appendQr_normal_txt\">海量资讯、精准解读，尽在河畔新闻APP</div></div>\
        <p class=\"article-editor\">责任编辑：林小溪 PK155</p></div>";
    let s = run(html);
    assert_eq!(s.meta.original_title.as_deref(), Some("河畔新桥今日通车"));
    assert_eq!(s.meta.editors, vec!["林小溪"]);
    assert_eq!(
        paragraphs(&s),
        vec!["本报讯，河畔新桥今日上午正式通车。", "市民纷纷前来参观。"]
    );
    assert_eq!(
        images(&s),
        vec![Image {
            url: Some("https://n.example.cn/q.jpg".into()),
            caption: Some("新桥".into()),
            credit: Some("图片来源：河畔日报".into()),
        }]
    );
    assert_eq!(s.related.len(), 1);
    assert_eq!(
        s.related[0].text,
        "去年十月，新桥主体完工。\n今年三月，新桥完成荷载试验。"
    );
    let rules: Vec<&str> = s.removed.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(rules, vec!["original-title", "app-promo", "editor-line"]);
}

#[test]
fn traditional_portal_dump_with_english_version() {
    let dump = "首頁 >  地方\n\n河畔新橋通車\n\n發佈時間:2025-03-01 10:20:30 | 來源:河畔日報 | 作者: | 責任編輯:林小溪\n\n\
        3月1日上午,河畔新橋正式通車。\n\n3月1日上午,河畔新橋正式通車。河畔日報記者 王小明 攝\n\n\
        市長表示,新橋將支援兩岸發展。\n\n\nRiverside bridge opens\n\n\
        The new Riverside bridge opened to traffic on Saturday morning.\n\n\
        The mayor said the bridge will support development on both banks.\n";
    let s = run(dump);
    assert_eq!(s.kind, InputKind::Text);
    assert_eq!(s.profile.as_deref(), Some("portal-dump"));
    assert_eq!(s.meta.breadcrumb, vec!["首頁", "地方"]);
    assert_eq!(s.meta.title.as_deref(), Some("河畔新橋通車"));
    assert_eq!(s.meta.published.as_deref(), Some("2025-03-01 10:20:30"));
    assert_eq!(s.meta.outlet.as_deref(), Some("河畔日報"));
    assert!(s.meta.authors.is_empty());
    assert_eq!(s.meta.editors, vec!["林小溪"]);
    assert_eq!(
        paragraphs(&s),
        vec![
            "3月1日上午,河畔新橋正式通車。",
            "市長表示,新橋將支援兩岸發展。"
        ]
    );
    assert_eq!(
        images(&s),
        vec![Image {
            url: None,
            caption: Some("3月1日上午,河畔新橋正式通車。".into()),
            credit: Some("河畔日報記者 王小明 攝".into()),
        }]
    );
    let t = s.translation.expect("an English version");
    assert_eq!(t.lang, "en");
    assert_eq!(t.title.as_deref(), Some("Riverside bridge opens"));
    assert_eq!(t.paragraphs.len(), 2);
}

#[test]
fn content_farm_dump() {
    let dump = "河畔新桥通车:两岸居民出行更方便\n创始人\n2025-03-02 06:05:11\n0\n\n\
        2025年3月1日,河畔新桥正式通车。\n\n市民表示,过河时间大大缩短。\n\n\n相关内容\n\n热门资讯\n\n\
        河畔公园樱花盛开... 连日来,河畔公园的樱花进入盛花期,吸引大批市民...\n\
        河畔地铁新线开通 河畔地铁五号线今日开通运营,沿线居民...\n";
    let s = run(dump);
    assert_eq!(s.profile.as_deref(), Some("content-farm"));
    assert_eq!(
        s.meta.title.as_deref(),
        Some("河畔新桥通车:两岸居民出行更方便")
    );
    assert!(
        s.meta.authors.is_empty(),
        "a placeholder uploader is not an author"
    );
    assert_eq!(s.meta.published.as_deref(), Some("2025-03-02 06:05:11"));
    assert_eq!(
        paragraphs(&s),
        vec![
            "2025年3月1日,河畔新桥正式通车。",
            "市民表示,过河时间大大缩短。"
        ]
    );
    assert_eq!(s.related.len(), 2);
    assert_eq!(s.related[0].title.as_deref(), Some("河畔公园樱花盛开..."));
    assert_eq!(s.related[1].title.as_deref(), Some("河畔地铁新线开通"));
    let rules: Vec<&str> = s.removed.iter().map(|r| r.rule.as_str()).collect();
    assert!(rules.contains(&"placeholder-uploader"), "{rules:?}");
    assert!(rules.contains(&"comment-count"), "{rules:?}");
}

#[test]
fn full_page_container_meta_and_boilerplate() {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>河畔新桥通车_河畔网</title>\
         <meta property=\"og:title\" content=\"河畔新桥通车\">\
         <meta property=\"article:published_time\" content=\"2025-03-01T10:20:00+08:00\">\
         <meta name=\"keywords\" content=\"河畔,新桥\"><meta property=\"og:image\" content=\"https://img.example.cn/lead.jpg\">\
         </head><body><div class=\"nav\"><ul>",
    );
    for i in 0..15 {
        page.push_str(&format!("<li><a href=\"/c{i}\">频道{i}</a></li>"));
    }
    page.push_str(
        "</ul></div><div class=\"crumb\">首页 > 本地 > 正文</div><h1>河畔新桥通车</h1>\
         <div class=\"info\">2025-03-01 10:20 来源：河畔日报</div><div class=\"main\"><div class=\"text\">",
    );
    for i in 0..6 {
        page.push_str(&format!(
            "<p>　　第{i}段：河畔新桥今日上午正式通车，全长一千二百米，连接东西两岸，市民纷纷前来参观，现场气氛热烈。</p>"
        ));
    }
    page.push_str(
        "<p>责任编辑：林小溪_NF1234</p></div></div><div class=\"side\"><h3>相关新闻</h3><ul>\
         <li><a href=\"/n1\">河畔公园樱花盛开</a></li><li><a href=\"/n2\">河畔地铁新线开通</a></li></ul></div>\
         <div class=\"footer\">Copyright © 2025 河畔网 版权所有</div></body></html>",
    );
    let s = run(&page);
    assert_eq!(s.kind, InputKind::HtmlPage);
    assert_eq!(s.meta.title.as_deref(), Some("河畔新桥通车"));
    assert_eq!(
        s.meta.published.as_deref(),
        Some("2025-03-01T10:20:00+08:00")
    );
    assert_eq!(s.meta.outlet.as_deref(), Some("河畔日报"));
    assert_eq!(s.meta.editors, vec!["林小溪"]);
    assert_eq!(s.meta.keywords, vec!["河畔", "新桥"]);
    assert_eq!(
        s.meta.lead_image.as_deref(),
        Some("https://img.example.cn/lead.jpg")
    );
    let paras = paragraphs(&s);
    assert_eq!(paras.len(), 6, "{paras:?}");
    assert!(paras.iter().all(|p| p.starts_with('第')));
    assert!(s.removed.iter().any(|r| r.text.contains("版权所有")));
    assert!(s.removed.iter().any(|r| r.text == "频道3"));
}

#[test]
fn kinds_parse_and_display() {
    for k in [
        InputKind::HtmlFragment,
        InputKind::HtmlPage,
        InputKind::Text,
    ] {
        assert_eq!(k.to_string().parse::<InputKind>().expect("round trip"), k);
    }
    assert!("pdf".parse::<InputKind>().is_err());
}

#[test]
fn forced_profile_and_unknown_profile() {
    let opts = Options {
        profile: Some("sina".into()),
        ..Options::default()
    };
    let s = strip("<p>河畔新桥通车。</p><p>市民前来参观。</p>", &opts).expect("strip");
    assert_eq!(s.profile.as_deref(), Some("sina"));
    let bad = Options {
        profile: Some("nowhere".into()),
        ..Options::default()
    };
    let err = strip("<p>字</p>", &bad).expect_err("unknown profile");
    assert!(err.to_string().contains("known profiles"), "{err}");
}

#[test]
fn page_byline_bar_breadcrumb_leaf_and_related_links() {
    let page = "<!DOCTYPE html><html><head><title>河畔新桥通车_本地_河畔网</title></head><body>\
        <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/local/\">本地</a></div>\
        <div class=\"crumbs\"><a href=\"/\">首页</a> &gt; <a href=\"/local/\">本地</a> &gt; 正文</div>\
        <div class=\"article\"><h1>河畔新桥通车</h1>\
        <div class=\"info\"><span>2024-03-02 10:15</span> <span>来源：河畔晚报</span> \
        <span>记者 林小溪 周明</span> <span>分享到：<a href=\"javascript:;\">微信</a> <a href=\"javascript:;\">微博</a></span></div>\
        <div class=\"text\">\
        <p>　　3月2日上午，河畔新桥正式通车，全长一千二百米，双向六车道，市民纷纷前来参观。</p>\
        <p>　　新桥由市交通集团负责建设，历时两年完工，通车后两岸车程由四十分钟缩短到十分钟。</p>\
        <p>　　据介绍，新桥还设有观景平台和自行车道，夜间将开启景观照明，方便市民散步游览。</p>\
        </div>\
        <div class=\"links\"><h3>相关新闻</h3><ul>\
        <li><a href=\"https://example.org/a.htm\">河畔新桥完成荷载试验</a><span>2024-02-20</span></li>\
        <li><a href=\"https://example.org/b.htm\">老桥将改造为步行桥</a><span>2024-01-05</span></li>\
        </ul></div></div>\
        <div class=\"side\"><h3>热点排行</h3><ol><li><a href=\"https://example.org/c.htm\">城南公园开放夜场</a></li></ol></div>\
        </body></html>";
    let s = strip(page, &Options::default()).expect("strip");
    assert_eq!(s.kind, InputKind::HtmlPage);
    assert_eq!(s.meta.outlet.as_deref(), Some("河畔晚报"));
    assert_eq!(
        s.meta.authors,
        vec!["林小溪".to_string(), "周明".to_string()]
    );
    assert_eq!(
        s.meta.breadcrumb,
        vec!["首页".to_string(), "本地".to_string()]
    );
    let titles: Vec<_> = s.related.iter().map(|r| r.title.as_deref()).collect();
    assert_eq!(
        titles,
        vec![Some("河畔新桥完成荷载试验"), Some("老桥将改造为步行桥")]
    );
    assert_eq!(
        s.related[0].url.as_deref(),
        Some("https://example.org/a.htm")
    );
    assert!(s.related.iter().all(|r| !r.text.contains("城南公园")));
    assert_eq!(s.blocks.len(), 3);
}

#[test]
fn appended_reports_after_a_related_marker_are_separate_items() {
    let html = "<p>　　河畔新桥今日上午正式通车，全长一千二百米，市民纷纷前来参观。</p>\
        <!--article_adlist[<p>相关阅读</p>]article_adlist-->\
        <p>　　3月1日，市交通集团召开新桥通车准备工作会议。</p>\
        <p>　　会议要求各单位做好交通引导和安全保障工作。</p>\
        <p>　　2月20日下午，新桥荷载试验顺利完成。</p>\
        <p>　　试验共动用重型卡车四十台，各项指标均达到设计要求。</p>\
        <p>　　老桥改造方案公布</p>\
        <p>　　老桥将在新桥通车后改造为步行桥，保留原有石栏杆。</p>\
        <!--article_adlist[<p>举报/反馈</p>]article_adlist-->";
    let s = run(html);
    assert_eq!(paragraphs(&s).len(), 1);
    assert_eq!(s.related.len(), 3, "{:?}", s.related);
    assert!(s.related[0].text.starts_with("3月1日"));
    assert!(s.related[0].text.ends_with("安全保障工作。"));
    assert!(s.related[1].text.starts_with("2月20日下午"));
    assert_eq!(s.related[2].title.as_deref(), Some("老桥改造方案公布"));
    assert!(s.related[2].text.starts_with("老桥将在"));
}

#[test]
fn site_name_is_not_a_headline() {
    let page = "<!DOCTYPE html><html><head><title>河畔新桥正式通车 - 河畔市人民政府门户网站</title>\
        <meta property=\"og:title\" content=\"河畔市人民政府门户网站\"></head><body>\
        <div class=\"logo\"><h1>河畔市人民政府网站</h1></div>\
        <div class=\"text\">\
        <p>　　3月2日上午，河畔新桥正式通车，全长一千二百米，双向六车道，市民纷纷前来参观。</p>\
        <p>　　新桥由市交通集团负责建设，历时两年完工，通车后两岸车程由四十分钟缩短到十分钟。</p>\
        <p>　　据介绍，新桥还设有观景平台和自行车道，夜间将开启景观照明，方便市民散步游览。</p>\
        </div></body></html>";
    let s = strip(page, &Options::default()).expect("strip");
    assert_eq!(s.meta.title.as_deref(), Some("河畔新桥正式通车"));
}

#[test]
fn modified_time_only_when_no_publication_time() {
    let body = "<div class=\"text\">\
        <p>　　3月2日上午，河畔新桥正式通车，全长一千二百米，双向六车道，市民纷纷前来参观。</p>\
        <p>　　新桥由市交通集团负责建设，历时两年完工，通车后两岸车程由四十分钟缩短到十分钟。</p>\
        </div></body></html>";
    let only = format!(
        "<!DOCTYPE html><html><head><title>河畔新桥通车</title>\
         <meta itemprop=\"dateModified\" content=\"2024-03-02 12:00:57\"></head><body>{body}"
    );
    let s = strip(&only, &Options::default()).expect("strip");
    assert_eq!(s.meta.published.as_deref(), Some("2024-03-02 12:00:57"));
    let both = format!(
        "<!DOCTYPE html><html><head><title>河畔新桥通车</title>\
         <meta itemprop=\"dateModified\" content=\"2024-03-05 08:00:00\">\
         <meta property=\"article:published_time\" content=\"2024-03-02T10:15:00+08:00\"></head><body>{body}"
    );
    let s = strip(&both, &Options::default()).expect("strip");
    assert_eq!(
        s.meta.published.as_deref(),
        Some("2024-03-02T10:15:00+08:00")
    );
}
