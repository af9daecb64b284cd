//! Plain-text dumps: one paragraph per line, a header of title, byline,
//! metadata and counts read by shape, then the body.

use crate::profiles::{Forced, TEXT_PROFILES};
use crate::rules::{Engine, Piece, PieceKind};
use crate::{Meta, Traced};

pub(crate) fn strip_text(input: &str, forced: Option<Forced>, tracing: bool) -> Traced {
    let pieces: Vec<Piece> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Piece::new(PieceKind::Para, l.to_string()))
        .collect();
    let mut engine = Engine::new(true, Meta::default(), tracing);
    engine.run(pieces);
    let name = match forced {
        Some(Forced::Text(p)) => Some(p.name),
        Some(Forced::Html(p)) => Some(p.name),
        None => TEXT_PROFILES
            .iter()
            .find(|p| engine.header_shape.starts_with(p.header))
            .map(|p| p.name),
    };
    let mut traced = engine.finish();
    traced.stripped.profile = name.map(str::to_string);
    traced
}
