//! One test per trap that real portal dumps set, on small documents written for the purpose.

use zhnews::{Article, Options, OutputScript};

fn clean(doc: &str) -> Article {
    Article::from_bytes(doc.as_bytes(), &Options::default()).expect("document cleans")
}

const GUANCHA_SHAPE: &str = "\n---\ntitle: '青石镇新建游客中心投入使用'\ncategories: \n - 新媒体\n - 示例观察网\n - 首页\nheadimg: 'https://img.example.com/a.jpg'\nauthor: 示例观察网\ncomments: false\ndate: Sun, 04 Sep 2022 19:37:50 GMT\nthumbnail: 'https://img.example.com/a.jpg'\n---\n\n<div>\n<p>\n9月3日上午，青石镇游客中心正式投入使用。\n</p>\n<p style=\"text-align:center;\">\n<img src=\"https://img.example.com/b.jpg\" title=\"点击查看大图\" class=\"bigimg\" width=\"530\">\n</p>\n<p>\n中心设有咨询台和休息区，可同时接待三百名游客。\n</p>\n</div>\n";

#[test]
fn gmt_front_matter_time_is_given_in_china_time_even_across_midnight() {
    let a = clean(GUANCHA_SHAPE);
    assert_eq!(a.published_at.as_deref(), Some("2022-09-05T03:37:50+08:00"));
    assert_eq!(a.published_precision.as_deref(), Some("second"));
}

#[test]
fn an_outlet_in_the_author_field_is_the_outlet_not_a_person() {
    let a = clean(GUANCHA_SHAPE);
    assert_eq!(a.outlet.as_deref(), Some("示例观察网"));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert_eq!(a.categories, ["新媒体", "示例观察网", "首页"]);
    assert_eq!(
        a.lead_image.as_deref(),
        Some("https://img.example.com/a.jpg")
    );
}

#[test]
fn click_to_enlarge_is_not_a_caption_and_images_keep_their_place() {
    let a = clean(GUANCHA_SHAPE);
    assert_eq!(a.images.len(), 1);
    assert_eq!(a.images[0].caption, None);
    assert_eq!(a.images[0].position, 1);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(!a.text.contains("点击查看大图"));
}

#[test]
fn body_dates_resolve_against_the_publish_time() {
    let a = clean(GUANCHA_SHAPE);
    let d = a
        .dates
        .iter()
        .find(|d| d.text.starts_with("9月3日"))
        .expect("9月3日上午 found");
    assert!(d.start.starts_with("2022-09-03T"), "{d:?}");
}

const TW_DUMP: &str = "首頁 >  地方\n\n梅港市舉辦軟體創新大賽\n\n發佈時間:2024-05-10 09:30:00 | 來源:示例網 | 作者: | 責任編輯:林小美\n\n5月9日上午,梅港市軟體創新大賽在會展中心開幕。\n\n5月9日上午,梅港市軟體創新大賽在會展中心開幕。示例社記者 王大同 攝\n\n主辦方表示,將支援青年團隊把網路技術用於城市服務。德國專家施密伕參加開幕式。\n\n\nMeigang holds software contest\n\nThe city of Meigang opened a software innovation contest on Thursday.\n\nOrganisers said they would support young teams.\n";

#[test]
fn a_traditional_dump_comes_out_in_mainland_script_and_wording() {
    let a = clean(TW_DUMP);
    assert_eq!(a.script.detected, "hant");
    assert_eq!(a.title.as_deref(), Some("梅港市举办软件创新大赛"));
    assert_eq!(a.outlet.as_deref(), Some("示例网"));
    assert_eq!(a.editor.as_deref(), Some("林小美"));
    assert!(a.authors.is_empty());
    assert_eq!(a.published_at.as_deref(), Some("2024-05-10T09:30:00+08:00"));
    assert_eq!(a.categories, ["地方"]);
}

#[test]
fn half_width_punctuation_between_chinese_becomes_full_width() {
    let a = clean(TW_DUMP);
    assert_eq!(
        a.paragraphs[0],
        "5月9日上午，梅港市软件创新大赛在会展中心开幕。"
    );
}

#[test]
fn variant_characters_opencc_leaves_alone_become_standard_forms() {
    let a = clean(TW_DUMP);
    assert!(a.text.contains("施密夫"), "{}", a.text);
    assert!(!a.text.contains('伕'));
}

#[test]
fn photo_credit_lines_become_captions_not_paragraphs() {
    let a = clean(TW_DUMP);
    assert!(
        !a.text.contains("攝") && !a.text.contains("摄"),
        "{}",
        a.text
    );
    assert_eq!(a.images.len(), 1);
    let caption = a.images[0].caption.as_deref().unwrap_or_default();
    assert!(caption.contains("会展中心开幕"), "{caption}");
}

#[test]
fn an_appended_english_version_is_a_translation_left_in_ascii() {
    let a = clean(TW_DUMP);
    let t = a.translation.expect("translation found");
    assert_eq!(t.lang, "en");
    assert_eq!(t.title.as_deref(), Some("Meigang holds software contest"));
    assert_eq!(t.paragraphs.len(), 2);
    assert!(t.paragraphs.iter().all(|p| p.is_ascii()));
    assert!(!a.text.contains("Meigang"));
}

#[test]
fn keep_leaves_the_script_alone() {
    let a = Article::from_bytes(
        TW_DUMP.as_bytes(),
        &Options::default().script(OutputScript::Keep),
    )
    .expect("cleans");
    assert_eq!(a.title.as_deref(), Some("梅港市舉辦軟體創新大賽"));
    assert_eq!(a.script.config, None);
}

const FARM_DUMP: &str = "柳溪公园荷花进入盛花期:市民纷纷前来赏荷\n小编\n2025-07-08 10:12:30\n3\n\n7月7日,柳溪公园的荷花进入盛花期。\n\n公园管理处介绍,今年新增了两个观赏平台。\n\n\n相关内容\n\n热门资讯\n\n城南新建三座口袋公园... 记者从城南区园林局获悉,三座口袋公园将于本月...\n暑期图书馆延长开放时间... 市图书馆宣布,暑期期间每天开放至晚上九点...\n";

#[test]
fn placeholder_uploaders_and_comment_counts_are_not_metadata_or_text() {
    let a = clean(FARM_DUMP);
    assert_eq!(
        a.title.as_deref(),
        Some("柳溪公园荷花进入盛花期：市民纷纷前来赏荷")
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert_eq!(a.published_at.as_deref(), Some("2025-07-08T10:12:30+08:00"));
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
    assert!(a.paragraphs.iter().all(|p| p != "3" && p != "小编"));
}

#[test]
fn teaser_lists_go_to_related_not_the_body() {
    let a = clean(FARM_DUMP);
    assert!(!a.text.contains("口袋公园"));
    assert!(!a.text.contains("..."));
    assert!(a.related.iter().any(|r| r.text.contains("口袋公园")
        || r.title.as_deref().is_some_and(|t| t.contains("口袋公园"))));
}

const SINA_SHAPE: &str = "---\ntitle: '示例港口吞吐量创新高'\nauthor: 示例财经\ndate: Fri, 03 Dec 2021 05:42:17 GMT\n---\n<div>\n<p class=\"ori_titlesource\">　　原标题：示例港口前十月吞吐量创新高</p>\n<p>　　据示例港务集团消息，前十个月港口吞吐量同比增长一成。</p>\n<div class=\"img_wrapper\"><img src=\"https://img.example.com/p.jpg\" alt=\"集装箱码头 图片来源：示例港务\"><span class=\"img_descr\">集装箱码头 图片来源：示例港务</span></div>\n<p>　　集团表示，将继续扩大航线网络。</p>\n<!--article_adlist[<p><font>相关阅读</font></p>]article_adlist-->\n<p>　　11月30日，另一家港口发布了年度报告。</p>\n<!--article_adlist[<p><font>举报/反馈</font></p>]article_adlist-->\n<p class=\"article-editor\">责任编辑：赵小六 SF001</p>\n</div>\n";

#[test]
fn sina_shape_original_title_editor_caption_and_related() {
    let a = clean(SINA_SHAPE);
    assert_eq!(
        a.original_title.as_deref(),
        Some("示例港口前十月吞吐量创新高")
    );
    assert_eq!(a.outlet.as_deref(), Some("示例财经"));
    assert_eq!(a.editor.as_deref(), Some("赵小六"));
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
    assert!(a.paragraphs.iter().all(|p| !p.starts_with('\u{3000}')));
    assert!(!a.text.contains("原标题") && !a.text.contains("责任编辑") && !a.text.contains("举报"));
    assert!(!a.text.contains("另一家港口"));
    assert!(a.related.iter().any(|r| r.text.contains("另一家港口")));
    assert_eq!(a.images.len(), 1);
    assert_eq!(a.images[0].caption.as_deref(), Some("集装箱码头"));
    assert_eq!(a.images[0].credit.as_deref(), Some("图片来源：示例港务"));
}

#[test]
fn every_record_serialises_with_the_documented_fields() {
    let a = clean(SINA_SHAPE);
    let json = serde_json::to_value(&a).expect("serialises");
    for field in [
        "schema_version",
        "id",
        "source",
        "portal",
        "encoding",
        "title",
        "original_title",
        "outlet",
        "authors",
        "editor",
        "published_at",
        "categories",
        "lead_image",
        "images",
        "paragraphs",
        "text",
        "translation",
        "related",
        "script",
        "dates",
        "warnings",
    ] {
        assert!(json.get(field).is_some(), "field {field} missing");
    }
    assert_eq!(json["schema_version"], zhnews::SCHEMA_VERSION);
    assert_eq!(json["text"], a.paragraphs.join("\n"));
    let back: Article = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, a);
}

#[test]
fn empty_and_oversized_documents_are_errors_not_records() {
    let empty = Article::from_bytes(b"  \n", &Options::default()).expect_err("empty is an error");
    assert_eq!(empty.kind(), "empty");
    let big = vec![b'a'; zhnews::MAX_DOCUMENT_BYTES + 1];
    let err = Article::from_bytes(&big, &Options::default()).expect_err("too large");
    assert_eq!(err.kind(), "too_large");
}
