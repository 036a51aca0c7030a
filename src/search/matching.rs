//! The filtering, faceting and ordering rules of search, in one place.
//!
//! Both the embedded engine (over tantivy's text matches) and the database
//! fallback put their documents in a `FactTable` and run queries through
//! `FactTable::search`, so they cannot disagree. Filters within kind, field
//! and mode are "any of"; needs are "all of"; facet counts say what the total
//! would be with a value added (disjunctive for kind/field/mode).
//!
//! A table keeps one bitset per filter value, so filters and facet counts
//! are word-wide ANDs and population counts (64 documents at a time), not a
//! test of each document. Only the radius and language filters look at
//! documents one by one, and only at those the other filters kept.

use std::{
    cmp::Ordering,
    collections::{BinaryHeap, HashMap},
    ops::RangeInclusive,
    sync::{Arc, Mutex},
};

use chrono::Datelike;
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};

use super::{
    Facets, SearchDocument,
    query::{SearchQuery, Sort},
};
use crate::geo::{self, Direction, Point};

fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

const MILES_PER_LAT_DEGREE: f64 = 69.05;

/// The grades a posting can take and a student can ask for.
const GRADES: RangeInclusive<i32> = 6..=13;

/// Bit `n` set for language code number `n` in `languages`' list (192
/// bits; a unit test of `languages` holds the list under it).
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

/// A set of document numbers, 64 to a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn empty(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub fn full(len: usize) -> Self {
        let mut words = vec![u64::MAX; len.div_ceil(64)];
        if let Some(last) = words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last = (1 << (len % 64)) - 1;
        }
        Bits(words)
    }

    pub fn insert(&mut self, doc: usize) {
        self.0[doc / 64] |= 1 << (doc % 64);
    }

    pub fn remove(&mut self, doc: usize) {
        self.0[doc / 64] &= !(1 << (doc % 64));
    }

    pub fn contains(&self, doc: usize) -> bool {
        self.0
            .get(doc / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&word| word == 0)
    }

    /// The memory its words take.
    pub fn bytes(&self) -> usize {
        self.0.len() * size_of::<u64>()
    }

    /// Keeps only the members also in `other` (of the same length).
    pub fn and_with(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    /// Adds the members of `other` (of the same length).
    pub fn or_with(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    fn clear(&mut self) {
        self.0.fill(0);
    }

    /// The members, smallest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(n, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    n * 64 + bit
                })
            })
        })
    }

    /// Keeps only the members for which `keep` says yes.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (n, word) in self.0.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if !keep(n * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }
}

/// The facts of a set of documents (an index segment, or the database
/// fallback's rows): one bitset per filter value, and columns for what the
/// bitsets cannot say (deadlines, places, languages, sort keys).
#[derive(Debug)]
pub struct FactTable {
    len: usize,
    /// Per 64 documents, the word of each value's set, side by side: a
    /// query reads them all for the same 64 documents at once.
    values: Vec<ValueWords>,
    /// One set per grade of `GRADES`: the postings open to that grade.
    grade: Vec<Bits>,
    /// Postings with at least one seat left.
    seated: Bits,
    deadline: Vec<i32>,
    remote: Bits,
    /// Each posting's place, read together by a radius search.
    places: Vec<Place>,
    /// The postings of each grid cell (`Cell`), so that a radius search
    /// looks closely only at the postings near its centre.
    grid: HashMap<Cell, Vec<u32>>,
    languages: Vec<LanguageMask>,
    ids: Vec<i32>,
    published_at: Vec<i64>,
    pay: Vec<i32>,
    /// Document numbers in the order of each sort that does not depend on
    /// the query, ties broken as `Matcher::sort_key` does: a broad search
    /// walks these and stops at a page's worth of hits.
    by_newest: Vec<u32>,
    by_deadline: Vec<u32>,
    by_pay: Vec<u32>,
    /// Which postings are still open, for the day it was worked out (it
    /// only changes at midnight or with a new table).
    open: Mutex<Option<(i32, Arc<Bits>)>>,
}

/// Where a posting is: its latitude and longitude, and the same place as a
/// direction from the Earth's centre (`geo::Direction`).
#[derive(Debug, Clone, Copy)]
struct Place {
    point: Point,
    direction: Direction,
}

/// A quarter of a degree of latitude by a quarter of longitude (about 17
/// miles north to south): the grid a radius search narrows by first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Cell(i32, i32);

impl Cell {
    const PER_DEGREE: f64 = 4.0;

    /// The cell of a place; every place inside a latitude and longitude box
    /// lies in a cell between the cells of the box's corners.
    fn of(latitude: f64, longitude: f64) -> Self {
        // `as` saturates: a far-off bound still orders rightly.
        let index = |degrees: f64| (degrees * Self::PER_DEGREE).floor() as i32;
        Cell(index(latitude), index(longitude))
    }
}

/// 64 documents' membership in each kind, field, mode and need.
#[derive(Debug, Clone, Default)]
struct ValueWords {
    kind: [u64; OpportunityKind::ALL.len()],
    field: [u64; StemField::ALL.len()],
    mode: [u64; WorkMode::ALL.len()],
    need: [u64; AccessNeed::ALL.len()],
}

impl FromIterator<Facts> for FactTable {
    fn from_iter<I: IntoIterator<Item = Facts>>(rows: I) -> Self {
        let rows: Vec<Facts> = rows.into_iter().collect();
        let len = rows.len();
        let sets = |count: usize, member: &dyn Fn(&Facts, usize) -> bool| {
            (0..count)
                .map(|value| {
                    let mut bits = Bits::empty(len);
                    for (doc, row) in rows.iter().enumerate() {
                        if member(row, value) {
                            bits.insert(doc);
                        }
                    }
                    bits
                })
                .collect::<Vec<_>>()
        };
        let set = |member: &dyn Fn(&Facts) -> bool| sets(1, &|r, _| member(r)).remove(0);
        let remote = index_of(WorkMode::ALL, &WorkMode::Remote);
        let grades: Vec<i32> = GRADES.collect();
        let order = |key: &dyn Fn(&Facts) -> (i64, i64, i32)| {
            let mut docs: Vec<u32> = (0..len as u32).collect();
            docs.sort_by_key(|&doc| key(&rows[doc as usize]));
            docs
        };
        let mut values = vec![ValueWords::default(); len.div_ceil(64)];
        for (doc, row) in rows.iter().enumerate() {
            let (words, bit) = (&mut values[doc / 64], 1 << (doc % 64));
            words.kind[usize::from(row.kind)] |= bit;
            words.field[usize::from(row.field)] |= bit;
            words.mode[usize::from(row.mode)] |= bit;
            for (need, word) in words.need.iter_mut().enumerate() {
                if row.needs & (1 << need) != 0 {
                    *word |= bit;
                }
            }
        }
        FactTable {
            len,
            values,
            grade: sets(grades.len(), &|r, v| {
                (r.min_grade..=r.max_grade).contains(&grades[v])
            }),
            seated: set(&|r| r.slots_left > 0),
            remote: set(&|r| r.mode == remote),
            deadline: rows.iter().map(|r| r.deadline).collect(),
            places: rows
                .iter()
                .map(|r| {
                    let point = Point {
                        latitude: r.latitude,
                        longitude: r.longitude,
                    };
                    Place {
                        point,
                        direction: Direction::of(point),
                    }
                })
                .collect(),
            grid: rows
                .iter()
                .enumerate()
                .fold(HashMap::new(), |mut grid, (doc, r)| {
                    let cell = Cell::of(r.latitude, r.longitude);
                    grid.entry(cell).or_insert_with(Vec::new).push(doc as u32);
                    grid
                }),
            languages: rows.iter().map(|r| r.languages).collect(),
            ids: rows.iter().map(|r| r.id).collect(),
            published_at: rows.iter().map(|r| r.published_at).collect(),
            pay: rows.iter().map(|r| r.pay).collect(),
            by_newest: order(&|r| (-r.published_at, 0, r.id)),
            by_deadline: order(&|r| (i64::from(r.deadline), -r.published_at, r.id)),
            by_pay: order(&|r| (-i64::from(r.pay), -r.published_at, r.id)),
            open: Mutex::new(None),
        }
    }
}

/// The text matches of a search in one table: the documents, and their
/// relevance when there is one to rank by (tantivy's score; the database
/// fallback has none and orders by date instead).
pub struct Candidates {
    pub documents: Bits,
    pub relevance: Option<Box<dyn Relevance>>,
}

/// How relevant a table's documents are to a search's words. Asked only
/// for the documents the filters keep, in ascending order, each once: the
/// engine reads its postings forward.
pub trait Relevance {
    fn of(&mut self, doc: u32) -> f32;
}

impl FactTable {
    /// Runs `matcher` over `candidates` and adds this table's facet counts,
    /// total and best hits (named by `reference`) to `tally`.
    pub fn search<R>(
        &self,
        matcher: &Matcher,
        candidates: Candidates,
        tally: &mut Tally<R>,
        reference: impl Fn(u32) -> R,
    ) {
        let mut base = candidates.documents;
        self.keep_filtered(matcher, &mut base);
        // The miles of a hit are worked out when a radius needs them, or
        // when it may make the page (as it is offered).
        let distances = match &matcher.near {
            Some(near) => self.keep_within_reach(near, &mut base),
            None => Vec::new(),
        };
        let hits = self.count(matcher, &base, tally);
        if tally.depth == 0 {
            return;
        }
        let distance_of = |doc: u32| {
            let near = matcher.near.as_ref()?;
            Some(match distances.binary_search_by_key(&doc, |&(d, _)| d) {
                Ok(at) => distances[at].1,
                Err(_) => geo::distance_miles(near.from, self.point(doc as usize)),
            })
        };
        let offer = |tally: &mut Tally<R>, doc: u32, primary: f64| {
            let key = matcher.sort_key(self, doc as usize, primary);
            tally.offer(key, reference(doc), distance_of(doc));
        };
        let static_order = match matcher.sort {
            Sort::Relevance if candidates.relevance.is_some() => None,
            Sort::Relevance | Sort::Newest => Some(&self.by_newest),
            Sort::Deadline => Some(&self.by_deadline),
            Sort::Pay => Some(&self.by_pay),
            Sort::Nearest => None,
        };
        match static_order {
            // Many hits: walk the sorted order until a page's worth is found.
            Some(order) if hits.count * 8 > self.len as u64 => {
                let mut found = 0;
                for &doc in order {
                    if hits.bits.contains(doc as usize) {
                        offer(tally, doc, matcher.primary_key(self, doc as usize));
                        found += 1;
                        if found == tally.depth {
                            break;
                        }
                    }
                }
            }
            // Few hits: each one through the bounded heap.
            Some(_) => {
                for doc in hits.bits.iter() {
                    let primary = matcher.primary_key(self, doc);
                    if tally.could_keep(primary) {
                        offer(tally, doc as u32, primary);
                    }
                }
            }
            None if matcher.sort == Sort::Nearest => {
                let Some(near) = &matcher.near else { return };
                for doc in hits.bits.iter() {
                    // Most hits are ruled out by their chord alone, once the
                    // page is full of nearer ones.
                    let chord = near.direction.chord_squared(self.places[doc].direction);
                    if !tally.could_keep(geo::miles_at_least(chord)) {
                        continue;
                    }
                    let doc = doc as u32;
                    if let Some(miles) = distance_of(doc)
                        && tally.could_keep(miles)
                    {
                        offer(tally, doc, miles);
                    }
                }
            }
            None => {
                let Some(mut relevance) = candidates.relevance else {
                    return;
                };
                for doc in hits.bits.iter() {
                    let doc = doc as u32;
                    let primary = -f64::from(relevance.of(doc));
                    if tally.could_keep(primary) {
                        offer(tally, doc, primary);
                    }
                }
            }
        }
    }

    /// How many of `candidates` match: the total `search` adds to a tally,
    /// without facets, distances or ranking (pages that show only a count).
    pub fn total(&self, matcher: &Matcher, candidates: Bits) -> u64 {
        let mut base = candidates;
        self.keep_filtered(matcher, &mut base);
        // Without a radius every posting is within reach: only a radius
        // needs the distances.
        if let Some(near) = &matcher.near {
            self.keep_within_reach(near, &mut base);
        }
        base.0
            .iter()
            .zip(&self.values)
            .filter(|(b, _)| **b != 0)
            .map(|(&b, values)| {
                let h = b
                    & any_of(&values.kind, matcher.kinds)
                    & any_of(&values.field, matcher.fields)
                    & any_of(&values.mode, matcher.modes);
                u64::from(h.count_ones())
            })
            .sum()
    }

    /// The postings a student can still apply to on `today`: deadline not
    /// passed, a seat left.
    fn open_on(&self, today: i32) -> Arc<Bits> {
        let mut cached = self
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((day, open)) = cached.as_ref()
            && *day == today
        {
            return Arc::clone(open);
        }
        let mut open = self.seated.clone();
        for (word, deadlines) in open.0.iter_mut().zip(self.deadline.chunks(64)) {
            *word &= deadlines
                .iter()
                .enumerate()
                .fold(0u64, |open, (bit, &d)| open | u64::from(d >= today) << bit);
        }
        let open = Arc::new(open);
        *cached = Some((today, Arc::clone(&open)));
        open
    }

    /// Deadline, seats, needs, grade and languages.
    fn keep_filtered(&self, matcher: &Matcher, base: &mut Bits) {
        base.and_with(&self.open_on(matcher.today));
        if matcher.needs != 0 {
            for (word, values) in base.0.iter_mut().zip(&self.values) {
                let mut needs = matcher.needs;
                while needs != 0 {
                    *word &= values.need[needs.trailing_zeros() as usize];
                    needs &= needs - 1;
                }
            }
        }
        if let Some(grade) = matcher.grade {
            match self.grade.get((grade - GRADES.start()) as usize) {
                Some(open_to_grade) if GRADES.contains(&grade) => base.and_with(open_to_grade),
                _ => base.clear(),
            }
        }
        if let Some(wanted) = matcher.languages {
            base.retain(|doc| (0..3).any(|i| wanted[i] & self.languages[doc][i] != 0));
        }
    }

    fn point(&self, doc: usize) -> Point {
        self.places[doc].point
    }

    /// Drops what is out of reach and returns, in document order, the
    /// distances it worked out. Remote work is within everyone's reach, and
    /// without a radius so is everything; most of the rest is ruled in or
    /// out by its latitude and longitude, then by its chord, and only the
    /// few near the edge need trigonometry.
    fn keep_within_reach(&self, near: &Near, base: &mut Bits) -> Vec<(u32, f64)> {
        let mut distances = Vec::new();
        let Some(radius) = &near.radius else {
            return distances;
        };
        // The postings of the cells the radius's box touches: nothing else
        // but remote work can be within reach.
        let mut nearby = Bits::empty(self.len);
        for doc in self.in_cells(radius) {
            nearby.insert(doc as usize);
        }
        // Word by word: remote work is kept as it is, without a look at
        // each posting, and only the places in those cells are checked.
        for (n, word) in base.0.iter_mut().enumerate() {
            let remote = self.remote.0[n];
            let mut kept = *word & remote;
            let mut places = *word & nearby.0[n] & !remote;
            while places != 0 {
                let bit = places.trailing_zeros() as usize;
                places &= places - 1;
                if self.within(near, radius, n * 64 + bit, &mut distances) {
                    kept |= 1 << bit;
                }
            }
            *word = kept;
        }
        distances
    }

    /// Whether the place of `doc` (not remote work) is within `radius`;
    /// its distance goes into `distances` when it had to be worked out.
    fn within(
        &self,
        near: &Near,
        radius: &Radius,
        doc: usize,
        distances: &mut Vec<(u32, f64)>,
    ) -> bool {
        let Place { point, direction } = self.places[doc];
        if point.latitude < radius.lat_min
            || point.latitude > radius.lat_max
            || point.longitude < radius.lng_min
            || point.longitude > radius.lng_max
        {
            return false;
        }
        let chord = near.direction.chord_squared(direction);
        if chord < radius.surely_within {
            return true;
        }
        if chord > radius.surely_beyond {
            return false;
        }
        let miles = geo::distance_miles(near.from, point);
        let beyond = miles > radius.miles;
        if !beyond {
            distances.push((doc as u32, miles));
        }
        !beyond
    }

    /// The postings of every grid cell that the radius's latitude and
    /// longitude bounds touch (a few cells for a town; a wide radius reads
    /// the grid's cells rather than the box's).
    fn in_cells<'a>(&'a self, radius: &Radius) -> impl Iterator<Item = u32> + 'a {
        let low = Cell::of(radius.lat_min, radius.lng_min);
        let high = Cell::of(radius.lat_max, radius.lng_max);
        let cells_in_box =
            (i64::from(high.0) - i64::from(low.0) + 1) * (i64::from(high.1) - i64::from(low.1) + 1);
        let within = move |cell: &Cell| {
            (low.0..=high.0).contains(&cell.0) && (low.1..=high.1).contains(&cell.1)
        };
        let by_box: Box<dyn Iterator<Item = &'a Vec<u32>> + 'a> =
            if cells_in_box <= self.grid.len() as i64 {
                Box::new(
                    (low.0..=high.0)
                        .flat_map(move |lat| (low.1..=high.1).map(move |lng| Cell(lat, lng)))
                        .filter_map(|cell| self.grid.get(&cell)),
                )
            } else {
                Box::new(
                    self.grid
                        .iter()
                        .filter(move |(cell, _)| within(cell))
                        .map(|(_, docs)| docs),
                )
            };
        by_box.flatten().copied()
    }

    /// Facet counts and the total into `tally`; returns the hits.
    fn count<R>(&self, matcher: &Matcher, base: &Bits, tally: &mut Tally<R>) -> Hits {
        let tally_into = |counts: &mut [u64], words: &[u64], within: u64| {
            for (count, word) in counts.iter_mut().zip(words) {
                *count += u64::from((within & word).count_ones());
            }
        };
        let mut hits = Bits::empty(self.len);
        let mut count = 0;
        for (n, (&b, values)) in base.0.iter().zip(&self.values).enumerate() {
            if b == 0 {
                continue;
            }
            let k = any_of(&values.kind, matcher.kinds);
            let f = any_of(&values.field, matcher.fields);
            let m = any_of(&values.mode, matcher.modes);
            tally_into(&mut tally.kind, &values.kind, b & f & m);
            tally_into(&mut tally.field, &values.field, b & k & m);
            tally_into(&mut tally.mode, &values.mode, b & k & f);
            let h = b & k & f & m;
            tally_into(&mut tally.need, &values.need, h);
            hits.0[n] = h;
            count += u64::from(h.count_ones());
        }
        tally.total += count;
        Hits { bits: hits, count }
    }
}

/// Of 64 documents (one word of each value's set), those with any of the
/// values selected in `mask` (all of them when none is).
fn any_of(words: &[u64], mask: u64) -> u64 {
    if mask == 0 {
        return u64::MAX;
    }
    words
        .iter()
        .enumerate()
        .filter(|(value, _)| mask & (1 << value) != 0)
        .fold(0, |any, (_, word)| any | word)
}

struct Hits {
    bits: Bits,
    count: u64,
}

/// Where a search by place is centred, and how far it reaches.
#[derive(Debug, Clone)]
pub struct Near {
    from: Point,
    direction: Direction,
    radius: Option<Radius>,
}

/// How far a radius search reaches.
#[derive(Debug, Clone)]
struct Radius {
    miles: f64,
    /// Latitude and longitude bounds of the radius (with 1% to spare), so
    /// that most documents are ruled out before anything else.
    lat_min: f64,
    lat_max: f64,
    lng_min: f64,
    lng_max: f64,
    /// Squared chords (`geo::Direction`) below which a place is within the
    /// radius and above which it is beyond, whatever the rounding; between
    /// the two the great-circle distance decides, as it always did.
    surely_within: f64,
    surely_beyond: f64,
}

impl Radius {
    fn around(from: Point, miles: f64) -> Self {
        let lat = miles / MILES_PER_LAT_DEGREE * 1.01;
        let lng =
            miles / (MILES_PER_LAT_DEGREE * from.latitude.to_radians().cos().max(0.01)) * 1.01;
        let chord = geo::chord_squared_of(miles);
        // Far wider than the rounding of either computation.
        let margin = chord * 1e-9 + 1e-18;
        Radius {
            miles,
            lat_min: from.latitude - lat,
            lat_max: from.latitude + lat,
            lng_min: from.longitude - lng,
            lng_max: from.longitude + lng,
            surely_within: chord - margin,
            surely_beyond: chord + margin,
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
    near: Option<Near>,
    sort: Sort,
    has_text: bool,
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
            near: query.near.as_ref().map(|n| Near {
                from: n.point,
                direction: Direction::of(n.point),
                radius: n.within_miles.map(|miles| Radius::around(n.point, miles)),
            }),
            sort: query.sort,
            has_text: query.has_words(),
        }
    }

    /// Whether hits are ranked by their text relevance (so the text
    /// engine must score them).
    pub fn ranks_by_relevance(&self) -> bool {
        self.sort == Sort::Relevance && self.has_text
    }

    /// The first part of the sort key, for the sorts that do not depend on
    /// the query's text or place.
    fn primary_key(&self, table: &FactTable, doc: usize) -> f64 {
        match self.sort {
            Sort::Deadline => f64::from(table.deadline[doc]),
            Sort::Pay => -f64::from(table.pay[doc]),
            _ => -(table.published_at[doc] as f64),
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

/// Facet counts, the total, and the best `depth` hits (a bounded heap) of
/// one or more tables, for any kind of document reference `R`.
pub struct Tally<R> {
    pub total: u64,
    kind: [u64; OpportunityKind::ALL.len()],
    field: [u64; StemField::ALL.len()],
    mode: [u64; WorkMode::ALL.len()],
    need: [u64; AccessNeed::ALL.len()],
    depth: usize,
    best: BinaryHeap<Ranked<R>>,
}

impl<R> Tally<R> {
    pub fn new(depth: usize) -> Self {
        Tally {
            total: 0,
            kind: [0; OpportunityKind::ALL.len()],
            field: [0; StemField::ALL.len()],
            mode: [0; WorkMode::ALL.len()],
            need: [0; AccessNeed::ALL.len()],
            depth,
            best: BinaryHeap::new(),
        }
    }

    /// False when a hit whose key starts with `primary` cannot make the page.
    fn could_keep(&self, primary: f64) -> bool {
        self.best.len() < self.depth
            || self
                .best
                .peek()
                .is_some_and(|worst| primary.total_cmp(&worst.key.0) != Ordering::Greater)
    }

    fn offer(&mut self, key: (f64, f64, i32), reference: R, distance: Option<f64>) {
        let ranked = Ranked {
            key,
            reference,
            distance,
        };
        if self.best.len() < self.depth {
            self.best.push(ranked);
        } else if self.best.peek().is_some_and(|worst| ranked < *worst) {
            self.best.pop();
            self.best.push(ranked);
        }
    }

    /// The page's references in order, with their distances, and the facets.
    pub fn finish(self, offset: usize) -> Tallied<R> {
        fn counts<T>(
            all: &[T],
            key: fn(&T) -> &'static str,
            counts: &[u64],
        ) -> std::collections::BTreeMap<String, u64> {
            all.iter()
                .zip(counts)
                .map(|(value, count)| (key(value).to_owned(), *count))
                .collect()
        }
        let facets = Facets {
            kind: counts(OpportunityKind::ALL, |v| v.key(), &self.kind),
            field: counts(StemField::ALL, |v| v.key(), &self.field),
            mode: counts(WorkMode::ALL, |v| v.key(), &self.mode),
            need: counts(AccessNeed::ALL, |v| v.key(), &self.need),
        };
        let page = self
            .best
            .into_sorted_vec()
            .into_iter()
            .skip(offset)
            .map(|r| Found {
                reference: r.reference,
                distance_miles: r.distance,
            })
            .collect();
        Tallied {
            total: self.total,
            page,
            facets,
        }
    }
}

/// What a tally found: how many match, the page asked for, and the facets.
pub struct Tallied<R> {
    pub total: u64,
    pub page: Vec<Found<R>>,
    pub facets: Facets,
}

/// One hit of a page: the engine's reference to it, and its distance from
/// the student when a ZIP was given.
pub struct Found<R> {
    pub reference: R,
    pub distance_miles: Option<f64>,
}

#[cfg(test)]
mod tests {
    //! The bitset pipeline against a plain reading of the rules, document by
    //! document, on random documents and queries.
    use chrono::{Duration, NaiveDate};
    use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};

    use super::*;
    use crate::search::query::Near as NearQuery;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn subset<T: Copy>(rng: &mut StdRng, all: &[T], chance: f64) -> Vec<T> {
        all.iter()
            .copied()
            .filter(|_| rng.random_bool(chance))
            .collect()
    }

    fn document(rng: &mut StdRng, id: i32) -> SearchDocument {
        let low = rng.random_range(6..=13);
        let (latitude, longitude) = *[(41.88, -87.63), (29.72, -95.36), (41.5, -87.9)]
            .choose(rng)
            .unwrap();
        SearchDocument {
            id,
            title: String::new(),
            description: String::new(),
            written_in: entity::PostingLanguage::En,
            organization: String::new(),
            organization_id: 1,
            kind: *OpportunityKind::ALL.choose(rng).unwrap(),
            field: *StemField::ALL.choose(rng).unwrap(),
            mode: *WorkMode::ALL.choose(rng).unwrap(),
            needs: subset(rng, AccessNeed::ALL, 0.4),
            languages: subset(rng, &["en", "es", "vi", "zh"], 0.4)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            skills: String::new(),
            min_grade: low,
            max_grade: rng.random_range(low..=13),
            deadline: today() + Duration::days(rng.random_range(-3..30)),
            start_date: today(),
            // Few distinct values, so that ties are common.
            published_at: rng.random_range(0..5) * 3600,
            pay_cents_per_hour: rng.random_range(0..4) * 500,
            pay: String::new(),
            compensation: None,
            pay_cents: None,
            slots_left: rng.random_range(0..3),
            latitude: latitude + rng.random_range(-0.4..0.4),
            longitude: longitude + rng.random_range(-0.4..0.4),
        }
    }

    fn query(rng: &mut StdRng) -> SearchQuery {
        let mut query = SearchQuery::everything(today());
        query.kinds = subset(rng, OpportunityKind::ALL, 0.2);
        query.fields = subset(rng, StemField::ALL, 0.15);
        query.modes = subset(rng, WorkMode::ALL, 0.2);
        query.needs = subset(rng, AccessNeed::ALL, 0.1);
        if rng.random_bool(0.2) {
            query.languages = subset(rng, &["es", "vi", "fr"], 0.5)
                .into_iter()
                .map(str::to_owned)
                .collect();
        }
        query.grade = rng.random_bool(0.4).then(|| rng.random_range(6..=13));
        if rng.random_bool(0.4) {
            query.near = Some(NearQuery {
                point: Point {
                    latitude: 41.88,
                    longitude: -87.63,
                },
                within_miles: rng.random_bool(0.7).then(|| rng.random_range(1.0..60.0)),
                zip: "60601".into(),
            });
        }
        query.sort = *Sort::ALL
            .iter()
            .filter(|s| **s != Sort::Nearest || query.near.is_some())
            .collect::<Vec<_>>()
            .choose(rng)
            .unwrap()
            .to_owned();
        query.per_page = rng.random_range(1..=30);
        query.page = rng.random_range(1..=3);
        query
    }

    /// The radius rule as written: the great-circle distance, or `None`
    /// beyond the radius (remote work is within everyone's reach).
    fn reach(near: &Near, to: Point, remote: bool) -> Option<f64> {
        let miles = geo::distance_miles(near.from, to);
        let beyond = near.radius.as_ref().is_some_and(|r| miles > r.miles);
        (remote || !beyond).then_some(miles)
    }

    /// The rules read one document at a time.
    fn by_hand(
        query: &SearchQuery,
        documents: &[SearchDocument],
    ) -> (u64, Vec<(i32, Option<f64>)>, Facets) {
        let matcher = Matcher::new(query);
        let mut facets = Tally::<()>::new(0);
        let mut hits = Vec::new();
        for d in documents {
            let facts = Facts::of(d);
            let open = facts.deadline >= matcher.today && facts.slots_left > 0;
            let needs = facts.needs & matcher.needs == matcher.needs;
            let grade = query
                .grade
                .is_none_or(|g| (d.min_grade..=d.max_grade).contains(&g));
            let language = query.languages.is_empty()
                || d.languages.iter().any(|l| query.languages.contains(l));
            let point = Point {
                latitude: d.latitude,
                longitude: d.longitude,
            };
            let reach = matcher
                .near
                .as_ref()
                .map(|near| reach(near, point, d.mode == WorkMode::Remote));
            if !(open && needs && grade && language) || reach == Some(None) {
                continue;
            }
            let kind = query.kinds.is_empty() || query.kinds.contains(&d.kind);
            let field = query.fields.is_empty() || query.fields.contains(&d.field);
            let mode = query.modes.is_empty() || query.modes.contains(&d.mode);
            facets.kind[facts.kind as usize] += u64::from(field && mode);
            facets.field[facts.field as usize] += u64::from(kind && mode);
            facets.mode[facts.mode as usize] += u64::from(kind && field);
            if kind && field && mode {
                facets.total += 1;
                for n in &d.needs {
                    facets.need[index_of(AccessNeed::ALL, n) as usize] += 1;
                }
                hits.push((d, reach.flatten()));
            }
        }
        let newest = |d: &SearchDocument| -(d.published_at as f64);
        hits.sort_by(|(a, da), (b, db)| {
            let key = |d: &SearchDocument, distance: Option<f64>| match query.sort {
                Sort::Relevance | Sort::Newest => (newest(d), 0.0, d.id),
                Sort::Deadline => (f64::from(d.deadline.num_days_from_ce()), newest(d), d.id),
                Sort::Nearest => (distance.unwrap(), newest(d), d.id),
                Sort::Pay => (-f64::from(d.pay_cents_per_hour), newest(d), d.id),
            };
            let (ka, kb) = (key(a, *da), key(b, *db));
            ka.0.total_cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(ka.2.cmp(&kb.2))
        });
        let page = hits
            .into_iter()
            .skip(query.offset())
            .take(query.per_page as usize)
            .map(|(d, distance)| (d.id, distance))
            .collect();
        let Tallied { total, facets, .. } = facets.finish(0);
        (total, page, facets)
    }

    /// The pipeline over every document, as the database fallback runs it.
    fn search_documents<'a>(
        query: &SearchQuery,
        documents: &'a [SearchDocument],
    ) -> (u64, Vec<(&'a SearchDocument, Option<f64>)>, Facets) {
        let table: FactTable = documents.iter().map(Facts::of).collect();
        let candidates = Candidates {
            documents: Bits::full(documents.len()),
            relevance: None,
        };
        let mut tally = Tally::new(query.offset() + query.per_page as usize);
        table.search(&Matcher::new(query), candidates, &mut tally, |doc| {
            &documents[doc as usize]
        });
        let found = tally.finish(query.offset());
        let page = found
            .page
            .into_iter()
            .map(|f| (f.reference, f.distance_miles))
            .collect();
        (found.total, page, found.facets)
    }

    #[test]
    fn bitsets_agree_with_the_rules_read_one_document_at_a_time() {
        let mut rng = StdRng::seed_from_u64(7);
        // Sizes around word boundaries, and one big enough for the sorted walk.
        for size in [0, 1, 63, 64, 65, 130, 700] {
            let documents: Vec<_> = (0..size).map(|id| document(&mut rng, id)).collect();
            for _ in 0..150 {
                let query = query(&mut rng);
                let (total, page, facets) = search_documents(&query, &documents);
                let page: Vec<_> = page.into_iter().map(|(d, m)| (d.id, m)).collect();
                let expected = by_hand(&query, &documents);
                let table: FactTable = documents.iter().map(Facts::of).collect();
                let counted = table.total(&Matcher::new(&query), Bits::full(documents.len()));
                assert_eq!(
                    counted, expected.0,
                    "count only: {size} documents, {query:?}"
                );
                assert_eq!(
                    (total, page, facets),
                    expected,
                    "{size} documents, {query:?}"
                );
            }
        }
    }

    #[test]
    fn the_open_set_is_worked_out_again_for_another_day() {
        let mut rng = StdRng::seed_from_u64(3);
        let documents: Vec<_> = (0..200).map(|id| document(&mut rng, id)).collect();
        let table: FactTable = documents.iter().map(Facts::of).collect();
        for days in [0, 10, 0, 40] {
            let day = today() + Duration::days(days);
            let open: Vec<usize> = table.open_on(day.num_days_from_ce()).iter().collect();
            let expected: Vec<usize> = (0..documents.len())
                .filter(|&n| documents[n].deadline >= day && documents[n].slots_left > 0)
                .collect();
            assert_eq!(open, expected, "{day}");
        }
    }
}
