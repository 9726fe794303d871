//! Collection statistics and the `PYPYLOG` output: counters and pause times per kind of
//! collection, the peak heap size, one line per collection when asked (`PYPYLOG=gc`, on stderr
//! or in the file named after a colon),
//! and the summary printed at exit (`PYPYLOG=gc-summary`), with the distribution of pauses
//! (median, 90th and 99th percentiles) of each kind.
//!
//! Relies on `sys::monotonic_seconds` for pauses, measured only when some output was asked for,
//! and on stderr writes that never panic (a failed write is ignored).

use crate::prelude::*;
use crate::sys::{monotonic_seconds, Log};
use core::fmt::Write;

/// Counters of one collector instance.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Print one line per collection.
    pub log: bool,
    /// Measure pauses for the summary at exit.
    pub summary: bool,
    /// Minor collections so far (including those that start a major collection).
    pub minor: u64,
    /// Major (full) collections so far; every collection of the semispace collector is one.
    pub major: u64,
    /// Total pause of minor collections, in seconds (measured only with `log` or `summary`).
    pub minor_pause: f64,
    /// Longest minor pause, in seconds.
    pub minor_pause_max: f64,
    /// Total pause of major collections, in seconds.
    pub major_pause: f64,
    /// Longest major pause, in seconds.
    pub major_pause_max: f64,
    /// Largest heap size seen (bytes in use, sampled at collections and large allocations).
    pub peak_heap: usize,
    /// Bytes copied out of the nursery or into to-space, in total.
    pub copied: u64,
    /// Every pause of each kind, in seconds, kept for the distribution in the summary.
    pub minor_pauses: Vec<f32>,
    pub major_pauses: Vec<f32>,
    /// What log lines call a major collection (`major collection`, or just `collection` for
    /// the semispace collector, which has no other kind).
    pub major_name: &'static str,
}

/// A running pause measurement (its start, in seconds): `None` when nothing will report it.
pub type Timer = Option<f64>;

impl Stats {
    /// Statistics printing lines and/or the summary as asked.
    pub fn new(log: bool, summary: bool) -> Stats {
        Stats {
            log,
            summary,
            major_name: "major collection",
            ..Stats::default()
        }
    }

    /// Starts timing a pause if anything will report it.
    #[inline]
    pub fn start(&self) -> Timer {
        (self.log || self.summary).then(monotonic_seconds)
    }

    /// Records a heap size for the peak.
    #[inline]
    pub fn sample_heap(&mut self, bytes: usize) {
        if bytes > self.peak_heap {
            self.peak_heap = bytes;
        }
    }

    /// Records the end of a minor collection; `describe` gives the rest of the log line.
    pub fn end_minor(&mut self, timer: Timer, describe: impl FnOnce() -> String) {
        self.minor += 1;
        if let Some(started) = timer {
            let pause = monotonic_seconds() - started;
            self.minor_pause += pause;
            self.minor_pause_max = self.minor_pause_max.max(pause);
            if self.summary {
                self.minor_pauses.push(pause as f32);
            }
            if self.log {
                let _ = writeln!(
                    Log,
                    "[gc] minor collection {}: {}, {:.3} ms",
                    self.minor,
                    describe(),
                    pause * 1e3
                );
            }
        }
    }

    /// Records the end of a major collection; `describe` gives the rest of the log line.
    pub fn end_major(&mut self, timer: Timer, describe: impl FnOnce() -> String) {
        self.major += 1;
        if let Some(started) = timer {
            let pause = monotonic_seconds() - started;
            self.major_pause += pause;
            self.major_pause_max = self.major_pause_max.max(pause);
            if self.summary {
                self.major_pauses.push(pause as f32);
            }
            if self.log {
                let _ = writeln!(
                    Log,
                    "[gc] {} {}: {}, {:.3} ms",
                    self.major_name,
                    self.major,
                    describe(),
                    pause * 1e3
                );
            }
        }
    }

    /// The summary printed at exit, one `[gc-summary]` line per fact.
    pub fn summary_text(&self, collector: &str, nursery: Option<usize>) -> String {
        let mut out = String::new();
        match nursery {
            Some(n) => out.push_str(&format!(
                "[gc-summary] collector {collector}, nursery {n} bytes\n"
            )),
            None => out.push_str(&format!("[gc-summary] collector {collector}\n")),
        }
        out.push_str(&format!(
            "[gc-summary] minor collections: {}, total pause {:.3} ms, longest {:.3} ms\n",
            self.minor,
            self.minor_pause * 1e3,
            self.minor_pause_max * 1e3
        ));
        out.push_str(&format!(
            "[gc-summary] major collections: {}, total pause {:.3} ms, longest {:.3} ms\n",
            self.major,
            self.major_pause * 1e3,
            self.major_pause_max * 1e3
        ));
        for (kind, pauses) in [("minor", &self.minor_pauses), ("major", &self.major_pauses)] {
            if let Some(d) = distribution(pauses) {
                out.push_str(&format!(
                    "[gc-summary] {kind} pauses: median {:.3} ms, 90% {:.3} ms, 99% {:.3} ms\n",
                    d[0] * 1e3,
                    d[1] * 1e3,
                    d[2] * 1e3
                ));
            }
        }
        out.push_str(&format!(
            "[gc-summary] total pause {:.3} ms, bytes copied {}, peak heap {} bytes\n",
            (self.minor_pause + self.major_pause) * 1e3,
            self.copied,
            self.peak_heap
        ));
        out
    }
}

/// The median, 90th and 99th percentiles of a list of pauses (nearest rank), if any.
fn distribution(pauses: &[f32]) -> Option<[f64; 3]> {
    if pauses.is_empty() {
        return None;
    }
    let mut v: Vec<f32> = pauses.to_vec();
    v.sort_by(f32::total_cmp);
    let rank = |q: f64| {
        // ceil(q * n), which `core` lacks.
        let x = q * v.len() as f64;
        let rank = x as usize + usize::from((x as usize as f64) < x);
        let i = rank.clamp(1, v.len()) - 1;
        v[i] as f64
    };
    Some([rank(0.5), rank(0.9), rank(0.99)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_and_summary() {
        let mut stats = Stats::new(false, true);
        let t = stats.start();
        assert!(t.is_some());
        stats.end_minor(t, String::new);
        stats.end_major(stats.start(), String::new);
        stats.sample_heap(100);
        stats.sample_heap(50);
        assert_eq!((stats.minor, stats.major, stats.peak_heap), (1, 1, 100));
        let text = stats.summary_text("generational", Some(4096));
        assert!(text.contains("minor collections: 1"), "{text}");
        assert!(text.contains("major collections: 1"), "{text}");
        assert!(text.contains("peak heap 100 bytes"), "{text}");
        assert!(Stats::new(false, false).start().is_none());
        assert!(text.contains("minor pauses: median"), "{text}");
    }

    #[test]
    fn pause_percentiles_by_nearest_rank() {
        let pauses: Vec<f32> = (1..=100).map(|i| i as f32).collect();
        assert_eq!(distribution(&pauses), Some([50.0, 90.0, 99.0]));
        assert_eq!(distribution(&[3.0]), Some([3.0, 3.0, 3.0]));
        assert_eq!(distribution(&[]), None);
    }
}
