//! The Meilisearch engine, chosen when `MEILI_URL` is set. Writes are
//! asynchronous tasks on the server: a batch only counts as applied once its
//! task succeeded. Rebuilds fill a fresh index and swap it in, so searches
//! never see a half-built index.
//!
//! Spanish postings: Meilisearch has neither stemming nor stop words per
//! language, so the documents carry the Spanish stems of their text
//! (`analysis::spanish_words`, the very words the embedded engine indexes)
//! in `*_es` attributes, declared Spanish through `localizedAttributes`. A
//! search with words runs as two parts, English postings for the query's
//! English words and Spanish postings for its Spanish stems, merged here
//! with the same total order as the embedded engine.

use std::{
    collections::BTreeMap,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use async_trait::async_trait;
use chrono::Datelike;
use entity::{AccessNeed, OpportunityKind, PostingLanguage, StemField, WorkMode};
use meilisearch_sdk::{
    DefaultHttpClient,
    client::{Client, SwapIndexes},
    indexes::Index,
    search::{self, MatchingStrategies, Selectors},
    settings::{
        FacetSortValue, FacetingSettings, LocalizedAttributes, MinWordSizeForTypos,
        PaginationSetting, PrefixSearchSettings, Settings, TypoToleranceSettings,
    },
    task_info::TaskInfo,
};
use serde::{Deserialize, Serialize};

use super::{
    EngineKind, Facets, Hit, Rebuild, SearchDocument, SearchEngine, SearchError, SearchQuery,
    SearchResults, Sort,
    analysis::{self, QueryWords, Searchable},
};
use crate::geo::{self, Point};

const TASK_TIMEOUT: Duration = Duration::from_secs(120);
const TASK_POLL: Duration = Duration::from_millis(25);
const BATCH: usize = 5_000;

/// Where English postings' text is searched, in order of importance.
const ENGLISH_ATTRIBUTES: &[&str] = &[
    "title",
    "organization",
    "skills",
    "field_label",
    "description",
];
/// Where Spanish postings' stems are searched, in order of importance.
const SPANISH_ATTRIBUTES: &[&str] = &["title_es", "organization_es", "body_es"];
/// Meilisearch's default rules with `sort` first (see `settings`).
const RANKING_RULES: &[&str] = &[
    "sort",
    "words",
    "typo",
    "proximity",
    "attribute",
    "exactness",
];

/// A search document as Meilisearch stores it: the document plus the
/// attributes its filters and sorts need.
#[derive(Debug, Serialize, Deserialize)]
struct MeiliDocument {
    #[serde(flatten)]
    document: SearchDocument,
    #[serde(rename = "_geo")]
    geo: Geo,
    /// The posting's point written out (see [`place_key`]), when it is a
    /// ZIP centroid, as every posting's is: a radius search filters on
    /// the places inside the circle, which Meilisearch answers from its
    /// facet values, where `_geoRadius` reads every point inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    deadline_days: i32,
    /// The STEM field's name in the posting's language.
    field_label: String,
    /// Spanish postings only: the stems of their title, organization and
    /// body, which is what their text is searched by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title_es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization_es: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body_es: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Geo {
    lat: f64,
    lng: f64,
}

impl From<SearchDocument> for MeiliDocument {
    fn from(document: SearchDocument) -> Self {
        let stems = (document.written_in == PostingLanguage::Es).then(|| {
            let text = Searchable::of(&document);
            let stems = |text: &str| analysis::spanish_words(text).join(" ");
            (
                stems(&text.title),
                stems(&text.organization),
                stems(&text.body),
            )
        });
        let (title_es, organization_es, body_es) = match stems {
            Some((title, organization, body)) => (Some(title), Some(organization), Some(body)),
            None => (None, None, None),
        };
        let point = Point {
            latitude: document.latitude,
            longitude: document.longitude,
        };
        MeiliDocument {
            geo: Geo {
                lat: document.latitude,
                lng: document.longitude,
            },
            place: geo::is_centroid(point).then(|| place_key(point)),
            deadline_days: document.deadline.num_days_from_ce(),
            field_label: analysis::field_name(&document),
            title_es,
            organization_es,
            body_es,
            document,
        }
    }
}

/// The Meilisearch engine over one index (`uid`).
#[derive(Clone)]
pub struct MeiliEngine {
    client: Client,
    uid: String,
    /// Settings are applied once the server first answers, so the app starts
    /// (and falls back to the database) while Meilisearch is down.
    configured: tokio::sync::OnceCell<()>,
    /// Searches made and the server's own `processingTimeMs` summed over
    /// them, so a benchmark can tell the server's time from the round trip.
    /// Shared by clones, which search the same server.
    searches: Arc<AtomicU64>,
    processing_ms: Arc<AtomicU64>,
}

fn error(e: impl std::fmt::Display) -> SearchError {
    SearchError::new(e)
}

impl MeiliEngine {
    /// An engine for index `uid` on the server at `url` (no request is made yet).
    pub fn new(url: &str, key: Option<&str>, uid: &str) -> Result<Self, SearchError> {
        let client = Client::new(url, key).map_err(error)?;
        Ok(MeiliEngine {
            client,
            uid: uid.to_owned(),
            configured: tokio::sync::OnceCell::new(),
            searches: Arc::default(),
            processing_ms: Arc::default(),
        })
    }

    /// Searches made so far, and Meilisearch's own processing time for
    /// them in milliseconds (each multi-search counts its slowest query:
    /// the server runs them side by side).
    pub fn processing_time(&self) -> (u64, u64) {
        (
            self.searches.load(Ordering::Relaxed),
            self.processing_ms.load(Ordering::Relaxed),
        )
    }

    /// Counts one multi-search round trip for [`Self::processing_time`].
    fn note_round_trip(&self, results: &[search::SearchResults<MeiliDocument>]) {
        let slowest = results
            .iter()
            .map(|r| r.processing_time_ms as u64)
            .max()
            .unwrap_or(0);
        self.searches.fetch_add(1, Ordering::Relaxed);
        self.processing_ms.fetch_add(slowest, Ordering::Relaxed);
    }

    /// Applies the index settings on first use.
    pub async fn ready(&self) -> Result<(), SearchError> {
        self.configured
            .get_or_try_init(|| async { self.configure(&self.index()).await })
            .await
            .map(|_| ())
    }

    /// Deletes the index (tests clean up after themselves).
    pub async fn drop_index(&self) -> Result<(), SearchError> {
        let task = self.index().delete().await.map_err(error)?;
        self.wait(task).await
    }

    fn index(&self) -> Index {
        self.client.index(&self.uid)
    }

    async fn wait(&self, task: TaskInfo) -> Result<(), SearchError> {
        let task = task
            .wait_for_completion(&self.client, Some(TASK_POLL), Some(TASK_TIMEOUT))
            .await
            .map_err(error)?;
        if task.is_success() {
            Ok(())
        } else {
            Err(error(format!("task did not succeed: {task:?}")))
        }
    }

    /// The index settings every search relies on.
    fn settings() -> Settings {
        Settings::new()
            .with_searchable_attributes(ENGLISH_ATTRIBUTES.iter().chain(SPANISH_ATTRIBUTES))
            .with_localized_attributes([
                LocalizedAttributes {
                    locales: vec!["spa".into()],
                    attribute_patterns: vec!["*_es".into()],
                },
                LocalizedAttributes {
                    locales: vec!["eng".into()],
                    attribute_patterns: ENGLISH_ATTRIBUTES.iter().map(|&a| a.into()).collect(),
                },
            ])
            .with_filterable_attributes([
                "id",
                "written_in",
                "kind",
                "field",
                "mode",
                "needs",
                "languages",
                "min_grade",
                "max_grade",
                "deadline_days",
                "slots_left",
                "place",
                "_geo",
            ])
            .with_sortable_attributes([
                "published_at",
                "deadline_days",
                "pay_cents_per_hour",
                "_geo",
                "id",
            ])
            // The order of explicit sorts is the sort alone (ending on the
            // id), as on the embedded engine: `sort` comes before the text
            // rules, which would otherwise put exact matches first. A
            // relevance search sends no sort, so the text rules rank it.
            .with_ranking_rules(RANKING_RULES)
            // The typo rule of `typos`, written out rather than left to
            // defaults that a server or an index might have changed.
            .with_typo_tolerance(TypoToleranceSettings {
                enabled: Some(true),
                disable_on_attributes: Some(vec![]),
                disable_on_words: Some(vec![]),
                min_word_size_for_typos: Some(MinWordSizeForTypos {
                    one_typo: Some(5),
                    two_typos: Some(9),
                }),
                disable_on_numbers: Some(false),
            })
            .with_stop_words(Vec::<String>::new())
            .with_pagination(PaginationSetting {
                max_total_hits: 100_000,
            })
            // Facet values ordered by count: Meilisearch then counts a
            // facet from its values' bitmaps. Ordered alphabetically (its
            // default) it reads every matching document's values when a
            // search matches up to 3,000 documents, 4-5 ms a facet at
            // 100,000 postings: most of a worded search's time. The page
            // orders values itself, and every facet has far fewer values
            // than the cap, so the counts are the same.
            .with_faceting(FacetingSettings {
                max_values_per_facet: 100,
                sort_facet_values_by: Some(
                    [("*".to_owned(), FacetSortValue::Count)]
                        .into_iter()
                        .collect(),
                ),
            })
    }

    /// Applies the settings, unless the index has them already: changed
    /// settings make Meilisearch re-index every document, so only the first
    /// start after a change pays for it.
    async fn configure(&self, index: &Index) -> Result<(), SearchError> {
        self.configure_settings(index).await?;
        // The last word is a prefix (`typos`): Meilisearch's default,
        // checked because an index can have it turned off.
        if index.get_prefix_search().await.ok() != Some(PrefixSearchSettings::IndexingTime) {
            let task = index
                .set_prefix_search(PrefixSearchSettings::IndexingTime)
                .await
                .map_err(error)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    async fn configure_settings(&self, index: &Index) -> Result<(), SearchError> {
        let wanted = Self::settings();
        // A missing index has no settings: setting them creates it.
        if let Ok(current) = index.get_settings().await
            && let (Ok(current), Ok(wanted)) = (
                serde_json::to_value(&current),
                serde_json::to_value(&wanted),
            )
            && covers(&current, &wanted, "")
        {
            return Ok(());
        }
        let task = index.set_settings(&wanted).await.map_err(error)?;
        self.wait(task).await
    }

    async fn add(&self, index: &Index, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        let documents: Vec<MeiliDocument> =
            documents.into_iter().map(MeiliDocument::from).collect();
        for chunk in documents.chunks(BATCH) {
            let task = index
                .add_or_replace(chunk, Some("id"))
                .await
                .map_err(error)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    /// The filter expression of a query, leaving out the facet named `except`.
    fn filter(query: &SearchQuery, except: Option<&str>) -> String {
        let mut parts = vec![
            format!("deadline_days >= {}", query.today.num_days_from_ce()),
            "slots_left >= 1".to_owned(),
        ];
        let any_of = |name: &str, keys: Vec<&str>| {
            (!keys.is_empty() && except != Some(name))
                .then(|| format!("{name} IN [{}]", keys.join(", ")))
        };
        parts.extend(any_of(
            "kind",
            query.kinds.iter().map(|k| k.key()).collect(),
        ));
        parts.extend(any_of(
            "field",
            query.fields.iter().map(|k| k.key()).collect(),
        ));
        parts.extend(any_of(
            "mode",
            query.modes.iter().map(|k| k.key()).collect(),
        ));
        parts.extend(
            query
                .needs
                .iter()
                .map(|need| format!("needs = {}", need.key())),
        );
        if !query.languages.is_empty() {
            parts.push(format!("languages IN [{}]", query.languages.join(", ")));
        }
        if let Some(grade) = query.grade {
            parts.push(format!("min_grade <= {grade} AND max_grade >= {grade}"));
        }
        if let Some(near) = &query.near
            && let Some(miles) = near.within_miles
        {
            parts.push(radius_filter(near.point, miles));
        }
        parts.join(" AND ")
    }

    /// The sort of a query; ties always end on the id, as in the embedded
    /// engine, so that the two parts of a search merge in one total order.
    fn sort(query: &SearchQuery) -> Vec<String> {
        let newest = "published_at:desc".to_owned();
        let id = "id:asc".to_owned();
        match query.sort {
            Sort::Relevance if query.has_words() => vec![],
            Sort::Relevance | Sort::Newest => vec![newest, id],
            Sort::Deadline => vec!["deadline_days:asc".into(), newest, id],
            Sort::Nearest => match &query.near {
                Some(near) => vec![
                    format!(
                        "_geoPoint({}, {}):asc",
                        near.point.latitude, near.point.longitude
                    ),
                    newest,
                    id,
                ],
                None => vec![newest, id],
            },
            Sort::Pay => vec!["pay_cents_per_hour:desc".into(), newest, id],
        }
    }

    /// Every request of a search in one `multi-search` round trip: for each
    /// part its main query (hits, total, the facets without a selection)
    /// and, for each facet with a selected value, a query of its own with
    /// that facet's filter left out. `page` and `hits_per_page` apply to
    /// every part; hits carry their ranking scores when `scores` is asked.
    async fn search_parts(
        &self,
        query: &SearchQuery,
        parts: &[Part],
        page: usize,
        hits_per_page: usize,
        scores: bool,
    ) -> Result<Vec<PartResults>, SearchError> {
        let sort = Self::sort(query);
        let sort: Vec<&str> = sort.iter().map(String::as_str).collect();
        // A facet without a selected value counts the same with or without
        // its own filter: the main query counts it.
        let selected: Vec<&'static str> = [
            ("kind", !query.kinds.is_empty()),
            ("field", !query.fields.is_empty()),
            ("mode", !query.modes.is_empty()),
        ]
        .into_iter()
        .filter_map(|(facet, selected)| selected.then_some(facet))
        .collect();
        let main_facets: Vec<&str> = ["needs", "kind", "field", "mode"]
            .into_iter()
            .filter(|f| !selected.contains(f))
            .collect();
        let own_facets: Vec<[&str; 1]> = selected.iter().map(|f| [*f]).collect();
        // The filters are made before the requests that borrow them.
        let filters: Vec<(String, Vec<String>)> = parts
            .iter()
            .map(|part| {
                let own = selected
                    .iter()
                    .map(|f| part.filter(Self::filter(query, Some(f))))
                    .collect();
                (part.filter(Self::filter(query, None)), own)
            })
            .collect();
        let index = self.index();
        let mut multi = self.client.multi_search();
        for (part, (filter, own_filters)) in parts.iter().zip(&filters) {
            let mut main = index.search();
            main.with_query(&part.text)
                // Every word must match, as in the embedded engine and the fallback.
                .with_matching_strategy(MatchingStrategies::ALL)
                .with_filter(filter)
                .with_facets(Selectors::Some(&main_facets))
                .with_page(page)
                .with_hits_per_page(hits_per_page)
                .with_show_ranking_score(scores);
            part.restrict(&mut main);
            if !sort.is_empty() {
                main.with_sort(&sort);
            }
            multi.with_search_query(main.build());
            for (facets, filter) in own_facets.iter().zip(own_filters) {
                let mut counts = index.search();
                counts
                    .with_query(&part.text)
                    .with_matching_strategy(MatchingStrategies::ALL)
                    .with_filter(filter)
                    .with_facets(Selectors::Some(facets))
                    .with_limit(0);
                part.restrict(&mut counts);
                multi.with_search_query(counts.build());
            }
        }
        let response = multi.execute::<MeiliDocument>().await.map_err(error)?;
        self.note_round_trip(&response.results);
        let mut answers = response.results.into_iter();
        let mut found = Vec::with_capacity(parts.len());
        for _ in parts {
            let main = answers
                .next()
                .ok_or_else(|| error("multi-search answered fewer queries than asked"))?;
            let mut own = BTreeMap::new();
            for facet in &selected {
                let counts = answers
                    .next()
                    .ok_or_else(|| error("multi-search answered fewer queries than asked"))?;
                own.insert(
                    *facet,
                    distribution(counts.facet_distribution.as_ref(), facet),
                );
            }
            found.push(part_results(query, main, own));
        }
        Ok(found)
    }
}

/// One part's answer: its hits, total and facet counts (a facet with a
/// selection counted by its own query, in `own`).
fn part_results(
    query: &SearchQuery,
    main: search::SearchResults<MeiliDocument>,
    mut own: BTreeMap<&'static str, BTreeMap<String, u64>>,
) -> PartResults {
    let mut counts = |facet: &'static str| {
        own.remove(facet)
            .unwrap_or_else(|| distribution(main.facet_distribution.as_ref(), facet))
    };
    let facets = Facets {
        kind: complete(OpportunityKind::KEYS.iter().copied(), counts("kind")),
        field: complete(StemField::KEYS.iter().copied(), counts("field")),
        mode: complete(WorkMode::KEYS.iter().copied(), counts("mode")),
        need: complete(AccessNeed::KEYS.iter().copied(), counts("needs")),
    };
    let hits = main
        .hits
        .into_iter()
        .map(|hit| {
            let document = hit.result.document;
            let distance_miles = query.near.as_ref().map(|near| {
                geo::distance_miles(
                    near.point,
                    Point {
                        latitude: document.latitude,
                        longitude: document.longitude,
                    },
                )
            });
            (
                Hit {
                    document,
                    distance_miles,
                },
                hit.ranking_score.unwrap_or(0.0),
            )
        })
        .collect();
    PartResults {
        total: main.total_hits.unwrap_or(0) as u64,
        hits,
        facets,
    }
}

/// The postings one request to Meilisearch looks at, and how it reads the
/// query's text for them.
struct Part {
    text: String,
    /// `None`: every posting, every searchable attribute (a search without
    /// words); else the postings of one language, in its own attributes.
    language: Option<PostingLanguage>,
}

impl Part {
    /// The parts of a search: one when it has no words; else the English
    /// postings for its English words and, unless the query is only Spanish
    /// stop words, the Spanish postings for its Spanish stems.
    fn of(query: &SearchQuery) -> Vec<Part> {
        let words = QueryWords::of(&query.text);
        if words.is_empty() {
            return vec![Part {
                text: String::new(),
                language: None,
            }];
        }
        // The words as the index reads them, not the text as typed: the
        // embedded engine sees the same words, the last one is the prefix
        // even after a trailing full stop, and quotes or a leading `-` are
        // not Meilisearch's phrase and exclusion operators.
        let mut parts = vec![Part {
            text: words.english.join(" "),
            language: Some(PostingLanguage::En),
        }];
        if let Some(stems) = words.for_language(PostingLanguage::Es) {
            parts.push(Part {
                text: stems.join(" "),
                language: Some(PostingLanguage::Es),
            });
        }
        parts
    }

    /// `filter` narrowed to this part's postings. Documents indexed before
    /// postings had a language count as English.
    fn filter(&self, filter: String) -> String {
        match self.language {
            None => filter,
            Some(PostingLanguage::En) => format!("{filter} AND NOT written_in = es"),
            Some(PostingLanguage::Es) => format!("{filter} AND written_in = es"),
        }
    }

    /// Searches this part's attributes only, as its language.
    fn restrict(&self, request: &mut search::SearchQuery<'_, DefaultHttpClient>) {
        match self.language {
            None => {}
            Some(PostingLanguage::En) => {
                request.with_attributes_to_search_on(ENGLISH_ATTRIBUTES);
            }
            Some(PostingLanguage::Es) => {
                request
                    .with_attributes_to_search_on(SPANISH_ATTRIBUTES)
                    .with_locales(&["spa"]);
            }
        }
    }
}

/// What one part of a search found.
struct PartResults {
    total: u64,
    /// The hits of the page asked for, with their ranking scores.
    hits: Vec<(Hit, f64)>,
    facets: Facets,
}

/// The key that orders hits of both parts as the embedded engine orders
/// them (`matching::Matcher::sort_key`): smaller first, ties to the newer
/// posting, then the lower id.
fn merge_key(query: &SearchQuery, hit: &Hit, score: f64) -> (f64, f64, i32) {
    let d = &hit.document;
    let newer = -(d.published_at as f64);
    match query.sort {
        Sort::Relevance if query.has_words() => (-score, newer, d.id),
        Sort::Relevance | Sort::Newest => (newer, 0.0, d.id),
        Sort::Deadline => (f64::from(d.deadline.num_days_from_ce()), newer, d.id),
        Sort::Pay => (-f64::from(d.pay_cents_per_hour), newer, d.id),
        Sort::Nearest => (hit.distance_miles.unwrap_or(0.0), newer, d.id),
    }
}

/// Adds one part's facet counts to another's.
fn add_facets(into: &mut Facets, other: Facets) {
    for (into, other) in [
        (&mut into.kind, other.kind),
        (&mut into.field, other.field),
        (&mut into.mode, other.mode),
        (&mut into.need, other.need),
    ] {
        for (key, count) in other {
            *into.entry(key).or_insert(0) += count;
        }
    }
}

/// More places than this in a radius (a search of hundreds of miles) and
/// the filter asks for `_geoRadius` instead of naming them all.
const MOST_PLACES_NAMED: usize = 400;

/// A point as the `place` facet value: both coordinates as Rust writes an
/// `f64` (the shortest text that reads back as the same number).
fn place_key(point: Point) -> String {
    format!("{},{}", point.latitude, point.longitude)
}

/// Postings within `miles` of `center`, and remote ones. `_geoRadius` costs
/// Meilisearch a walk over every point inside the circle (15-18 ms over
/// 25,000 of them); naming the ZIP centroids inside it costs a facet
/// lookup each, and gives the same postings, since a posting stands at
/// its ZIP's centroid. A document without `place` (indexed by an older
/// version, or not at a centroid) is still judged by `_geoRadius`, which
/// Meilisearch skips when no such document is left.
fn radius_filter(center: Point, miles: f64) -> String {
    let meters = (miles * 1609.344).ceil();
    let radius = format!(
        "_geoRadius({}, {}, {meters})",
        center.latitude, center.longitude
    );
    match geo::centroids_within(center, miles, MOST_PLACES_NAMED) {
        Some(places) if !places.is_empty() => {
            let named: Vec<String> = places
                .into_iter()
                .map(|place| format!("\"{}\"", place_key(place)))
                .collect();
            format!(
                "(place IN [{}] OR mode = remote OR (place NOT EXISTS AND {radius}))",
                named.join(", ")
            )
        }
        _ => format!("({radius} OR mode = remote)"),
    }
}

/// Whether the `current` settings already hold every `wanted` value. Sets
/// come back from the server in its own order; the order of the searchable
/// attributes (their importance) and of the ranking rules must match exactly.
fn covers(current: &serde_json::Value, wanted: &serde_json::Value, key: &str) -> bool {
    use serde_json::Value;
    match (current, wanted) {
        (Value::Object(current), Value::Object(wanted)) => wanted
            .iter()
            .all(|(k, w)| current.get(k).is_some_and(|c| covers(c, w, k))),
        (Value::Array(current), Value::Array(wanted))
            if !matches!(key, "searchableAttributes" | "rankingRules") =>
        {
            current.len() == wanted.len() && wanted.iter().all(|w| current.contains(w))
        }
        _ => current == wanted,
    }
}

fn distribution(
    all: Option<&std::collections::HashMap<String, std::collections::HashMap<String, usize>>>,
    facet: &str,
) -> BTreeMap<String, u64> {
    all.and_then(|all| all.get(facet))
        .map(|counts| counts.iter().map(|(k, v)| (k.clone(), *v as u64)).collect())
        .unwrap_or_default()
}

/// Every key of a vocabulary present, zero when absent, like the embedded engine.
fn complete(
    keys: impl Iterator<Item = &'static str>,
    counts: BTreeMap<String, u64>,
) -> BTreeMap<String, u64> {
    keys.map(|k| (k.to_owned(), counts.get(k).copied().unwrap_or(0)))
        .collect()
}

#[async_trait]
impl SearchEngine for MeiliEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Meilisearch
    }

    async fn index(&self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        self.ready().await?;
        self.add(&self.index(), documents).await
    }

    async fn delete(&self, ids: Vec<i32>) -> Result<(), SearchError> {
        self.ready().await?;
        let task = self.index().delete_documents(&ids).await.map_err(error)?;
        self.wait(task).await
    }

    async fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        self.ready().await?;
        let parts = Part::of(query);
        if parts.len() == 1 {
            // One part: Meilisearch pages it itself.
            let found = self
                .search_parts(
                    query,
                    &parts,
                    query.page as usize,
                    query.per_page as usize,
                    false,
                )
                .await?;
            let Some(found) = found.into_iter().next() else {
                return Err(error("a search has at least one part"));
            };
            return Ok(SearchResults {
                total: found.total,
                hits: found.hits.into_iter().map(|(hit, _)| hit).collect(),
                facets: found.facets,
            });
        }
        // Two parts: each gives its best hits down to this page, and the
        // page is cut from both merged in one total order.
        let depth = query.offset() + query.per_page as usize;
        let scores = query.sort == Sort::Relevance;
        let found = self.search_parts(query, &parts, 1, depth, scores).await?;
        let mut total = 0;
        let mut facets = Facets::default();
        let mut hits = Vec::new();
        for part in found {
            total += part.total;
            add_facets(&mut facets, part.facets);
            hits.extend(part.hits);
        }
        hits.sort_by(|(a, a_score), (b, b_score)| {
            let (a, b) = (merge_key(query, a, *a_score), merge_key(query, b, *b_score));
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        Ok(SearchResults {
            total,
            hits: hits
                .into_iter()
                .skip(query.offset())
                .take(query.per_page as usize)
                .map(|(hit, _)| hit)
                .collect(),
            facets,
        })
    }

    async fn count(&self, queries: &[SearchQuery]) -> Result<Vec<u64>, SearchError> {
        self.ready().await?;
        if queries.is_empty() {
            return Ok(Vec::new());
        }
        // Every part of every query in one round trip, each counted
        // exactly (page mode, no hits, no facets); a search's total is the
        // sum of its parts', as in `search`.
        let parts: Vec<Vec<Part>> = queries.iter().map(Part::of).collect();
        let filters: Vec<Vec<String>> = queries
            .iter()
            .zip(&parts)
            .map(|(query, parts)| {
                parts
                    .iter()
                    .map(|part| part.filter(Self::filter(query, None)))
                    .collect()
            })
            .collect();
        let index = self.index();
        let mut multi = self.client.multi_search();
        for (parts, filters) in parts.iter().zip(&filters) {
            for (part, filter) in parts.iter().zip(filters) {
                let mut request = index.search();
                request
                    .with_query(&part.text)
                    .with_matching_strategy(MatchingStrategies::ALL)
                    .with_filter(filter)
                    .with_page(1)
                    .with_hits_per_page(0);
                part.restrict(&mut request);
                multi.with_search_query(request.build());
            }
        }
        let response = multi.execute::<MeiliDocument>().await.map_err(error)?;
        self.note_round_trip(&response.results);
        let mut answers = response.results.into_iter();
        let mut totals = Vec::with_capacity(queries.len());
        for parts in &parts {
            let mut total = 0;
            for _ in parts {
                let answer = answers
                    .next()
                    .ok_or_else(|| error("multi-search answered fewer queries than asked"))?;
                total += answer.total_hits.unwrap_or(0) as u64;
            }
            totals.push(total);
        }
        Ok(totals)
    }

    async fn health(&self) -> Result<(), SearchError> {
        self.client.health().await.map(|_| ()).map_err(error)
    }

    async fn document_count(&self) -> Result<u64, SearchError> {
        match self.index().get_stats().await {
            Ok(stats) => Ok(stats.number_of_documents as u64),
            // A server that lost its data has no index at all.
            Err(meilisearch_sdk::errors::Error::Meilisearch(e))
                if e.error_code == meilisearch_sdk::errors::ErrorCode::IndexNotFound =>
            {
                Ok(0)
            }
            Err(e) => Err(error(e)),
        }
    }

    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>, SearchError> {
        self.ready().await?;
        let fresh_uid = format!("{}_rebuild", self.uid);
        // A rebuild that died half-way may have left this index behind.
        if let Ok(task) = self.client.index(&fresh_uid).delete().await {
            let _ = self.wait(task).await;
        }
        let task = self
            .client
            .create_index(&fresh_uid, Some("id"))
            .await
            .map_err(error)?;
        self.wait(task).await?;
        let fresh = self.client.index(&fresh_uid);
        self.configure(&fresh).await?;
        Ok(Box::new(MeiliRebuild {
            engine: self.clone(),
            fresh,
        }))
    }
}

/// A rebuild into a fresh index, swapped with the live one at the end.
struct MeiliRebuild {
    engine: MeiliEngine,
    fresh: Index,
}

#[async_trait]
impl Rebuild for MeiliRebuild {
    async fn add(&mut self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        self.engine.add(&self.fresh, documents).await
    }

    async fn finish(self: Box<Self>) -> Result<(), SearchError> {
        let MeiliRebuild { engine, fresh } = *self;
        // The live index may not exist yet on a first rebuild.
        if engine.client.get_index(&engine.uid).await.is_err() {
            let task = engine
                .client
                .create_index(&engine.uid, Some("id"))
                .await
                .map_err(error)?;
            engine.wait(task).await?;
        }
        let swap = SwapIndexes {
            indexes: (engine.uid.clone(), fresh.uid.clone()),
            rename: None,
        };
        let task = engine.client.swap_indexes([&swap]).await.map_err(error)?;
        engine.wait(task).await?;
        let task = fresh.delete().await.map_err(error)?;
        engine.wait(task).await
    }
}

#[cfg(test)]
mod tests {
    //! What can be checked without a server: the documents sent, the parts
    //! a search is split into, the merge order, and when settings are sent.
    use chrono::NaiveDate;
    use serde_json::json;

    use super::*;

    fn document(id: i32, written_in: PostingLanguage, title: &str) -> SearchDocument {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        SearchDocument {
            id,
            title: title.into(),
            description: String::new(),
            written_in,
            organization: "Acme".into(),
            organization_id: 1,
            kind: OpportunityKind::Internship,
            field: StemField::Engineering,
            mode: WorkMode::OnSite,
            needs: vec![],
            languages: vec![],
            skills: String::new(),
            min_grade: 9,
            max_grade: 12,
            deadline: day,
            start_date: day,
            published_at: 0,
            pay_cents_per_hour: 0,
            pay: String::new(),
            compensation: None,
            pay_cents: None,
            slots_left: 1,
            latitude: 0.0,
            longitude: 0.0,
        }
    }

    #[test]
    fn a_spanish_document_carries_the_stems_the_embedded_engine_indexes() {
        let spanish = serde_json::to_value(MeiliDocument::from(document(
            1,
            PostingLanguage::Es,
            "Prácticas pagadas de ingeniería",
        )))
        .unwrap();
        assert_eq!(spanish["written_in"], "es");
        assert_eq!(spanish["title_es"], "practic pag ingenieri");
        assert_eq!(spanish["field_label"], "Ingeniería");
        assert_eq!(
            spanish["body_es"],
            analysis::spanish_words("Ingeniería").join(" ")
        );
        let english = serde_json::to_value(MeiliDocument::from(document(
            2,
            PostingLanguage::En,
            "Engineering intern",
        )))
        .unwrap();
        assert_eq!(english["written_in"], "en");
        assert_eq!(english["field_label"], "Engineering");
        assert!(english.get("title_es").is_none());
        // A document stored before postings had a language reads as English.
        let mut old = english.clone();
        old.as_object_mut().unwrap().remove("written_in");
        let old: MeiliDocument = serde_json::from_value(old).unwrap();
        assert_eq!(old.document.written_in, PostingLanguage::En);
    }

    #[test]
    fn a_search_with_words_has_an_english_part_and_a_spanish_part_unless_only_stop_words() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let parts = |text: &str| {
            Part::of(&SearchQuery {
                text: text.into(),
                ..SearchQuery::everything(day)
            })
        };
        let both = parts("Ingeniería de la salud");
        assert_eq!(both.len(), 2);
        assert_eq!(both[0].text, "ingenieria de la salud");
        assert_eq!(both[1].text, "ingenieri salud");
        assert_eq!(
            both[0].filter("slots_left >= 1".into()),
            "slots_left >= 1 AND NOT written_in = es"
        );
        assert_eq!(
            both[1].filter("slots_left >= 1".into()),
            "slots_left >= 1 AND written_in = es"
        );
        let stop_words = parts("de la");
        assert_eq!(stop_words.len(), 1);
        assert_eq!(stop_words[0].language, Some(PostingLanguage::En));
        let none = parts("");
        assert_eq!(none.len(), 1);
        assert_eq!(none[0].language, None);
        assert_eq!(none[0].filter("x".into()), "x");
    }

    #[test]
    fn merged_parts_follow_the_embedded_engines_total_order() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let hit = |id: i32, published_at: i64, pay: i32| Hit {
            document: SearchDocument {
                published_at,
                pay_cents_per_hour: pay,
                ..document(id, PostingLanguage::En, "")
            },
            distance_miles: None,
        };
        let order = |sort: Sort, text: &str, hits: &[(Hit, f64)]| {
            let query = SearchQuery {
                sort,
                text: text.into(),
                ..SearchQuery::everything(day)
            };
            let mut hits: Vec<&(Hit, f64)> = hits.iter().collect();
            hits.sort_by(|(a, sa), (b, sb)| {
                let (a, b) = (merge_key(&query, a, *sa), merge_key(&query, b, *sb));
                a.0.total_cmp(&b.0)
                    .then(a.1.total_cmp(&b.1))
                    .then(a.2.cmp(&b.2))
            });
            hits.iter().map(|(h, _)| h.document.id).collect::<Vec<_>>()
        };
        let hits = [
            (hit(3, 10, 1500), 0.5),
            (hit(1, 20, 1500), 0.9),
            (hit(2, 20, 1800), 0.9),
        ];
        assert_eq!(order(Sort::Newest, "x", &hits), vec![1, 2, 3]);
        assert_eq!(order(Sort::Pay, "x", &hits), vec![2, 1, 3]);
        assert_eq!(order(Sort::Relevance, "x", &hits), vec![1, 2, 3]);
    }

    #[test]
    fn settings_are_sent_only_when_the_server_lacks_them() {
        let wanted = serde_json::to_value(MeiliEngine::settings()).unwrap();
        // The server answers sets in its own order and with every setting.
        let mut current = wanted.clone();
        let object = current.as_object_mut().unwrap();
        object["filterableAttributes"]
            .as_array_mut()
            .unwrap()
            .reverse();
        object.insert("stopWords".into(), json!([]));
        object.insert("facetSearch".into(), json!(true));
        assert!(covers(&current, &wanted, ""));

        let mut reordered = current.clone();
        reordered["searchableAttributes"]
            .as_array_mut()
            .unwrap()
            .reverse();
        assert!(!covers(&reordered, &wanted, ""), "importance changed");
        let mut older = current.clone();
        older.as_object_mut().unwrap().remove("localizedAttributes");
        assert!(!covers(&older, &wanted, ""), "set before Spanish postings");
        let mut alphabetical = current.clone();
        alphabetical["faceting"]["sortFacetValuesBy"] = json!({"*": "alpha"});
        assert!(
            !covers(&alphabetical, &wanted, ""),
            "facets counted document by document"
        );
    }

    #[test]
    fn a_radius_names_the_places_inside_it_and_keeps_the_slow_rule_for_the_rest() {
        let loop_chicago = geo::zip_centroid("60601").unwrap();
        let little_village = geo::zip_centroid("60623").unwrap();
        let filter = radius_filter(loop_chicago, 10.0);
        assert!(filter.starts_with("(place IN [\""), "{filter}");
        assert!(filter.contains(&format!("\"{}\"", place_key(little_village))));
        let radius = |meters: u32| {
            format!(
                "_geoRadius({}, {}, {meters})",
                loop_chicago.latitude, loop_chicago.longitude
            )
        };
        assert!(filter.ends_with(&format!(
            "OR mode = remote OR (place NOT EXISTS AND {}))",
            radius(16094)
        )));
        let at_little_village = MeiliDocument::from(SearchDocument {
            latitude: little_village.latitude,
            longitude: little_village.longitude,
            ..document(1, PostingLanguage::En, "Lab")
        });
        assert_eq!(at_little_village.place, Some(place_key(little_village)));
        let off_centroid = MeiliDocument::from(SearchDocument {
            latitude: 41.0,
            ..document(1, PostingLanguage::En, "Lab")
        });
        assert_eq!(off_centroid.place, None, "judged by _geoRadius");
        // Hundreds of miles name too many places.
        assert_eq!(
            radius_filter(loop_chicago, 300.0),
            format!("({} OR mode = remote)", radius(482804))
        );
    }
}
