//! User-facing diagnostics as data (a code, a message, a primary span, labelled secondary spans
//! and notes), rendered like rustc's errors by one shared renderer.
//!
//! Relies on `annotate-snippets` for rendering and on `SourceMap` for the text; spans are checked
//! against the text before rendering so a bad span can never panic the renderer.

use crate::span::{SourceMap, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// One user error.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub message: String,
    pub primary: Option<(Span, String)>,
    pub secondary: Vec<(Span, String)>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            primary: None,
            secondary: vec![],
            notes: vec![],
        }
    }
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some((span, label.into()));
        self
    }
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Renders the diagnostic as plain text (no colours), rustc style.
    pub fn render(&self, sources: &SourceMap) -> String {
        let title = Level::ERROR.primary_title(&self.message).id(self.code);
        let mut group = Group::with_title(title);
        // Spans in one file go into one snippet; each file gets its own.
        let mut spans: Vec<(Span, &str, bool)> = Vec::new();
        if let Some((s, l)) = &self.primary {
            spans.push((*s, l, true));
        }
        for (s, l) in &self.secondary {
            spans.push((*s, l, false));
        }
        let mut files: Vec<_> = spans.iter().map(|s| s.0.file).collect();
        files.dedup();
        let mut seen = Vec::new();
        for fid in files {
            if seen.contains(&fid) {
                continue;
            }
            seen.push(fid);
            let file = sources.file(fid);
            let text: &str = &file.text;
            let mut snippet = Snippet::source(text).path(file.path.as_str()).fold(true);
            for (s, label, primary) in spans.iter().filter(|s| s.0.file == fid) {
                let (lo, hi) = clamp(text, s.lo, s.hi);
                let kind = if *primary {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                snippet = snippet.annotation(kind.span(lo..hi).label(*label));
            }
            group = group.element(snippet);
        }
        for n in &self.notes {
            group = group.element(Level::NOTE.message(n.as_str()));
        }
        let out = Renderer::plain().render(&[group]);
        out.to_string()
    }
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, lo: u32, hi: u32) -> (usize, usize) {
    let mut lo = (lo as usize).min(text.len());
    let mut hi = (hi as usize).clamp(lo, text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    (lo, hi)
}

/// The errors of one stage, all collected before stopping.
#[derive(Default, Debug)]
pub struct Diagnostics {
    pub errors: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        for d in &self.errors {
            out.push_str(&d.render(sources));
            out.push_str("\n\n");
        }
        out
    }
}
