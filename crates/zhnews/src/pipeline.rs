//! bytes → encoding → front matter → strip → metadata → script → dates → [`Article`].

use crate::article::*;
use crate::meta::{FrontMeta, is_breadcrumb_root, looks_like_outlet, split_names};
use crate::options::{Options, OutputScript};
use crate::{Error, MAX_DOCUMENT_BYTES};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use sha2::{Digest, Sha256};
use zhnews_script::{Config, Converter, Detection, Region, Script};
use zhnews_strip::{Block, InputKind, Stripped};

/// One document and what is known about it besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// The raw bytes as read from disk or the network.
    pub bytes: &'a [u8],
    /// Path or URL it came from.
    pub source: Option<&'a str>,
    /// An id the input already carries (a JSONL field, a crawl id).
    pub id: Option<&'a str>,
    /// A character encoding declared outside the bytes (HTTP header, JSONL field).
    pub declared_encoding: Option<&'a str>,
    /// The page's URL, when known (helps encoding detection and portal recognition).
    pub url: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// An input known only by its bytes.
    pub fn new(bytes: &'a [u8]) -> Self {
        Input {
            bytes,
            ..Input::default()
        }
    }

    /// Sets the path or URL it came from.
    pub fn source(mut self, source: &'a str) -> Self {
        self.source = Some(source);
        self
    }

    /// Sets the id the input carries.
    pub fn id(mut self, id: &'a str) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets an encoding declared outside the bytes.
    pub fn declared_encoding(mut self, label: &'a str) -> Self {
        self.declared_encoding = Some(label);
        self
    }

    /// Sets the page's URL.
    pub fn url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }
}

pub(crate) fn run(input: &Input<'_>, options: &Options) -> Result<Article, Error> {
    if input.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            size: input.bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let mut warnings = Vec::new();

    let url = input.url.or(input.source.filter(|s| s.contains("://")));
    let mut hint = zhnews_encoding::Hint::new();
    if let Some(label) = input.declared_encoding {
        hint = hint.declared(label);
    }
    if let Some(tld) = url.and_then(top_level_domain) {
        hint = hint.tld(tld);
    }
    let decoded = zhnews_encoding::decode(input.bytes, hint);
    // The decoder's warnings already cover malformed bytes (count and first offset).
    warnings.extend(decoded.warnings.iter().map(|w| w.to_string()));
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }

    let split = zhnews_frontmatter::split(text);
    let front = match &split.front_matter {
        Some(fm) => FrontMeta::from_value(&fm.parse()?),
        None => FrontMeta::default(),
    };

    let kind = (split.front_matter.is_some() && split.body.trim_start().starts_with('<'))
        .then_some(InputKind::HtmlFragment);
    let strip_options = zhnews_strip::Options {
        kind,
        url: url.map(str::to_string).or_else(|| front.url.clone()),
        ..zhnews_strip::Options::default()
    };
    let stripped = zhnews_strip::strip(split.body, &strip_options)?;

    let mut article = assemble(input, &decoded, &front, stripped, options, &mut warnings);
    article.warnings = warnings;
    Ok(article)
}

/// The metadata as the document states it, before script conversion.
struct Raw {
    title: Option<String>,
    original_title: Option<String>,
    outlet: Option<String>,
    authors: Vec<String>,
    editors: Vec<String>,
    categories: Vec<String>,
}

fn assemble(
    input: &Input<'_>,
    decoded: &zhnews_encoding::Decoded<'_>,
    front: &FrontMeta,
    stripped: Stripped,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Article {
    let meta = &stripped.meta;

    // Front matter first, then what the page itself states.
    let categories = if front.categories.is_empty() {
        meta.breadcrumb
            .iter()
            .filter(|c| !is_breadcrumb_root(c))
            .cloned()
            .collect()
    } else {
        front.categories.clone()
    };
    let mut outlet = front.source.clone().or_else(|| meta.outlet.clone());
    let mut authors = Vec::new();
    for name in front.authors.iter().chain(meta.authors.iter()) {
        if looks_like_outlet(name, &categories) {
            if outlet.is_none() {
                outlet = Some(name.clone());
            }
        } else if !authors.contains(name) {
            authors.push(name.clone());
        }
    }
    let editors = match &front.editor {
        Some(e) => split_names(e),
        None => meta.editors.clone(),
    };
    let raw = Raw {
        title: front.title.clone().or_else(|| meta.title.clone()),
        original_title: front
            .original_title
            .clone()
            .or_else(|| meta.original_title.clone()),
        outlet,
        authors,
        editors,
        categories,
    };

    let published = published_time(front, &stripped, options, warnings);

    // Body: paragraphs in order, images with the number of paragraphs before them.
    let mut paragraphs_raw: Vec<String> = Vec::new();
    let mut images_raw: Vec<(zhnews_strip::Image, usize)> = Vec::new();
    for block in &stripped.blocks {
        match block {
            Block::Paragraph(text) | Block::Quote(text) | Block::Heading { text, .. } => {
                paragraphs_raw.push(text.clone())
            }
            Block::List { items, .. } => paragraphs_raw.extend(items.iter().cloned()),
            Block::Image(image) => images_raw.push((image.clone(), paragraphs_raw.len())),
        }
    }

    // Detect on the headline and the start of the body: enough text to decide, bounded cost.
    let mut sample = raw.title.clone().unwrap_or_default();
    for p in &paragraphs_raw {
        if sample.len() > 8 * 1024 {
            break;
        }
        sample.push('\n');
        sample.push_str(p);
    }
    let detection = zhnews_script::detect(&sample);
    let plan = ScriptPlan::new(detection, options);

    let paragraphs: Vec<String> = paragraphs_raw
        .iter()
        .map(|p| plan.text(p))
        .filter(|p| !p.is_empty())
        .collect();
    let images = images_raw
        .into_iter()
        .map(|(image, position)| ImageRecord {
            url: image.url,
            caption: image
                .caption
                .map(|c| plan.text(&c))
                .filter(|c| !c.is_empty()),
            credit: image
                .credit
                .map(|c| plan.text(&c))
                .filter(|c| !c.is_empty()),
            position,
        })
        .collect();
    let related = stripped
        .related
        .iter()
        .map(|r| RelatedRecord {
            title: r.title.as_deref().map(|t| plan.text(t)),
            text: plan.text(&r.text),
            url: r.url.clone(),
        })
        .collect();
    let translation = stripped.translation.as_ref().map(|t| TranslationRecord {
        lang: t.lang.clone(),
        title: t.title.clone(),
        paragraphs: t.paragraphs.clone(),
    });

    let dates = match (&published, options.find_dates) {
        (Some((anchor, _)), true) => find_dates(&paragraphs, *anchor),
        (None, true) if !paragraphs.is_empty() => {
            warnings
                .push("dates in the body were not resolved: no publish time to anchor them".into());
            Vec::new()
        }
        _ => Vec::new(),
    };

    let title = raw.title.as_deref().map(|t| plan.text(t));
    if title.is_none() {
        warnings.push("no title found".into());
    }
    if paragraphs.is_empty() {
        warnings.push("no body paragraphs found".into());
    }
    let editors: Vec<String> = raw.editors.iter().map(|e| plan.text(e)).collect();
    let text = paragraphs.join("\n");
    Article {
        schema_version: SCHEMA_VERSION,
        id: record_id(input, front),
        source: input.source.map(str::to_string),
        url: input
            .url
            .or(input.source.filter(|s| s.contains("://")))
            .map(str::to_string)
            .or_else(|| front.url.clone())
            .or_else(|| meta.url.clone()),
        portal: stripped.profile.clone(),
        encoding: decoded.encoding_name().to_string(),
        title,
        original_title: raw.original_title.as_deref().map(|t| plan.text(t)),
        outlet: raw.outlet.as_deref().map(|t| plan.text(t)),
        authors: raw.authors.iter().map(|a| plan.text(a)).collect(),
        editor: (!editors.is_empty()).then(|| editors.join("、")),
        editors,
        published_at: published
            .as_ref()
            .map(|(dt, _)| dt.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
        published_precision: published.as_ref().map(|(_, p)| p.clone()),
        categories: raw.categories.iter().map(|c| plan.text(c)).collect(),
        lead_image: front.lead_image.clone().or_else(|| meta.lead_image.clone()),
        images,
        paragraphs,
        text,
        translation,
        related,
        script: ScriptRecord {
            detected: detection.script.to_string(),
            region: detection.region.map(|r| r.to_string()),
            output: plan.output_name(detection),
            config: plan.config_name(),
        },
        dates,
        warnings: Vec::new(),
        stripped: options.keep_stripped.then(|| {
            stripped
                .removed
                .iter()
                .map(|r| StrippedRecord {
                    rule: r.rule.clone(),
                    text: r.text.clone(),
                })
                .collect()
        }),
    }
}

/// The publish time in the configured offset, with its precision: front matter first, then what
/// the page states. An unparseable value is a warning, never a guess.
fn published_time(
    front: &FrontMeta,
    stripped: &Stripped,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Option<(DateTime<FixedOffset>, String)> {
    let candidates = [
        ("front matter date", front.date.as_deref()),
        ("page publish time", stripped.meta.published.as_deref()),
    ];
    for (what, text) in candidates {
        let Some(text) = text else { continue };
        match zhnews_date::parse_timestamp(text, options.default_offset) {
            Ok(ts) => {
                let local = ts.datetime.with_timezone(&options.default_offset);
                return Some((local, ts.precision.to_string()));
            }
            Err(err) => warnings.push(format!("{what} {text:?} not understood: {err}")),
        }
    }
    warnings.push("no publish time found".into());
    None
}

fn find_dates(paragraphs: &[String], anchor: DateTime<FixedOffset>) -> Vec<DateRecord> {
    let mut out = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for m in zhnews_date::find_dates(paragraph, anchor) {
            out.push(DateRecord {
                text: m.text,
                start: m.start.to_rfc3339_opts(SecondsFormat::AutoSi, false),
                end: m.end.to_rfc3339_opts(SecondsFormat::AutoSi, false),
                precision: m.precision.to_string(),
                paragraph: index,
                local_time: m.local_time,
            });
        }
    }
    out
}

/// The input's own id, else a hash of where it came from, else a hash of its bytes: stable
/// across runs and machines.
fn record_id(input: &Input<'_>, front: &FrontMeta) -> String {
    if let Some(id) = input.id.map(str::to_string).or_else(|| front.id.clone()) {
        return id;
    }
    let mut hasher = Sha256::new();
    match input.url.or(input.source) {
        Some(origin) => hasher.update(origin.as_bytes()),
        None => hasher.update(input.bytes),
    }
    let digest = hasher.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn top_level_domain(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic())).then_some(tld)
}

/// Which conversions the text goes through, decided once per document.
struct ScriptPlan {
    stages: Vec<Converter>,
    output: OutputScript,
    variants: bool,
    punctuation: bool,
}

impl ScriptPlan {
    fn new(detection: Detection, options: &Options) -> ScriptPlan {
        let configs = conversion_for(detection, options.script);
        ScriptPlan {
            stages: configs.into_iter().map(Converter::new).collect(),
            output: options.script,
            variants: options.mainland_variants && options.script == OutputScript::Hans,
            punctuation: options.normalize_punctuation,
        }
    }

    /// One field through conversion, variant mapping and punctuation normalisation.
    fn text(&self, text: &str) -> String {
        let mut out = text.trim().to_string();
        for stage in &self.stages {
            out = stage.convert(&out);
        }
        if self.variants {
            out = zhnews_script::mainland_variants(&out).into_owned();
        }
        if self.punctuation {
            out = zhnews_script::normalize_width(&out).into_owned();
            out = zhnews_script::normalize_punctuation(&out).into_owned();
        }
        out.trim().to_string()
    }

    fn config_name(&self) -> Option<String> {
        let names: Vec<String> = self.stages.iter().map(|c| c.config().to_string()).collect();
        (!names.is_empty()).then(|| names.join("+"))
    }

    /// The output script by the same names `--script` takes; with `keep` it is the input's.
    fn output_name(&self, detection: Detection) -> String {
        match self.output {
            OutputScript::Keep => detection.script.to_string(),
            other => other.to_string(),
        }
    }
}

/// The OpenCC stages that take text in the detected script to the wanted one. Traditional input
/// is read with its regional conventions (Taiwan phrases back to mainland ones with tw2sp) when
/// detection can tell the region.
fn conversion_for(detection: Detection, output: OutputScript) -> Vec<Config> {
    use Script::*;
    let region = detection.region;
    match (output, detection.script) {
        (OutputScript::Keep, _) | (_, NonChinese) => vec![],
        (OutputScript::Hans, Hans) => vec![],
        (OutputScript::Hans, Hant | Mixed) => vec![match region {
            Some(Region::Taiwan) => Config::Tw2sp,
            Some(Region::HongKong) => Config::Hk2sp,
            None => Config::T2s,
        }],
        (OutputScript::Hant, Hans | Mixed) => vec![Config::S2t],
        (OutputScript::Hant, Hant) => match region {
            Some(Region::Taiwan) => vec![Config::Tw2t],
            Some(Region::HongKong) => vec![Config::Hk2t],
            None => vec![],
        },
        (OutputScript::Tw, Hans | Mixed) => vec![Config::S2twp],
        (OutputScript::Tw, Hant) => match region {
            Some(Region::Taiwan) => vec![],
            Some(Region::HongKong) => vec![Config::Hk2t, Config::T2tw],
            None => vec![Config::T2tw],
        },
        (OutputScript::Hk, Hans | Mixed) => vec![Config::S2hk],
        (OutputScript::Hk, Hant) => match region {
            Some(Region::HongKong) => vec![],
            Some(Region::Taiwan) => vec![Config::Tw2t, Config::T2hk],
            None => vec![Config::T2hk],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(script: Script, region: Option<Region>) -> Detection {
        Detection { script, region }
    }

    #[test]
    fn traditional_input_goes_to_mainland_with_its_regional_config() {
        let tw = det(Script::Hant, Some(Region::Taiwan));
        assert_eq!(conversion_for(tw, OutputScript::Hans), [Config::Tw2sp]);
        let hk = det(Script::Hant, Some(Region::HongKong));
        assert_eq!(conversion_for(hk, OutputScript::Hans), [Config::Hk2sp]);
        assert_eq!(
            conversion_for(det(Script::Hant, None), OutputScript::Hans),
            [Config::T2s]
        );
        assert!(conversion_for(det(Script::Hans, None), OutputScript::Hans).is_empty());
        assert!(conversion_for(tw, OutputScript::Keep).is_empty());
        assert!(conversion_for(det(Script::NonChinese, None), OutputScript::Tw).is_empty());
        assert_eq!(
            conversion_for(det(Script::Hans, None), OutputScript::Tw),
            [Config::S2twp]
        );
        assert_eq!(
            conversion_for(hk, OutputScript::Tw),
            [Config::Hk2t, Config::T2tw]
        );
    }

    #[test]
    fn top_level_domains_come_from_the_host() {
        assert_eq!(
            top_level_domain("https://news.example.com.tw/a/b.html"),
            Some("tw")
        );
        assert_eq!(
            top_level_domain("http://user@example.cn:8080/x"),
            Some("cn")
        );
        assert_eq!(top_level_domain("https://127.0.0.1/x"), None);
    }
}
