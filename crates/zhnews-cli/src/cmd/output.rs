//! Where records go: stdout, one file, or a folder of shards that mirrors the input layout,
//! optionally gzip- or zstd-compressed.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Compression of written files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Compression {
    /// Plain text.
    None,
    /// gzip (`.gz`).
    Gz,
    /// Zstandard (`.zst`).
    Zst,
}

impl Compression {
    fn suffix(self) -> &'static str {
        match self {
            Compression::None => "",
            Compression::Gz => ".gz",
            Compression::Zst => ".zst",
        }
    }
}

enum Encoder {
    Plain(BufWriter<File>),
    Gz(flate2::write::GzEncoder<BufWriter<File>>),
    Zst(zstd::stream::write::Encoder<'static, BufWriter<File>>),
}

impl Encoder {
    fn create(path: &Path, compression: Compression) -> io::Result<Encoder> {
        let file = BufWriter::with_capacity(1 << 16, File::create(path)?);
        Ok(match compression {
            Compression::None => Encoder::Plain(file),
            Compression::Gz => Encoder::Gz(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            )),
            Compression::Zst => Encoder::Zst(zstd::stream::write::Encoder::new(file, 3)?),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.write_all(bytes),
            Encoder::Gz(w) => w.write_all(bytes),
            Encoder::Zst(w) => w.write_all(bytes),
        }
    }

    /// Writes the compressed stream's trailer; a file is only complete after this.
    fn finish(self) -> io::Result<()> {
        match self {
            Encoder::Plain(mut w) => w.flush(),
            Encoder::Gz(w) => w.finish()?.flush(),
            Encoder::Zst(w) => w.finish()?.flush(),
        }
    }
}

/// The destination of the records.
pub enum Sink {
    /// stdout, or one file.
    Stream(Box<dyn Write>),
    /// A folder of shards.
    Shards(Box<ShardWriter>),
}

impl Sink {
    /// stdout.
    pub fn stdout() -> Sink {
        Sink::Stream(Box::new(BufWriter::with_capacity(1 << 16, io::stdout())))
    }

    /// One file, compressed as asked (or as its name ends).
    pub fn file(path: &Path, compression: Compression) -> io::Result<Sink> {
        let name = path.to_string_lossy();
        let compression = match compression {
            Compression::None if name.ends_with(".gz") => Compression::Gz,
            Compression::None if name.ends_with(".zst") => Compression::Zst,
            other => other,
        };
        Ok(Sink::Stream(Box::new(EncoderWrite(Some(Encoder::create(
            path,
            compression,
        )?)))))
    }

    /// Writes one record (or rendered document) that came from input `key`.
    pub fn write(&mut self, key: &Path, bytes: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stream(w) => w.write_all(bytes),
            Sink::Shards(s) => s.write(key, bytes),
        }
    }

    /// Flushes and completes every file.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stream(mut w) => w.flush(),
            Sink::Shards(s) => s.finish(),
        }
    }
}

/// An [`Encoder`] as a `Write` that completes the stream on flush-at-end.
struct EncoderWrite(Option<Encoder>);

impl Write for EncoderWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(e) => e.write_all(buf).map(|()| buf.len()),
            None => Err(io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        // Only the final flush (from Sink::finish) completes the stream; zhnews never flushes a
        // file sink in between.
        match self.0.take() {
            Some(e) => e.finish(),
            None => Ok(()),
        }
    }
}

/// Writes records into `DIR/<input's relative path>.jsonl[.gz|.zst]`, starting a new numbered
/// part every `shard_size` records. Records of plain article files (not JSON Lines) gather in
/// one stream per input folder, `DIR/<folder>/articles.jsonl`.
pub struct ShardWriter {
    dir: PathBuf,
    compression: Compression,
    shard_size: Option<usize>,
    current: Option<Open>,
    /// Next part number per stream, so a stream that resumes never overwrites its earlier part.
    parts: HashMap<PathBuf, usize>,
    written: Vec<PathBuf>,
}

struct Open {
    stream: PathBuf,
    records: usize,
    encoder: Encoder,
}

impl ShardWriter {
    /// A writer into `dir` (created if missing).
    pub fn new(
        dir: &Path,
        compression: Compression,
        shard_size: Option<usize>,
    ) -> io::Result<ShardWriter> {
        std::fs::create_dir_all(dir)?;
        Ok(ShardWriter {
            dir: dir.to_path_buf(),
            compression,
            shard_size,
            current: None,
            parts: HashMap::new(),
            written: Vec::new(),
        })
    }

    fn write(&mut self, stream: &Path, bytes: &[u8]) -> io::Result<()> {
        let full = self
            .current
            .as_ref()
            .is_some_and(|o| self.shard_size.is_some_and(|n| o.records >= n));
        let other = self.current.as_ref().is_some_and(|o| o.stream != stream);
        if full || other {
            if let Some(open) = self.current.take() {
                open.encoder.finish()?;
            }
        }
        if self.current.is_none() {
            let part = self.parts.get(stream).copied().unwrap_or(0);
            self.parts.insert(stream.to_path_buf(), part + 1);
            let path = self.part_path(stream, part);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let encoder = Encoder::create(&path, self.compression)?;
            self.written.push(path);
            self.current = Some(Open {
                stream: stream.to_path_buf(),
                records: 0,
                encoder,
            });
        }
        if let Some(open) = self.current.as_mut() {
            open.encoder.write_all(bytes)?;
            open.records += 1;
        }
        Ok(())
    }

    fn part_path(&self, stream: &Path, part: usize) -> PathBuf {
        let name = stream.to_string_lossy();
        let base = super::input::strip_compression(&name);
        let base = base
            .strip_suffix(".jsonl")
            .or_else(|| base.strip_suffix(".ndjson"))
            .unwrap_or(base);
        let numbered = if self.shard_size.is_some() || part > 0 {
            format!("{base}-{part:05}")
        } else {
            base.to_string()
        };
        self.dir
            .join(format!("{numbered}.jsonl{}", self.compression.suffix()))
    }

    fn finish(mut self) -> io::Result<()> {
        if let Some(open) = self.current.take() {
            open.encoder.finish()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn shards_split_by_stream_and_size_and_compress() {
        let dir = std::env::temp_dir().join(format!("zhnews-shards-{}", std::process::id()));
        let mut w = ShardWriter::new(&dir, Compression::Gz, Some(2)).expect("dir");
        for i in 0..3 {
            w.write(
                Path::new("a/x.jsonl"),
                format!("{{\"n\":{i}}}\n").as_bytes(),
            )
            .expect("write");
        }
        w.write(Path::new("b/articles"), b"{}\n").expect("write");
        let written = w.written.clone();
        w.finish().expect("finish");
        let names: Vec<String> = written
            .iter()
            .map(|p| p.strip_prefix(&dir).expect("inside").display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "a/x-00000.jsonl.gz",
                "a/x-00001.jsonl.gz",
                "b/articles-00000.jsonl.gz"
            ]
        );
        let mut text = String::new();
        flate2::read::GzDecoder::new(File::open(&written[0]).expect("open"))
            .read_to_string(&mut text)
            .expect("gunzip");
        assert_eq!(text, "{\"n\":0}\n{\"n\":1}\n");
        std::fs::remove_dir_all(&dir).ok();
    }
}
