//! Detection on the project's own sentences, converted each way by OpenCC
//! 1.4.2 (s2t, s2tw, s2twp, s2hk; the conversions are data, written out once
//! with OpenCC's Python package) and on hand-written regional text.
//!
//! The accuracy figures are printed with
//! `cargo test -p zhnews-script --test detect -- --nocapture`.

use proptest::prelude::*;
use zhnews_script::{Detection, Region, Script, detect};

fn script_hits(texts: &[&str], want: Script) -> usize {
    texts.iter().filter(|t| detect(t).script == want).count()
}

fn joined(texts: &[&str]) -> String {
    texts.join("\n")
}

#[test]
fn sentences_get_their_script() {
    let cases: [(&str, &[&str], Script); 5] = [
        ("hans", &HANS, Script::Hans),
        ("s2t", &S2T, Script::Hant),
        ("s2tw", &S2TW, Script::Hant),
        ("s2twp", &S2TWP, Script::Hant),
        ("s2hk", &S2HK, Script::Hant),
    ];
    let mut total = 0;
    let mut right = 0;
    for (name, texts, want) in cases {
        let hits = script_hits(texts, want);
        eprintln!("script {name}: {hits}/{} sentences", texts.len());
        total += texts.len();
        right += hits;
    }
    eprintln!("script overall: {right}/{total}");
    assert_eq!(right, total);
}

/// Region per sentence, counting only sentences where the regional
/// conversion differs both from OpenCC's standard s2t output and from the
/// other region's conversion (elsewhere the text carries no evidence that
/// tells the regions apart: 爲 → 為 is what both write).
#[test]
fn sentences_get_their_region_when_they_show_one() {
    let cases: [(&str, &[&str], &[&str], Region); 3] = [
        ("s2tw", &S2TW, &S2HK, Region::Taiwan),
        ("s2twp", &S2TWP, &S2HK, Region::Taiwan),
        ("s2hk", &S2HK, &S2TW, Region::HongKong),
    ];
    let mut total = 0;
    let mut right = 0;
    for (name, texts, other, want) in cases {
        let mut n = 0;
        let mut hits = 0;
        for ((t, standard), other) in texts.iter().zip(S2T).zip(other) {
            if *t == standard || t == other {
                continue;
            }
            n += 1;
            if detect(t).region == Some(want) {
                hits += 1;
            } else {
                eprintln!("  missed {name}: {t} -> {:?}", zhnews_script::detect(t));
            }
        }
        eprintln!("region {name}: {hits}/{n} distinguishable sentences");
        total += n;
        right += hits;
    }
    eprintln!("region overall: {right}/{total}");
    assert!(
        right * 100 >= total * 75,
        "region accuracy {right}/{total} below 75%"
    );
}

#[test]
fn opencc_standard_text_has_no_region_or_a_weak_one() {
    let wrong = S2T
        .iter()
        .filter(|t| detect(t).region == Some(Region::Taiwan))
        .count();
    eprintln!("s2t sentences called Taiwan: {wrong}/{}", S2T.len());
    assert!(wrong <= 2);
}

#[test]
fn whole_documents_get_script_and_region() {
    let want = [
        (joined(&HANS), Script::Hans, None),
        (joined(&S2T), Script::Hant, None),
        (joined(&S2TW), Script::Hant, Some(Region::Taiwan)),
        (joined(&S2TWP), Script::Hant, Some(Region::Taiwan)),
        (joined(&S2HK), Script::Hant, Some(Region::HongKong)),
    ];
    for (text, script, region) in want {
        assert_eq!(
            detect(&text),
            Detection { script, region },
            "{}",
            &text[..60]
        );
    }
}

#[test]
fn mixing_both_scripts_is_mixed() {
    let text = format!("{}{}", HANS[0], S2T[1]);
    assert_eq!(detect(&text).script, Script::Mixed);
    // One stray simplified character in a long Traditional text is noise.
    let text = format!("{}{}{}专", S2T[2], S2T[3], S2T[4]);
    assert_eq!(detect(&text).script, Script::Hant);
}

#[test]
fn hand_written_regional_text() {
    let tw = "這款軟體可以在網路上免費下載，使用者的資料會存在雲端伺服器裡。";
    assert_eq!(
        detect(tw),
        Detection {
            script: Script::Hant,
            region: Some(Region::Taiwan)
        }
    );
    let hk = "佢話今日搭的士返屋企，港鐵嘅服務又延誤咗。";
    assert_eq!(
        detect(hk),
        Detection {
            script: Script::Hant,
            region: Some(Region::HongKong)
        }
    );
    // Shared regional forms (為, not OpenCC's 爲) and nothing else: Taiwan.
    let shared = "中方支援對方的發展道路，也為國際合作作出貢獻。";
    assert_eq!(
        detect(shared),
        Detection {
            script: Script::Hant,
            region: Some(Region::Taiwan)
        }
    );
    // OpenCC's standard forms: no region.
    let standard = "中方支援對方的發展道路，也爲國際合作作出貢獻。";
    assert_eq!(
        detect(standard),
        Detection {
            script: Script::Hant,
            region: None
        }
    );
    let hk_formal = "特區政府表示，立法會將於下周討論新的稅務安排，市民可透過網絡遞交意見。";
    assert_eq!(detect(hk_formal).region, Some(Region::HongKong));
}

#[test]
fn non_chinese_text() {
    for t in [
        "",
        "Hello, world.",
        "2024-04-10 08:57:34",
        "東京の天気は晴れです。明日も暖かくなるでしょう。",
        "서울의 날씨는 맑습니다",
    ] {
        assert_eq!(detect(t).script, Script::NonChinese, "{t}");
        assert_eq!(detect(t).region, None);
    }
    // Japanese dense with kanji is still Japanese; a brand name with の in
    // Chinese text is still Chinese.
    assert_eq!(
        detect("日本政府は十日、新たな経済対策を閣議決定した。").script,
        Script::NonChinese
    );
    assert_eq!(
        detect("这家吉野家の牛丼店今天开业，门口排起了长队。").script,
        Script::Hans
    );
    // Chinese with an English translation is still Chinese.
    let bilingual = format!(
        "{} Chinese President met the minister in Beijing on Tuesday.",
        HANS[17]
    );
    assert_eq!(detect(&bilingual).script, Script::Hans);
}

#[test]
fn detection_picks_the_conversion_to_simplified() {
    use zhnews_script::Config;
    let doc = |texts: &[&str]| detect(&joined(texts)).to_simplified();
    assert_eq!(doc(&HANS), None);
    assert_eq!(doc(&S2T), Some(Config::T2s));
    assert_eq!(doc(&S2TWP), Some(Config::Tw2sp));
    assert_eq!(doc(&S2HK), Some(Config::Hk2sp));
    assert_eq!(detect("Hello").to_simplified(), None);
    assert_eq!(
        detect(&format!("{}{}", HANS[0], S2T[1])).to_simplified(),
        Some(Config::T2s)
    );
}

#[test]
fn simplified_text_never_has_a_region() {
    for t in HANS {
        assert_eq!(detect(t).region, None, "{t}");
    }
}

proptest! {
    #[test]
    fn detect_never_panics(s in "\\PC{0,200}") {
        let d = detect(&s);
        if d.script != Script::Hant {
            prop_assert_eq!(d.region, None);
        }
    }

    #[test]
    fn detect_never_panics_on_cjk_mixes(s in "[\\u{3000}-\\u{30ff}\\u{4e00}-\\u{9fff}\\u{20000}-\\u{2000f}a-z ,.]{0,120}") {
        let _ = detect(&s);
    }

    /// Any stretch of Simplified text reads as Simplified, after OpenCC's s2t
    /// never as Mixed, and after t2s back as Simplified again: the tables and
    /// the converter agree character by character.
    #[test]
    fn windows_of_converted_text_keep_their_script(i in 0..HANS.len(), a in 0usize..60, len in 1usize..40) {
        let chars: Vec<char> = HANS[i].chars().collect();
        let a = a.min(chars.len() - 1);
        let window: String = chars[a..(a + len).min(chars.len())].iter().collect();
        let before = detect(&window).script;
        prop_assert!(matches!(before, Script::Hans | Script::NonChinese), "{} -> {:?}", window, before);
        let converted = zhnews_script::Converter::new(zhnews_script::Config::S2t).convert(&window);
        let after = detect(&converted).script;
        prop_assert!(matches!(after, Script::Hant | Script::Hans | Script::NonChinese), "{} -> {:?}", converted, after);
        let back = zhnews_script::Converter::new(zhnews_script::Config::T2s).convert(&converted);
        let round = detect(&back).script;
        prop_assert!(matches!(round, Script::Hans | Script::NonChinese), "{} -> {:?}", back, round);
    }

    #[test]
    fn ascii_is_never_chinese(s in "[ -~\\n]{0,200}") {
        prop_assert_eq!(detect(&s).script, Script::NonChinese);
    }
}

/// The project's own sentences.
const HANS: [&str; 50] = [
    "市政府昨天发布通知，从下个月起调整公共交通票价，乘客可以通过手机软件查询新的线路信息。",
    "这家科技公司宣布，将在明年推出新一代人工智能芯片，用于数据中心和服务器。",
    "受强冷空气影响，北方大部分地区气温将下降八到十度，气象台提醒市民注意保暖。",
    "警方表示，案发时嫌疑人乘坐一辆出租车离开现场，目前正在调取沿线监控录像。",
    "该国财政部长说，今年的税收收入比去年增长了百分之六，主要来自企业所得税。",
    "足球联赛第二十轮比赛中，主队在补时阶段攻入一球，以二比一战胜了客队。",
    "研究人员在实验里发现，这种新材料在高温下仍然能够保持稳定的导电性能。",
    "为了缓解交通拥堵，城市将在三条主干道上增设公交专用车道。",
    "消费者协会提醒，网购时要注意核对商家资质，不要轻易点击陌生链接。",
    "这部纪录片讲述了一位乡村教师坚守山区三十年的故事，播出后引发广泛关注。",
    "银行发布报告称，第三季度个人住房贷款余额环比小幅下降。",
    "他说自己在网络上看到了招聘信息，随后通过视频面试获得了这份工作。",
    "新建的图书馆设有三百个阅览座位，并为读者提供免费的无线网络。",
    "专家认为，电池技术的进步将进一步推动电动汽车的普及。",
    "暴雨导致部分路段积水严重，交通管理部门临时封闭了两条隧道。",
    "这位歌手的新专辑上线首日销量突破十万张，创下个人纪录。",
    "学校决定从本学期开始开设编程课程，学生可以在电脑教室里学习编写程序。",
    "发言人强调，双方将继续保持密切沟通，推动两国关系稳定发展。",
    "这座老桥经过一年的加固维修，本周末重新向行人和车辆开放。",
    "据统计，今年前十个月全市接待游客人数已经超过去年全年。",
    "医院开通了线上预约挂号服务，患者可以用手机选择就诊时间。",
    "运动员在比赛结束后说，自己对这次的成绩感到非常满意。",
    "工厂负责人介绍，新生产线投产后，每天可以多生产两千台洗衣机。",
    "该软件的最新版本修复了多个安全漏洞，建议用户尽快更新。",
    "市民反映小区附近的垃圾清运不及时，街道办事处已经着手解决。",
    "展览展出了两百多件文物，其中一些是首次向公众展示。",
    "调查显示，越来越多的年轻人愿意把业余时间用于学习新技能。",
    "他把数据存在移动硬盘里，又在云端保存了一份备份。",
    "由于燃油价格上涨，航空公司宣布从下月起上调燃油附加费。",
    "这场音乐会的门票在开售后十分钟内就全部售完。",
    "当地政府为受灾群众搭建了临时安置点，并送去了食品和饮用水。",
    "警察提醒司机，雨天行车要降低车速，保持安全距离。",
    "公司的信息系统在周一凌晨出现故障，部分用户无法登录。",
    "这项调查由三所大学的研究团队共同完成，历时两年。",
    "新开的地铁线路连接了机场和市中心，单程只需二十五分钟。",
    "农业部门预计，今年的粮食产量将再创新高。",
    "孩子们在公园里放风筝，天空中飘着各种颜色的风筝。",
    "记者从有关部门获悉，这条高速公路将于年底全线通车。",
    "他用鼠标点击了屏幕上的按钮，打印机随即开始工作。",
    "评论员指出，这次改革的关键在于落实，而不是停留在文件上。",
    "温度计显示室外只有零下五度，不少市民穿上了厚厚的羽绒服。",
    "这家餐厅的老板说，疫情过后客流逐渐恢复，生意越来越好。",
    "新规定要求所有电动自行车必须佩戴头盔上路。",
    "这本小说讲述了一个家族三代人在动荡年代里的命运。",
    "网友们在社交媒体上热烈讨论这部电影的结局。",
    "消防员花了两个小时才把大火扑灭，所幸没有人员伤亡。",
    "出口数据好于预期，带动股市在午后明显反弹。",
    "为庆祝建校一百周年，学校举办了一系列学术讲座和文艺演出。",
    "她表示，自己会认真听取大家的意见，把工作做得更好。",
    "这位老人每天早上都会在河边散步，已经坚持了二十年。",
];

/// HANS converted by OpenCC 1.4.2 s2t.
const S2T: [&str; 50] = [
    "市政府昨天發佈通知，從下個月起調整公共交通票價，乘客可以通過手機軟件查詢新的線路信息。",
    "這家科技公司宣佈，將在明年推出新一代人工智能芯片，用於數據中心和服務器。",
    "受強冷空氣影響，北方大部分地區氣溫將下降八到十度，氣象臺提醒市民注意保暖。",
    "警方表示，案發時嫌疑人乘坐一輛出租車離開現場，目前正在調取沿線監控錄像。",
    "該國財政部長說，今年的稅收收入比去年增長了百分之六，主要來自企業所得稅。",
    "足球聯賽第二十輪比賽中，主隊在補時階段攻入一球，以二比一戰勝了客隊。",
    "研究人員在實驗裏發現，這種新材料在高溫下仍然能夠保持穩定的導電性能。",
    "爲了緩解交通擁堵，城市將在三條主幹道上增設公交專用車道。",
    "消費者協會提醒，網購時要注意覈對商家資質，不要輕易點擊陌生鏈接。",
    "這部紀錄片講述了一位鄉村教師堅守山區三十年的故事，播出後引發廣泛關注。",
    "銀行發佈報告稱，第三季度個人住房貸款餘額環比小幅下降。",
    "他說自己在網絡上看到了招聘信息，隨後通過視頻面試獲得了這份工作。",
    "新建的圖書館設有三百個閱覽座位，併爲讀者提供免費的無線網絡。",
    "專家認爲，電池技術的進步將進一步推動電動汽車的普及。",
    "暴雨導致部分路段積水嚴重，交通管理部門臨時封閉了兩條隧道。",
    "這位歌手的新專輯上線首日銷量突破十萬張，創下個人紀錄。",
    "學校決定從本學期開始開設編程課程，學生可以在電腦教室裏學習編寫程序。",
    "發言人強調，雙方將繼續保持密切溝通，推動兩國關係穩定發展。",
    "這座老橋經過一年的加固維修，本週末重新向行人和車輛開放。",
    "據統計，今年前十個月全市接待遊客人數已經超過去年全年。",
    "醫院開通了線上預約掛號服務，患者可以用手機選擇就診時間。",
    "運動員在比賽結束後說，自己對這次的成績感到非常滿意。",
    "工廠負責人介紹，新生產線投產後，每天可以多生產兩千臺洗衣機。",
    "該軟件的最新版本修復了多個安全漏洞，建議用戶儘快更新。",
    "市民反映小區附近的垃圾清運不及時，街道辦事處已經着手解決。",
    "展覽展出了兩百多件文物，其中一些是首次向公衆展示。",
    "調查顯示，越來越多的年輕人願意把業餘時間用於學習新技能。",
    "他把數據存在移動硬盤裏，又在雲端保存了一份備份。",
    "由於燃油價格上漲，航空公司宣佈從下月起上調燃油附加費。",
    "這場音樂會的門票在開售後十分鐘內就全部售完。",
    "當地政府爲受災羣衆搭建了臨時安置點，並送去了食品和飲用水。",
    "警察提醒司機，雨天行車要降低車速，保持安全距離。",
    "公司的信息系統在週一凌晨出現故障，部分用戶無法登錄。",
    "這項調查由三所大學的研究團隊共同完成，歷時兩年。",
    "新開的地鐵線路連接了機場和市中心，單程只需二十五分鐘。",
    "農業部門預計，今年的糧食產量將再創新高。",
    "孩子們在公園裏放風箏，天空中飄着各種顏色的風箏。",
    "記者從有關部門獲悉，這條高速公路將於年底全線通車。",
    "他用鼠標點擊了屏幕上的按鈕，打印機隨即開始工作。",
    "評論員指出，這次改革的關鍵在於落實，而不是停留在文件上。",
    "溫度計顯示室外只有零下五度，不少市民穿上了厚厚的羽絨服。",
    "這家餐廳的老闆說，疫情過後客流逐漸恢復，生意越來越好。",
    "新規定要求所有電動自行車必須佩戴頭盔上路。",
    "這本小說講述了一個家族三代人在動盪年代裏的命運。",
    "網友們在社交媒體上熱烈討論這部電影的結局。",
    "消防員花了兩個小時才把大火撲滅，所幸沒有人員傷亡。",
    "出口數據好於預期，帶動股市在午後明顯反彈。",
    "爲慶祝建校一百週年，學校舉辦了一系列學術講座和文藝演出。",
    "她表示，自己會認真聽取大家的意見，把工作做得更好。",
    "這位老人每天早上都會在河邊散步，已經堅持了二十年。",
];

/// HANS converted by OpenCC 1.4.2 s2tw.
const S2TW: [&str; 50] = [
    "市政府昨天發佈通知，從下個月起調整公共交通票價，乘客可以通過手機軟件查詢新的線路信息。",
    "這家科技公司宣佈，將在明年推出新一代人工智能芯片，用於數據中心和服務器。",
    "受強冷空氣影響，北方大部分地區氣溫將下降八到十度，氣象臺提醒市民注意保暖。",
    "警方表示，案發時嫌疑人乘坐一輛出租車離開現場，目前正在調取沿線監控錄像。",
    "該國財政部長說，今年的稅收收入比去年增長了百分之六，主要來自企業所得稅。",
    "足球聯賽第二十輪比賽中，主隊在補時階段攻入一球，以二比一戰勝了客隊。",
    "研究人員在實驗裡發現，這種新材料在高溫下仍然能夠保持穩定的導電性能。",
    "為了緩解交通擁堵，城市將在三條主幹道上增設公交專用車道。",
    "消費者協會提醒，網購時要注意核對商家資質，不要輕易點擊陌生鏈接。",
    "這部紀錄片講述了一位鄉村教師堅守山區三十年的故事，播出後引發廣泛關注。",
    "銀行發佈報告稱，第三季度個人住房貸款餘額環比小幅下降。",
    "他說自己在網絡上看到了招聘信息，隨後通過視頻面試獲得了這份工作。",
    "新建的圖書館設有三百個閱覽座位，併為讀者提供免費的無線網絡。",
    "專家認為，電池技術的進步將進一步推動電動汽車的普及。",
    "暴雨導致部分路段積水嚴重，交通管理部門臨時封閉了兩條隧道。",
    "這位歌手的新專輯上線首日銷量突破十萬張，創下個人紀錄。",
    "學校決定從本學期開始開設編程課程，學生可以在電腦教室裡學習編寫程序。",
    "發言人強調，雙方將繼續保持密切溝通，推動兩國關係穩定發展。",
    "這座老橋經過一年的加固維修，本週末重新向行人和車輛開放。",
    "據統計，今年前十個月全市接待遊客人數已經超過去年全年。",
    "醫院開通了線上預約掛號服務，患者可以用手機選擇就診時間。",
    "運動員在比賽結束後說，自己對這次的成績感到非常滿意。",
    "工廠負責人介紹，新生產線投產後，每天可以多生產兩千臺洗衣機。",
    "該軟件的最新版本修復了多個安全漏洞，建議用戶儘快更新。",
    "市民反映小區附近的垃圾清運不及時，街道辦事處已經著手解決。",
    "展覽展出了兩百多件文物，其中一些是首次向公眾展示。",
    "調查顯示，越來越多的年輕人願意把業餘時間用於學習新技能。",
    "他把數據存在移動硬盤裡，又在雲端保存了一份備份。",
    "由於燃油價格上漲，航空公司宣佈從下月起上調燃油附加費。",
    "這場音樂會的門票在開售後十分鐘內就全部售完。",
    "當地政府為受災群眾搭建了臨時安置點，並送去了食品和飲用水。",
    "警察提醒司機，雨天行車要降低車速，保持安全距離。",
    "公司的信息系統在週一凌晨出現故障，部分用戶無法登錄。",
    "這項調查由三所大學的研究團隊共同完成，歷時兩年。",
    "新開的地鐵線路連接了機場和市中心，單程只需二十五分鐘。",
    "農業部門預計，今年的糧食產量將再創新高。",
    "孩子們在公園裡放風箏，天空中飄著各種顏色的風箏。",
    "記者從有關部門獲悉，這條高速公路將於年底全線通車。",
    "他用鼠標點擊了屏幕上的按鈕，打印機隨即開始工作。",
    "評論員指出，這次改革的關鍵在於落實，而不是停留在文件上。",
    "溫度計顯示室外只有零下五度，不少市民穿上了厚厚的羽絨服。",
    "這家餐廳的老闆說，疫情過後客流逐漸恢復，生意越來越好。",
    "新規定要求所有電動自行車必須佩戴頭盔上路。",
    "這本小說講述了一個家族三代人在動盪年代裡的命運。",
    "網友們在社交媒體上熱烈討論這部電影的結局。",
    "消防員花了兩個小時才把大火撲滅，所幸沒有人員傷亡。",
    "出口數據好於預期，帶動股市在午後明顯反彈。",
    "為慶祝建校一百週年，學校舉辦了一系列學術講座和文藝演出。",
    "她表示，自己會認真聽取大家的意見，把工作做得更好。",
    "這位老人每天早上都會在河邊散步，已經堅持了二十年。",
];

/// HANS converted by OpenCC 1.4.2 s2twp.
const S2TWP: [&str; 50] = [
    "市政府昨天釋出通知，從下個月起調整公共交通票價，乘客可以通過手機軟體查詢新的線路資訊。",
    "這家科技公司宣佈，將在明年推出新一代人工智慧晶片，用於資料中心和伺服器。",
    "受強冷空氣影響，北方大部分地區氣溫將下降八到十度，氣象臺提醒市民注意保暖。",
    "警方表示，案發時嫌疑人乘坐一輛計程車離開現場，目前正在調取沿線監控錄影。",
    "該國財政部長說，今年的稅收收入比去年增長了百分之六，主要來自企業所得稅。",
    "足球聯賽第二十輪比賽中，主隊在補時階段攻入一球，以二比一戰勝了客隊。",
    "研究人員在實驗裡發現，這種新材料在高溫下仍然能夠保持穩定的導電效能。",
    "為了緩解交通擁堵，城市將在三條主幹道上增設公交專用車道。",
    "消費者協會提醒，網購時要注意核對商家資質，不要輕易點選陌生連結。",
    "這部紀錄片講述了一位鄉村教師堅守山區三十年的故事，播出後引發廣泛關注。",
    "銀行釋出報告稱，第三季度個人住房貸款餘額環比小幅下降。",
    "他說自己在網路上看到了招聘資訊，隨後通過影片面試獲得了這份工作。",
    "新建的圖書館設有三百個閱覽座位，併為讀者提供免費的無線網路。",
    "專家認為，電池技術的進步將進一步推動電動汽車的普及。",
    "暴雨導致部分路段積水嚴重，交通管理部門臨時封閉了兩條隧道。",
    "這位歌手的新專輯上線首日銷量突破十萬張，創下個人紀錄。",
    "學校決定從本學期開始開設程式設計課程，學生可以在電腦教室裡學習編寫程式。",
    "發言人強調，雙方將繼續保持密切溝通，推動兩國關係穩定發展。",
    "這座老橋經過一年的加固維修，本週末重新向行人和車輛開放。",
    "據統計，今年前十個月全市接待遊客人數已經超過去年全年。",
    "醫院開通了線上預約掛號服務，患者可以用手機選擇就診時間。",
    "運動員在比賽結束後說，自己對這次的成績感到非常滿意。",
    "工廠負責人介紹，新生產線投產後，每天可以多生產兩千臺洗衣機。",
    "該軟體的最新版本修復了多個安全漏洞，建議使用者儘快更新。",
    "市民反映小區附近的垃圾清運不及時，街道辦事處已經著手解決。",
    "展覽展出了兩百多件文物，其中一些是首次向公眾展示。",
    "調查顯示，越來越多的年輕人願意把業餘時間用於學習新技能。",
    "他把資料存在行動硬碟裡，又在雲端儲存了一份備份。",
    "由於燃油價格上漲，航空公司宣佈從下月起上調燃油附加費。",
    "這場音樂會的門票在開售後十分鐘內就全部售完。",
    "當地政府為受災群眾搭建了臨時安置點，並送去了食品和飲用水。",
    "警察提醒司機，雨天行車要降低車速，保持安全距離。",
    "公司的資訊系統在週一凌晨出現故障，部分使用者無法登入。",
    "這項調查由三所大學的研究團隊共同完成，歷時兩年。",
    "新開的地鐵線路連線了機場和市中心，單程只需二十五分鐘。",
    "農業部門預計，今年的糧食產量將再創新高。",
    "孩子們在公園裡放風箏，天空中飄著各種顏色的風箏。",
    "記者從有關部門獲悉，這條高速公路將於年底全線通車。",
    "他用滑鼠點選了螢幕上的按鈕，印表機隨即開始工作。",
    "評論員指出，這次改革的關鍵在於落實，而不是停留在檔案上。",
    "溫度計顯示室外只有零下五度，不少市民穿上了厚厚的羽絨服。",
    "這家餐廳的老闆說，疫情過後客流逐漸恢復，生意越來越好。",
    "新規定要求所有電動腳踏車必須佩戴頭盔上路。",
    "這本小說講述了一個家族三代人在動盪年代裡的命運。",
    "網友們在社交媒體上熱烈討論這部電影的結局。",
    "消防員花了兩個小時才把大火撲滅，所幸沒有人員傷亡。",
    "出口資料好於預期，帶動股市在午後明顯反彈。",
    "為慶祝建校一百週年，學校舉辦了一系列學術講座和文藝演出。",
    "她表示，自己會認真聽取大家的意見，把工作做得更好。",
    "這位老人每天早上都會在河邊散步，已經堅持了二十年。",
];

/// HANS converted by OpenCC 1.4.2 s2hk.
const S2HK: [&str; 50] = [
    "市政府昨天發佈通知，從下個月起調整公共交通票價，乘客可以通過手機軟件查詢新的線路信息。",
    "這家科技公司宣佈，將在明年推出新一代人工智能芯片，用於數據中心和服務器。",
    "受強冷空氣影響，北方大部分地區氣温將下降八到十度，氣象台提醒市民注意保暖。",
    "警方表示，案發時嫌疑人乘坐一輛出租車離開現場，目前正在調取沿線監控錄像。",
    "該國財政部長説，今年的税收收入比去年增長了百分之六，主要來自企業所得税。",
    "足球聯賽第二十輪比賽中，主隊在補時階段攻入一球，以二比一戰勝了客隊。",
    "研究人員在實驗裏發現，這種新材料在高温下仍然能夠保持穩定的導電性能。",
    "為了緩解交通擁堵，城市將在三條主幹道上增設公交專用車道。",
    "消費者協會提醒，網購時要注意核對商家資質，不要輕易點擊陌生鏈接。",
    "這部紀錄片講述了一位鄉村教師堅守山區三十年的故事，播出後引發廣泛關注。",
    "銀行發佈報告稱，第三季度個人住房貸款餘額環比小幅下降。",
    "他説自己在網絡上看到了招聘信息，隨後通過視頻面試獲得了這份工作。",
    "新建的圖書館設有三百個閲覽座位，併為讀者提供免費的無線網絡。",
    "專家認為，電池技術的進步將進一步推動電動汽車的普及。",
    "暴雨導致部分路段積水嚴重，交通管理部門臨時封閉了兩條隧道。",
    "這位歌手的新專輯上線首日銷量突破十萬張，創下個人紀錄。",
    "學校決定從本學期開始開設編程課程，學生可以在電腦教室裏學習編寫程序。",
    "發言人強調，雙方將繼續保持密切溝通，推動兩國關係穩定發展。",
    "這座老橋經過一年的加固維修，本週末重新向行人和車輛開放。",
    "據統計，今年前十個月全市接待遊客人數已經超過去年全年。",
    "醫院開通了線上預約掛號服務，患者可以用手機選擇就診時間。",
    "運動員在比賽結束後説，自己對這次的成績感到非常滿意。",
    "工廠負責人介紹，新生產線投產後，每天可以多生產兩千台洗衣機。",
    "該軟件的最新版本修復了多個安全漏洞，建議用户儘快更新。",
    "市民反映小區附近的垃圾清運不及時，街道辦事處已經着手解決。",
    "展覽展出了兩百多件文物，其中一些是首次向公眾展示。",
    "調查顯示，越來越多的年輕人願意把業餘時間用於學習新技能。",
    "他把數據存在移動硬盤裏，又在雲端保存了一份備份。",
    "由於燃油價格上漲，航空公司宣佈從下月起上調燃油附加費。",
    "這場音樂會的門票在開售後十分鐘內就全部售完。",
    "當地政府為受災羣眾搭建了臨時安置點，並送去了食品和飲用水。",
    "警察提醒司機，雨天行車要降低車速，保持安全距離。",
    "公司的信息系統在週一凌晨出現故障，部分用户無法登錄。",
    "這項調查由三所大學的研究團隊共同完成，歷時兩年。",
    "新開的地鐵線路連接了機場和市中心，單程只需二十五分鐘。",
    "農業部門預計，今年的糧食產量將再創新高。",
    "孩子們在公園裏放風箏，天空中飄着各種顏色的風箏。",
    "記者從有關部門獲悉，這條高速公路將於年底全線通車。",
    "他用鼠標點擊了屏幕上的按鈕，打印機隨即開始工作。",
    "評論員指出，這次改革的關鍵在於落實，而不是停留在文件上。",
    "温度計顯示室外只有零下五度，不少市民穿上了厚厚的羽絨服。",
    "這家餐廳的老闆説，疫情過後客流逐漸恢復，生意越來越好。",
    "新規定要求所有電動自行車必須佩戴頭盔上路。",
    "這本小説講述了一個家族三代人在動盪年代裏的命運。",
    "網友們在社交媒體上熱烈討論這部電影的結局。",
    "消防員花了兩個小時才把大火撲滅，所幸沒有人員傷亡。",
    "出口數據好於預期，帶動股市在午後明顯反彈。",
    "為慶祝建校一百週年，學校舉辦了一系列學術講座和文藝演出。",
    "她表示，自己會認真聽取大家的意見，把工作做得更好。",
    "這位老人每天早上都會在河邊散步，已經堅持了二十年。",
];
