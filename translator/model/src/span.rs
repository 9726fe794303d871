//! Source positions: files loaded once into a `SourceMap`, and `Span`s as byte ranges in them.
//!
//! Every operation of every IR carries a `Span`, so errors and tracebacks point at user source.

use std::rc::Rc;

/// Index of a file in the `SourceMap`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Span {
    pub file: FileId,
    pub lo: u32,
    pub hi: u32,
}

/// One loaded source file, with the start offset of each line.
#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: Rc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// 1-based line and 0-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }

    /// Byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts
            .get((line as usize).checked_sub(1)?)
            .copied()
    }
}

/// All source files the translator has read.
#[derive(Default, Debug)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, path: &str, text: &str) -> FileId {
        if let Some(i) = self.files.iter().position(|f| f.path == path) {
            return FileId(i as u32);
        }
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        self.files.push(SourceFile {
            path: path.to_string(),
            text: text.into(),
            line_starts,
        });
        FileId(self.files.len() as u32 - 1)
    }
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .map(|i| FileId(i as u32))
    }
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    /// `path:line` of a span's start, for tracebacks and dumps.
    pub fn describe(&self, span: Span) -> (String, u32) {
        let f = self.file(span.file);
        (f.path.clone(), f.line_col(span.lo).0)
    }
}
