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

/// The numbers of one document that filters and sorts read, packed small so
/// that a pass over 100,000 documents stays in cache.
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

/// A query compiled into masks and bounds.
#[derive(Debug, Clone)]
pub struct Matcher {
    kinds: u64,
    fields: u64,
    modes: u64,
    needs: u64,
    languages: Option<LanguageMask>,
    grade: Option<i32>,
    today: i32,
    near: Option<(Point, Option<f64>)>,
    /// Latitude and longitude bounds of the radius, so that most documents
    /// are ruled out by four comparisons before any trigonometry.
    bounds: Option<(f64, f64, f64, f64)>,
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
            needs: mask_of(AccessNeed::ALL, &query.needs),
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
                    n.point.latitude - lat,
                    n.point.latitude + lat,
                    n.point.longitude - lng,
                    n.point.longitude + lng,
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

    /// `None` when a filter other than kind/field/mode excludes the document.
    pub fn judge(&self, facts: &Facts) -> Option<Judged> {
        if facts.deadline < self.today
            || facts.slots_left < 1
            || facts.needs & self.needs != self.needs
        {
            return None;
        }
        if let Some(grade) = self.grade
            && (grade < facts.min_grade || grade > facts.max_grade)
        {
            return None;
        }
        if let Some(wanted) = self.languages
            && (0..3).all(|i| wanted[i] & facts.languages[i] == 0)
        {
            return None;
        }
        let distance = match self.near {
            Some((from, within)) => {
                let to = Point {
                    latitude: facts.latitude,
                    longitude: facts.longitude,
                };
                let outside_box =
                    self.bounds
                        .is_some_and(|(lat_min, lat_max, lng_min, lng_max)| {
                            to.latitude < lat_min
                                || to.latitude > lat_max
                                || to.longitude < lng_min
                                || to.longitude > lng_max
                        });
                // Remote work is within reach of everyone, wherever they live.
                if outside_box && facts.mode != self.remote {
                    return None;
                }
                let miles = if outside_box {
                    // Far away and remote: a flat-earth estimate orders it well enough.
                    let d_lat = (to.latitude - from.latitude) * MILES_PER_LAT_DEGREE;
                    let d_lng = (to.longitude - from.longitude) * self.miles_per_lng_degree;
                    (d_lat * d_lat + d_lng * d_lng).sqrt()
                } else {
                    geo::distance_miles(from, to)
                };
                if within.is_some_and(|limit| miles > limit) && facts.mode != self.remote {
                    return None;
                }
                Some(miles)
            }
            None => None,
        };
        let allows = |mask: u64, value: u8| mask == 0 || mask & (1 << value) != 0;
        Some(Judged {
            kind_ok: allows(self.kinds, facts.kind),
            field_ok: allows(self.fields, facts.field),
            mode_ok: allows(self.modes, facts.mode),
            distance,
        })
    }

    /// Smaller sorts first; ties go to the newer posting, then the lower id.
    fn sort_key(&self, facts: &Facts, judged: &Judged, score: f32) -> (f64, f64, i32) {
        let newest = -(facts.published_at as f64);
        match self.sort {
            Sort::Relevance if self.has_text => (-f64::from(score), newest, facts.id),
            Sort::Relevance | Sort::Newest => (newest, 0.0, facts.id),
            Sort::Deadline => (f64::from(facts.deadline), newest, facts.id),
            Sort::Nearest => (judged.distance.unwrap_or(f64::MAX), newest, facts.id),
            Sort::Pay => (-f64::from(facts.pay), newest, facts.id),
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

    /// Counts one judged document and keeps it if it is a hit that ranks high enough.
    pub fn add(
        &mut self,
        matcher: &Matcher,
        facts: &Facts,
        judged: Judged,
        score: f32,
        reference: R,
    ) {
        if judged.field_ok && judged.mode_ok {
            self.kind[facts.kind as usize] += 1;
        }
        if judged.kind_ok && judged.mode_ok {
            self.field[facts.field as usize] += 1;
        }
        if judged.kind_ok && judged.field_ok {
            self.mode[facts.mode as usize] += 1;
        }
        if !judged.is_hit() {
            return;
        }
        self.total += 1;
        let mut needs = facts.needs;
        while needs != 0 {
            self.need[needs.trailing_zeros() as usize] += 1;
            needs &= needs - 1;
        }
        if self.depth == 0 {
            return;
        }
        let ranked = Ranked {
            key: matcher.sort_key(facts, &judged, score),
            reference,
            distance: judged.distance,
        };
        if self.best.len() < self.depth {
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
    documents: impl Iterator<Item = &'a SearchDocument>,
    text_matches: impl Fn(&SearchDocument) -> bool,
) -> (u64, Vec<(&'a SearchDocument, Option<f64>)>, Facets) {
    let matcher = Matcher::new(query);
    let mut tally = Tally::new(query.offset() + query.per_page as usize);
    for document in documents {
        let facts = Facts::of(document);
        if let Some(judged) = matcher.judge(&facts)
            && text_matches(document)
        {
            tally.add(&matcher, &facts, judged, 0.0, document);
        }
    }
    tally.finish(query.offset())
}
