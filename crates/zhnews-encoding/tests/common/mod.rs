//! The project's own encoding test set: invented news-like sentences, encoded every way Chinese
//! news arrives (legacy, UTF-8, UTF-16 with and without BOM, HTML and XML with honest, missing
//! and lying declarations), short (one sentence) and long (about 5 KB).

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::OnceLock;
use zhnews_encoding::encoding_rs::{BIG5, Encoding, GB18030, UTF_8};

/// Invented Simplified Chinese news sentences.
pub const SIMPLIFIED: &[&str] = &[
    "本报讯，市气象台今天发布消息，预计未来三天全市以晴到多云天气为主。",
    "记者从市交通运输局获悉，新开通的地铁五号线日均客流已突破二十万人次。",
    "据新华社电，今年前三季度全国粮食总产量稳中有增，秋粮收购工作有序展开。",
    "市教育局表示，将在明年春季学期前新建十二所小学，缓解城区入学压力。",
    "昨日下午，一场突如其来的暴雨导致部分路段积水，交警部门紧急疏导交通。",
    "该公司发布公告称，第三季度营业收入同比增长18%，净利润小幅下滑。",
    "专家提醒，秋冬季节是呼吸道疾病高发期，市民应注意保暖并及时接种疫苗。",
    "在昨晚结束的全国青年足球联赛决赛中，东道主球队以2比1逆转夺冠。",
    "文化和旅游部门统计显示，国庆假期全省共接待游客三千余万人次。",
    "为保障冬季供暖，热力公司提前完成了全部管网的检修和试运行工作。",
    "近日，一批来自西部山区的优质农产品通过直播带货走进了城市家庭。",
    "法院审理查明，被告人利用职务便利多次收受他人财物，数额特别巨大。",
    "航天科技集团宣布，新一代运载火箭将于下月在海南文昌发射场首飞。",
    "受冷空气影响，北方大部地区气温将下降8至10℃，局地有大风降温。",
    "社区志愿者连续三个月为独居老人送餐上门，受到居民的一致好评。",
    "央行今日开展1000亿元逆回购操作，维持银行体系流动性合理充裕。",
    "考古人员在古城遗址中发现了一批保存完好的汉代陶器和青铜器。",
    "新能源汽车下乡活动在县城举行，吸引了数千名农民朋友前来参观。",
    "市场监管部门对节前食品安全进行了专项检查，未发现重大问题。",
    "港口集装箱吞吐量连续六个月保持增长，外贸形势总体稳定向好。",
    "图书馆延长开放时间至晚上十点，方便上班族下班后前来阅读。",
    "研究团队在国际期刊上发表论文，介绍了一种新型电池材料的制备方法。",
    "由于连日降雨，景区部分步道暂时关闭，游客出行前请关注官方通知。",
    "经过两年建设，跨江大桥主体工程顺利合龙，预计年底前通车。",
    "“我们会继续做好服务。”该负责人在接受采访时说。",
    "截至发稿时，相关部门仍在调查事故原因，伤者已被送往医院救治。",
];

/// Invented Traditional Chinese news sentences (Taiwan and Hong Kong usage).
pub const TRADITIONAL: &[&str] = &[
    "中央氣象局今日表示，颱風預計明晚登陸東部沿海，請民眾做好防颱準備。",
    "立法院昨日三讀通過修正案，未來勞工每年特休假將再增加兩天。",
    "台北市政府宣布，捷運新線將於明年農曆春節前正式通車營運。",
    "據統計，今年第三季出口金額創下歷史新高，半導體產品貢獻最大。",
    "衛生福利部提醒，流感疫苗開打首週已有超過50萬人完成接種。",
    "香港特區政府公布新一輪資助計劃，協助中小企業應對經營壓力。",
    "警方在昨晚的掃蕩行動中查獲大批走私香菸，三名嫌犯當場被捕。",
    "教育部決定自下學年起，國中小學每週增加一節體育課。",
    "知名作家新書發表會吸引數百名讀者到場，現場氣氛十分熱烈。",
    "受東北季風影響，北部及東北部地區將有短暫陣雨，氣溫明顯下降。",
    "高鐵公司表示，連假期間將加開班次，疏運返鄉及旅遊人潮。",
    "研究人員發現，適度運動有助於降低中年族群罹患慢性病的風險。",
    "金融管理局維持基本利率不變，市場普遍預期年底前不會調整。",
    "縣府舉辦農特產品展售會，邀請在地小農直接與消費者面對面。",
    "國際書展今年以永續發展為主題，展期共六天，預計吸引五十萬人次。",
    "颱風過後，多處山區道路坍方，公路總局正全力搶修中。",
    "市議會審查明年度預算，議員關注社會住宅與長期照顧經費。",
    "這項調查訪問了一千兩百位成年民眾，誤差範圍為正負三個百分點。",
    "機場第三航廈擴建工程進度超前，預計提前半年完工啟用。",
    "棒球經典賽中華隊昨日以5比3擊敗對手，晉級下一輪比賽。",
    "環保署呼籲民眾減少使用一次性餐具，共同降低塑膠垃圾量。",
    "消防局統計，今年住宅火災多因電器使用不當引起，請民眾注意。",
    "大學入學考試成績今日公布，考生可上網查詢個人分數。",
    "博物館推出宋代書畫特展，展出多件首次公開的珍貴館藏。",
    "「我們會持續關注後續發展。」發言人在記者會上表示。",
];

/// Invented Hong Kong (Cantonese) sentences with characters that only Big5-HKSCS has.
pub const HKSCS: &[&str] = &[
    "呢間茶樓嘅點心好出名，週末排隊要成個鐘。",
    "佢哋話部𨋢壞咗，要行樓梯上去十樓。",
    "嗰個新屋苑啲單位冇乜人買，發展商決定減價。",
    "天文台話今晚會落大雨，出街買嘢記得帶遮。",
    "佢喺九龍城開咗間冰室，生意好到不得了。",
    "區議員話會跟進屋邨升降機維修嘅問題，唔會再拖。",
];

/// Invented Simplified sentences with characters GB18030 writes in four bytes.
pub const GB18030_RARE: &[&str] = &[
    "村民在祠堂梁上发现“㙓”和“𪚥”两个罕见字，引起文字学者关注。",
    "网友热议的生僻字“𠮷”在新版字库中终于可以正常显示。",
    "这份古籍记载了“㐀”“㐁”等字的读音，为研究提供了新材料。",
    "户籍窗口表示，姓名中含有“𡈼”等字的市民可以到现场办理登记。",
];

/// Which script family a text is in; decides its legacy encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// GBK / GB18030.
    Simplified,
    /// Big5 (HKSCS when needed).
    Traditional,
}

/// One test document.
#[derive(Clone, Debug)]
pub struct Case {
    /// A short description: family, size, form.
    pub name: String,
    /// The bytes to decode.
    pub bytes: Vec<u8>,
    /// The exact text that must come out.
    pub expected: String,
    /// The encoding that must be reported.
    pub encoding: &'static Encoding,
    /// Form of the case (for per-form tallies).
    pub form: &'static str,
}

/// Big5-HKSCS bytes for characters the WHATWG Big5 encoder leaves out (lead bytes below 0xA1),
/// read back from the decoder's table.
fn hkscs_map() -> &'static HashMap<char, [u8; 2]> {
    static MAP: OnceLock<HashMap<char, [u8; 2]>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for lead in 0x81u8..=0xFE {
            for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
                let pair = [lead, trail];
                let (text, had_errors) = BIG5.decode_without_bom_handling(&pair);
                let mut chars = text.chars();
                if let (false, Some(c), None) = (had_errors, chars.next(), chars.next()) {
                    map.entry(c).or_insert(pair);
                }
            }
        }
        map
    })
}

/// Encodes in the family's legacy encoding; panics if a character cannot be written (the test
/// set only uses characters that can).
pub fn legacy(text: &str, family: Family) -> (Vec<u8>, &'static Encoding) {
    match family {
        Family::Simplified => {
            let (bytes, _, unmappable) = GB18030.encode(text);
            assert!(!unmappable, "not GB18030: {text}");
            (bytes.into_owned(), GB18030)
        }
        Family::Traditional => {
            let mut out = Vec::new();
            let mut buf = [0u8; 4];
            for c in text.chars() {
                let s = c.encode_utf8(&mut buf);
                let (bytes, _, unmappable) = BIG5.encode(s);
                if !unmappable {
                    out.extend_from_slice(&bytes);
                } else {
                    let pair = hkscs_map()
                        .get(&c)
                        .unwrap_or_else(|| panic!("not Big5-HKSCS: {c}"));
                    out.extend_from_slice(pair);
                }
            }
            (out, BIG5)
        }
    }
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if le {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn html(body: &str, meta: &str) -> String {
    let title: String = body.chars().take(12).collect();
    let paragraphs: String = body.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n{meta}<title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n<article>\n\
         <h1>{title}</h1>\n{paragraphs}</article>\n</body>\n</html>\n"
    )
}

fn xml(body: &str, encoding: Option<&str>) -> String {
    let decl = match encoding {
        Some(e) => format!("<?xml version=\"1.0\" encoding=\"{e}\"?>\n"),
        None => String::new(),
    };
    let title: String = body.chars().take(12).collect();
    format!(
        "{decl}<rss version=\"2.0\">\n<channel>\n<item>\n<title>{title}</title>\n\
         <description>{body}</description>\n</item>\n</channel>\n</rss>\n"
    )
}

/// Long texts: sentences joined into paragraphs until the legacy encoding is about 5 KB.
fn long(sentences: &[&str], start: usize, family: Family) -> String {
    let mut text = String::new();
    let mut i = start;
    while legacy(&text, family).0.len() < 5000 {
        text.push_str(sentences[i % sentences.len()]);
        if i % 3 == 2 {
            text.push('\n');
        }
        i += 1;
    }
    text
}

fn push(
    cases: &mut Vec<Case>,
    name: String,
    form: &'static str,
    bytes: Vec<u8>,
    expected: String,
    encoding: &'static Encoding,
) {
    cases.push(Case {
        name: format!("{name} {form}"),
        bytes,
        expected,
        encoding,
        form,
    });
}

fn forms(cases: &mut Vec<Case>, name: &str, text: &str, family: Family) {
    let (legacy_bytes, legacy_enc) = legacy(text, family);
    let n = || name.to_string();
    let label = if family == Family::Simplified {
        "gbk"
    } else {
        "big5"
    };
    let wrong_legacy = if family == Family::Simplified {
        "big5"
    } else {
        "gb2312"
    };
    let t = text.to_string();
    push(
        cases,
        n(),
        "legacy",
        legacy_bytes.clone(),
        t.clone(),
        legacy_enc,
    );
    push(
        cases,
        n(),
        "utf-8",
        t.clone().into_bytes(),
        t.clone(),
        UTF_8,
    );
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    push(cases, n(), "utf-8 bom", bom, t.clone(), UTF_8);
    let le = zhnews_encoding::encoding_rs::UTF_16LE;
    let be = zhnews_encoding::encoding_rs::UTF_16BE;
    push(
        cases,
        n(),
        "utf-16le bom",
        utf16(text, true, true),
        t.clone(),
        le,
    );
    push(
        cases,
        n(),
        "utf-16be bom",
        utf16(text, false, true),
        t.clone(),
        be,
    );
    push(
        cases,
        n(),
        "utf-16le",
        utf16(text, true, false),
        t.clone(),
        le,
    );
    push(
        cases,
        n(),
        "utf-16be",
        utf16(text, false, false),
        t.clone(),
        be,
    );

    let honest = html(text, &format!("<meta charset=\"{label}\">\n"));
    push(
        cases,
        n(),
        "html honest",
        legacy(&honest, family).0,
        honest.clone(),
        legacy_enc,
    );
    let pragma = html(
        text,
        &format!(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\">\n",
            if family == Family::Simplified {
                "gb2312"
            } else {
                "big5"
            }
        ),
    );
    push(
        cases,
        n(),
        "html honest http-equiv",
        legacy(&pragma, family).0,
        pragma.clone(),
        legacy_enc,
    );
    let missing = html(text, "");
    push(
        cases,
        n(),
        "html missing",
        legacy(&missing, family).0,
        missing.clone(),
        legacy_enc,
    );
    push(
        cases,
        n(),
        "html utf-8 missing",
        missing.clone().into_bytes(),
        missing.clone(),
        UTF_8,
    );
    let lie_over_utf8 = html(text, "<meta charset=\"gb2312\">\n");
    push(
        cases,
        n(),
        "html lying legacy-over-utf-8",
        lie_over_utf8.clone().into_bytes(),
        lie_over_utf8,
        UTF_8,
    );
    let lie_utf8 = html(text, "<meta charset=\"utf-8\">\n");
    push(
        cases,
        n(),
        "html lying utf-8-over-legacy",
        legacy(&lie_utf8, family).0,
        lie_utf8.clone(),
        legacy_enc,
    );
    let lie_other = html(text, &format!("<meta charset=\"{wrong_legacy}\">\n"));
    push(
        cases,
        n(),
        "html lying other-legacy",
        legacy(&lie_other, family).0,
        lie_other.clone(),
        legacy_enc,
    );
    let lie_latin = html(text, "<meta charset=\"iso-8859-1\">\n");
    push(
        cases,
        n(),
        "html lying latin1-over-legacy",
        legacy(&lie_latin, family).0,
        lie_latin.clone(),
        legacy_enc,
    );

    let xml_label = if family == Family::Simplified {
        "GB2312"
    } else {
        "Big5"
    };
    let honest = xml(text, Some(xml_label));
    push(
        cases,
        n(),
        "xml honest",
        legacy(&honest, family).0,
        honest.clone(),
        legacy_enc,
    );
    let missing = xml(text, None);
    push(
        cases,
        n(),
        "xml missing",
        legacy(&missing, family).0,
        missing.clone(),
        legacy_enc,
    );
    let lie = xml(text, Some(xml_label));
    push(
        cases,
        n(),
        "xml lying legacy-over-utf-8",
        lie.clone().into_bytes(),
        lie,
        UTF_8,
    );
    let lie = xml(text, Some("UTF-8"));
    push(
        cases,
        n(),
        "xml lying utf-8-over-legacy",
        legacy(&lie, family).0,
        lie.clone(),
        legacy_enc,
    );
}

/// The whole test set.
pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (i, s) in SIMPLIFIED.iter().enumerate() {
        forms(
            &mut cases,
            &format!("simplified short #{i}"),
            s,
            Family::Simplified,
        );
    }
    for (i, s) in TRADITIONAL.iter().enumerate() {
        forms(
            &mut cases,
            &format!("traditional short #{i}"),
            s,
            Family::Traditional,
        );
    }
    for (i, s) in HKSCS.iter().enumerate() {
        forms(
            &mut cases,
            &format!("hkscs short #{i}"),
            s,
            Family::Traditional,
        );
    }
    for (i, s) in GB18030_RARE.iter().enumerate() {
        forms(
            &mut cases,
            &format!("gb18030-4byte short #{i}"),
            s,
            Family::Simplified,
        );
    }
    for start in [0, 5, 11, 17] {
        let text = long(SIMPLIFIED, start, Family::Simplified);
        forms(
            &mut cases,
            &format!("simplified long @{start}"),
            &text,
            Family::Simplified,
        );
        let text = long(TRADITIONAL, start, Family::Traditional);
        forms(
            &mut cases,
            &format!("traditional long @{start}"),
            &text,
            Family::Traditional,
        );
    }
    let mixed_hk: Vec<&str> = HKSCS.iter().chain(TRADITIONAL.iter()).copied().collect();
    let text = long(&mixed_hk, 0, Family::Traditional);
    forms(&mut cases, "hkscs long", &text, Family::Traditional);
    let mixed_gb: Vec<&str> = GB18030_RARE
        .iter()
        .chain(SIMPLIFIED.iter())
        .copied()
        .collect();
    let text = long(&mixed_gb, 0, Family::Simplified);
    forms(&mut cases, "gb18030-4byte long", &text, Family::Simplified);
    cases
}
