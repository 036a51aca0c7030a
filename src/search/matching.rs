//! The filtering, faceting and ordering rules of search, in one place.
//!
//! Both the embedded engine (over tantivy candidates) and the database
//! fallback feed documents through `Matcher` and `Tally`, so they cannot
//! disagree. Filters within kind, field and mode are "any of"; needs are
//! "all of"; facet counts say what the total would be with a value added
//! (disjunctive for kind/field/mode).

use std::{cmp::Ordering, collections::BinaryHeap};

use chrono::Datelike;
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};

use super::{
    Facets, SearchDocument,
    query::{SearchQuery, Sort},
};
use crate::geo::{self, Point};

fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

const MILES_PER_LAT_DEGREE: f64 = 69.05;

/// Bit `n` set for language code number `n` in the ISO 639-1 list.
pub type LanguageMask = [u64; 3];

fn language_mask(codes: &[String]) -> LanguageMask {
    let mut mask = [0u64; 3];
    for code in codes {
        if let Some(n) = crate::languages::position(code) {
            mask[n / 64] |= 1 << (n % 64);
        }
    }
    mask
}

fn mask_of<T: PartialEq>(all: &[T], selected: &[T]) -> u64 {
    selected
        .iter()
        .fold(0, |mask, value| mask | 1 << index_of(all, value))
}

/// The numbers of one document that filters and sorts read: what the
/// embedded index keeps in fast fields, one row of a `FactTable`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    pub id: i32,
    pub kind: u8,
    pub field: u8,
    pub mode: u8,
    pub needs: u64,
    pub languages: LanguageMask,
    pub min_grade: i32,
    pub max_grade: i32,
    /// Days since 0001-01-01.
    pub deadline: i32,
    pub slots_left: i32,
    pub latitude: f64,
    pub longitude: f64,
    pub published_at: i64,
    pub pay: i32,
}

impl Facts {
    pub fn of(document: &SearchDocument) -> Self {
        Facts {
            id: document.id,
            kind: index_of(OpportunityKind::ALL, &document.kind),
            field: index_of(StemField::ALL, &document.field),
            mode: index_of(WorkMode::ALL, &document.mode),
            needs: mask_of(AccessNeed::ALL, &document.needs),
            languages: language_mask(&document.languages),
            min_grade: document.min_grade,
            max_grade: document.max_grade,
            deadline: document.deadline.num_days_from_ce(),
            slots_left: document.slots_left,
            latitude: document.latitude,
            longitude: document.longitude,
            published_at: document.published_at,
            pay: document.pay_cents_per_hour,
        }
    }
}

const _: () = assert!(AccessNeed::ALL.len() <= 16, "needs are a u16 mask");

/// What every query reads of a document, in 20 bytes. A filter-and-facet
/// pass touches every candidate, and at 100,000 documents the size of this
/// record decides whether the pass runs from cache or waits on memory.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Hot {
    /// The deadline (days since 0001-01-01), or `i32::MIN` when no seat is
    /// left: one comparison says whether a student can still apply.
    open_until: i32,
    /// Within a few feet: enough for the radius box. Distances use the exact ones.
    latitude: f32,
    longitude: f32,
    needs: u16,
    min_grade: i8,
    max_grade: i8,
    kind: u8,
    field: u8,
    mode: u8,
}

/// The facts of a set of documents (an index segment, or the database
/// fallback's rows), stored by column so that each query reads only what it
/// needs: `Hot` always, sort columns for hits, the others for a few queries.
#[derive(Debug, Default)]
pub struct FactTable {
    hot: Vec<Hot>,
    /// For ties, which are common: postings published in the same second.
    ids: Vec<i32>,
    published_at: Vec<i64>,
    pay: Vec<i32>,
    /// Exact, for distances.
    coordinates: Vec<(f64, f64)>,
    languages: Vec<LanguageMask>,
}

impl FactTable {
    pub fn with_capacity(documents: usize) -> Self {
        FactTable {
            hot: Vec::with_capacity(documents),
            ids: Vec::with_capacity(documents),
            published_at: Vec::with_capacity(documents),
            pay: Vec::with_capacity(documents),
            coordinates: Vec::with_capacity(documents),
            languages: Vec::with_capacity(documents),
        }
    }

    /// Appends a document: it is number `len()` before the call.
    pub fn push(&mut self, facts: &Facts) {
        let grade = |g: i32| g.clamp(i32::from(i8::MIN), i32::from(i8::MAX)) as i8;
        self.hot.push(Hot {
            open_until: if facts.slots_left < 1 {
                i32::MIN
            } else {
                facts.deadline
            },
            latitude: facts.latitude as f32,
            longitude: facts.longitude as f32,
            needs: facts.needs as u16,
            min_grade: grade(facts.min_grade),
            max_grade: grade(facts.max_grade),
            kind: facts.kind,
            field: facts.field,
            mode: facts.mode,
        });
        self.ids.push(facts.id);
        self.published_at.push(facts.published_at);
        self.pay.push(facts.pay);
        self.coordinates.push((facts.latitude, facts.longitude));
        self.languages.push(facts.languages);
    }

    pub fn len(&self) -> usize {
        self.hot.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hot.is_empty()
    }
}

impl FromIterator<Facts> for FactTable {
    fn from_iter<I: IntoIterator<Item = Facts>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut table = FactTable::with_capacity(iter.size_hint().0);
        iter.for_each(|facts| table.push(&facts));
        table
    }
}

/// A query compiled into masks and bounds.
#[derive(Debug, Clone)]
pub struct Matcher {
    kinds: u64,
    fields: u64,
    modes: u64,
    needs: u16,
    languages: Option<LanguageMask>,
    grade: Option<i32>,
    today: i32,
    near: Option<(Point, Option<f64>)>,
    /// Latitude and longitude bounds of the radius (with 1% to spare, so
    /// the rounding of `Hot`'s coordinates cannot matter), so that most
    /// documents are ruled out by four comparisons before any trigonometry.
    bounds: Option<(f32, f32, f32, f32)>,
    /// Miles per degree of longitude at the query's latitude.
    miles_per_lng_degree: f64,
    remote: u8,
    sort: Sort,
    has_text: bool,
}

/// How one document fares against the query.
#[derive(Debug, Clone, Copy)]
pub struct Judged {
    kind_ok: bool,
    field_ok: bool,
    mode_ok: bool,
    pub distance: Option<f64>,
}

impl Judged {
    pub fn is_hit(&self) -> bool {
        self.kind_ok && self.field_ok && self.mode_ok
    }
}

impl Matcher {
    pub fn new(query: &SearchQuery) -> Self {
        Matcher {
            kinds: mask_of(OpportunityKind::ALL, &query.kinds),
            fields: mask_of(StemField::ALL, &query.fields),
            modes: mask_of(WorkMode::ALL, &query.modes),
            needs: mask_of(AccessNeed::ALL, &query.needs) as u16,
            languages: (!query.languages.is_empty()).then(|| language_mask(&query.languages)),
            grade: query.grade,
            today: query.today.num_days_from_ce(),
            near: query.near.as_ref().map(|n| (n.point, n.within_miles)),
            bounds: query.near.as_ref().and_then(|n| {
                let miles = n.within_miles?;
                let lat = miles / MILES_PER_LAT_DEGREE * 1.01;
                let lng = miles
                    / (MILES_PER_LAT_DEGREE * n.point.latitude.to_radians().cos().max(0.01))
                    * 1.01;
                Some((
                    (n.point.latitude - lat) as f32,
                    (n.point.latitude + lat) as f32,
                    (n.point.longitude - lng) as f32,
                    (n.point.longitude + lng) as f32,
                ))
            }),
            miles_per_lng_degree: query.near.as_ref().map_or(0.0, |n| {
                MILES_PER_LAT_DEGREE * n.point.latitude.to_radians().cos()
            }),
            remote: index_of(WorkMode::ALL, &WorkMode::Remote),
            sort: query.sort,
            has_text: !query.text.is_empty(),
        }
    }

    /// `None` when a filter other than kind/field/mode excludes document
    /// number `doc` of `table`.
    pub fn judge(&self, table: &FactTable, doc: usize) -> Option<Judged> {
        let hot = table.hot.get(doc)?;
        if hot.open_until < self.today || hot.needs & self.needs != self.needs {
            return None;
        }
        if let Some(grade) = self.grade
            && (grade < i32::from(hot.min_grade) || grade > i32::from(hot.max_grade))
        {
            return None;
        }
        if let Some(wanted) = self.languages {
            let spoken = &table.languages[doc];
            if (0..3).all(|i| wanted[i] & spoken[i] == 0) {
                return None;
            }
        }
        let distance = match self.near {
            Some((from, within)) => {
                let outside_box =
                    self.bounds
                        .is_some_and(|(lat_min, lat_max, lng_min, lng_max)| {
                            hot.latitude < lat_min
                                || hot.latitude > lat_max
                                || hot.longitude < lng_min
                                || hot.longitude > lng_max
                        });
                // Remote work is within reach of everyone, wherever they live.
                if outside_box && hot.mode != self.remote {
                    return None;
                }
                let (latitude, longitude) = table.coordinates[doc];
                let to = Point {
                    latitude,
                    longitude,
                };
                let miles = if outside_box {
                    // Far away and remote: a flat-earth estimate orders it well enough.
                    let d_lat = (to.latitude - from.latitude) * MILES_PER_LAT_DEGREE;
                    let d_lng = (to.longitude - from.longitude) * self.miles_per_lng_degree;
                    (d_lat * d_lat + d_lng * d_lng).sqrt()
                } else {
                    geo::distance_miles(from, to)
                };
                if within.is_some_and(|limit| miles > limit) && hot.mode != self.remote {
                    return None;
                }
                Some(miles)
            }
            None => None,
        };
        let allows = |mask: u64, value: u8| mask == 0 || mask & (1 << value) != 0;
        Some(Judged {
            kind_ok: allows(self.kinds, hot.kind),
            field_ok: allows(self.fields, hot.field),
            mode_ok: allows(self.modes, hot.mode),
            distance,
        })
    }

    /// The first part of the sort key: enough to pass over most hits
    /// without reading anything else of them.
    fn primary_key(&self, table: &FactTable, doc: usize, judged: &Judged, score: f32) -> f64 {
        match self.sort {
            Sort::Relevance if self.has_text => -f64::from(score),
            Sort::Relevance | Sort::Newest => -(table.published_at[doc] as f64),
            // A hit is open, so `open_until` is its deadline.
            Sort::Deadline => f64::from(table.hot[doc].open_until),
            Sort::Nearest => judged.distance.unwrap_or(f64::MAX),
            Sort::Pay => -f64::from(table.pay[doc]),
        }
    }

    /// Smaller sorts first; ties go to the newer posting, then the lower id.
    fn sort_key(&self, table: &FactTable, doc: usize, primary: f64) -> (f64, f64, i32) {
        let id = table.ids[doc];
        match self.sort {
            Sort::Relevance if !self.has_text => (primary, 0.0, id),
            Sort::Newest => (primary, 0.0, id),
            _ => (primary, -(table.published_at[doc] as f64), id),
        }
    }
}

struct Ranked<R> {
    key: (f64, f64, i32),
    reference: R,
    distance: Option<f64>,
}

impl<R> PartialEq for Ranked<R> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl<R> Eq for Ranked<R> {}
impl<R> PartialOrd for Ranked<R> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<R> Ord for Ranked<R> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .0
            .total_cmp(&other.key.0)
            .then(self.key.1.total_cmp(&other.key.1))
            .then(self.key.2.cmp(&other.key.2))
    }
}

/// Counts facets and keeps the best `depth` hits (a bounded heap), for any
/// kind of document reference `R`.
pub struct Tally<R> {
    pub total: u64,
    kind: [u64; 4],
    field: [u64; 8],
    mode: [u64; 3],
    need: [u64; 13],
    depth: usize,
    best: BinaryHeap<Ranked<R>>,
}

impl<R> Tally<R> {
    pub fn new(depth: usize) -> Self {
        Tally {
            total: 0,
            kind: [0; 4],
            field: [0; 8],
            mode: [0; 3],
            need: [0; 13],
            depth,
            best: BinaryHeap::new(),
        }
    }

    /// Counts judged document number `doc` of `table` and keeps it if it
    /// is a hit that ranks high enough.
    pub fn add(
        &mut self,
        matcher: &Matcher,
        table: &FactTable,
        doc: usize,
        judged: Judged,
        score: f32,
        reference: R,
    ) {
        let hot = &table.hot[doc];
        if judged.field_ok && judged.mode_ok {
            self.kind[hot.kind as usize] += 1;
        }
        if judged.kind_ok && judged.mode_ok {
            self.field[hot.field as usize] += 1;
        }
        if judged.kind_ok && judged.field_ok {
            self.mode[hot.mode as usize] += 1;
        }
        if !judged.is_hit() {
            return;
        }
        self.total += 1;
        let mut needs = hot.needs;
        while needs != 0 {
            self.need[needs.trailing_zeros() as usize] += 1;
            needs &= needs - 1;
        }
        if self.depth == 0 {
            return;
        }
        let primary = matcher.primary_key(table, doc, &judged, score);
        let full = self.best.len() >= self.depth;
        if full
            && self
                .best
                .peek()
                .is_some_and(|worst| primary.total_cmp(&worst.key.0) == Ordering::Greater)
        {
            return;
        }
        let ranked = Ranked {
            key: matcher.sort_key(table, doc, primary),
            reference,
            distance: judged.distance,
        };
        if !full {
            self.best.push(ranked);
        } else if self.best.peek().is_some_and(|worst| ranked < *worst) {
            self.best.pop();
            self.best.push(ranked);
        }
    }

    /// Folds another tally (another index segment) into this one.
    pub fn merge(&mut self, other: Tally<R>) {
        self.total += other.total;
        let add = |a: &mut [u64], b: &[u64]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.kind, &other.kind);
        add(&mut self.field, &other.field);
        add(&mut self.mode, &other.mode);
        add(&mut self.need, &other.need);
        for ranked in other.best {
            if self.best.len() < self.depth {
                self.best.push(ranked);
            } else if self.best.peek().is_some_and(|worst| ranked < *worst) {
                self.best.pop();
                self.best.push(ranked);
            }
        }
    }

    /// The page's references in order, with their distances, and the facets.
    pub fn finish(self, offset: usize) -> (u64, Vec<(R, Option<f64>)>, Facets) {
        let counts = |all: &[&'static str], counts: &[u64]| {
            all.iter()
                .zip(counts)
                .map(|(k, c)| ((*k).to_owned(), *c))
                .collect()
        };
        let facets = Facets {
            kind: counts(
                &OpportunityKind::ALL
                    .iter()
                    .map(|k| k.key())
                    .collect::<Vec<_>>(),
                &self.kind,
            ),
            field: counts(
                &StemField::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                &self.field,
            ),
            mode: counts(
                &WorkMode::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                &self.mode,
            ),
            need: counts(
                &AccessNeed::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                &self.need,
            ),
        };
        let ordered = self.best.into_sorted_vec();
        let page = ordered
            .into_iter()
            .skip(offset)
            .map(|r| (r.reference, r.distance))
            .collect();
        (self.total, page, facets)
    }
}

/// The whole pipeline over documents already in memory (the database fallback).
pub fn search_documents<'a>(
    query: &SearchQuery,
    documents: &'a [SearchDocument],
    text_matches: impl Fn(&SearchDocument) -> bool,
) -> (u64, Vec<(&'a SearchDocument, Option<f64>)>, Facets) {
    let matcher = Matcher::new(query);
    let table: FactTable = documents.iter().map(Facts::of).collect();
    let mut tally = Tally::new(query.offset() + query.per_page as usize);
    for (doc, document) in documents.iter().enumerate() {
        if let Some(judged) = matcher.judge(&table, doc)
            && text_matches(document)
        {
            tally.add(&matcher, &table, doc, judged, 0.0, document);
        }
    }
    tally.finish(query.offset())
}
