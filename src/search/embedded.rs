//! The embedded engine: a tantivy index on disk under DATA_DIR. No server to
//! run, and a real full-text engine (BM25, typo tolerance, accent folding).
//!
//! Each posting's text is indexed in the fields of its own language (see
//! `analysis`): English words in `title`/`organization`/`body`/`all`,
//! Spanish stems in the same fields suffixed `_es`. A query is read both
//! ways and matches a posting when it matches in the posting's language.
//!
//! Text matching is tantivy's; filters, facets and ordering run over a
//! per-segment `FactTable` read once from fast fields, through the same
//! `matching` rules as the database fallback. A search without words skips
//! tantivy and passes over the table alone.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use entity::PostingLanguage;
use tantivy::{
    DocAddress, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, SegmentOrdinal,
    SegmentReader, TantivyDocument, Term,
    index::SegmentId,
    schema::{
        FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
        Value,
    },
    tokenizer::{TextAnalyzer, WhitespaceTokenizer},
};

use super::{
    EngineKind, Hit, Rebuild, SearchDocument, SearchEngine, SearchError, SearchQuery,
    SearchResults,
    analysis::{self, QueryWords, Searchable},
    checkpoint::{Durability, Found, UnsyncedDirectory},
    matching::{Bits, Candidates, FactTable, Facts, Matcher, Tallied, Tally},
    text::{TextFields, TextSearch},
    word_cache::WordCache,
};

/// Bump when the schema changes: the index is then rebuilt from the database.
const SCHEMA_VERSION: &str = "6";
/// English text: folded words (`analysis::english_analyzer`).
const TOKENIZER: &str = "folded";
/// Spanish text arrives already cut into stems by `analysis::spanish_words`
/// (the fallback and Meilisearch get the very same stems).
const STEMS: &str = "stems";
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    english: TextFields,
    spanish: TextFields,
    payload: Field,
    kind: Field,
    field: Field,
    mode: Field,
    needs: Field,
    lang0: Field,
    lang1: Field,
    lang2: Field,
    min_grade: Field,
    max_grade: Field,
    deadline: Field,
    slots_left: Field,
    latitude: Field,
    longitude: Field,
    published_at: Field,
    pay: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let mut text_fields = |suffix: &str, tokenizer: &str| TextFields {
        title: builder.add_text_field(&format!("title{suffix}"), text(tokenizer)),
        organization: builder.add_text_field(&format!("organization{suffix}"), text(tokenizer)),
        body: builder.add_text_field(&format!("body{suffix}"), text(tokenizer)),
        all: builder.add_text_field(&format!("all{suffix}"), text(tokenizer)),
    };
    let english = text_fields("", TOKENIZER);
    let spanish = text_fields("_es", STEMS);
    let fields = Fields {
        id: builder.add_u64_field("id", INDEXED | FAST),
        english,
        spanish,
        payload: builder.add_text_field("payload", STORED),
        kind: builder.add_u64_field("kind", FAST),
        field: builder.add_u64_field("field", FAST),
        mode: builder.add_u64_field("mode", FAST),
        needs: builder.add_u64_field("needs", FAST),
        lang0: builder.add_u64_field("lang0", FAST),
        lang1: builder.add_u64_field("lang1", FAST),
        lang2: builder.add_u64_field("lang2", FAST),
        min_grade: builder.add_i64_field("min_grade", FAST),
        max_grade: builder.add_i64_field("max_grade", FAST),
        deadline: builder.add_i64_field("deadline", FAST),
        slots_left: builder.add_i64_field("slots_left", FAST),
        latitude: builder.add_f64_field("latitude", FAST),
        longitude: builder.add_f64_field("longitude", FAST),
        published_at: builder.add_i64_field("published_at", FAST),
        pay: builder.add_i64_field("pay", FAST),
    };
    (builder.build(), fields)
}

struct Inner {
    index: Index,
    reader: IndexReader,
    /// One write at a time in this process (a rebuild holds it throughout).
    /// The writer itself (and tantivy's lock file) is taken per batch, so a
    /// stopped app or a `reindex` run in another process never leaves the
    /// index locked for long.
    write_lock: Arc<tokio::sync::Mutex<()>>,
    fields: Fields,
    /// Facts of each live segment, built once per segment.
    facts: Mutex<HashMap<SegmentId, Arc<FactTable>>>,
    /// Query words' documents per segment, read from the postings once.
    words: WordCache,
    /// Commits skip the disk; checkpoints sync (see `checkpoint`).
    durability: Durability,
}

/// Searches are CPU work: running more at once than there are cores only
/// shares the cores out, so every search of a burst finishes late. This
/// first-come, first-served gate lets one search per core run and the rest
/// wait their turn, which keeps the slowest answers close to the average.
fn search_gate() -> tokio::sync::Semaphore {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    tokio::sync::Semaphore::new(cores)
}

/// The embedded search engine.
#[derive(Clone)]
pub struct EmbeddedEngine {
    inner: Arc<Inner>,
    searches: Arc<tokio::sync::Semaphore>,
    /// True when the index was created empty (new install, schema change,
    /// an index a power failure tore): it must be filled from the database.
    pub created: bool,
    /// Set when the last run committed after its last checkpoint: changes
    /// marked done in the outbox since this time may be missing from the
    /// index and must be applied again (`sync::reapply_since`).
    pub unsynced_since: Option<DateTime<Utc>>,
}

fn error(e: impl std::fmt::Display) -> SearchError {
    SearchError::new(e)
}

impl EmbeddedEngine {
    /// Opens the index under `directory`, creating it empty (`created`) when
    /// it is new, its schema changed, or it cannot be used as it is (a power
    /// failure tore it): the database has everything it held.
    pub fn open(directory: &Path) -> Result<Self, SearchError> {
        let version_file = directory.join("schema-version");
        let current = std::fs::read_to_string(&version_file).ok();
        // The stored documents' shape is part of the index's version.
        let version = format!("{SCHEMA_VERSION}/{}", super::documents::SHAPE);
        if current.as_deref() == Some(version.as_str()) {
            match Self::open_in(directory, true) {
                Ok(engine) => return Ok(engine),
                Err(e) => tracing::warn!(
                    error = %e,
                    "the search index cannot be used as it is: rebuilding it from the database"
                ),
            }
        }
        if directory.exists() {
            std::fs::remove_dir_all(directory).map_err(error)?;
        }
        std::fs::create_dir_all(directory).map_err(error)?;
        let mut engine = Self::open_in(directory, false)?;
        std::fs::write(&version_file, &version).map_err(error)?;
        engine.created = true;
        Ok(engine)
    }

    /// Opens the index in `directory`, or creates it unless `existing`.
    fn open_in(directory: &Path, existing: bool) -> Result<Self, SearchError> {
        let (durability, found) = Durability::open(directory).map_err(error)?;
        let unsynced_since = match found {
            Found::Synced => None,
            Found::UnsyncedSince(at) => Some(at),
        };
        let (schema, fields) = schema();
        let files = UnsyncedDirectory::open(directory).map_err(error)?;
        if existing && !Index::exists(&files).map_err(error)? {
            return Err(error("meta.json is missing"));
        }
        let index = Index::open_or_create(files, schema).map_err(error)?;
        if unsynced_since.is_some() {
            // After a power failure, files of the last commits may be torn.
            let damaged = index.validate_checksum().map_err(error)?;
            if !damaged.is_empty() {
                return Err(error(format!("damaged files: {damaged:?}")));
            }
        }
        index
            .tokenizers()
            .register(TOKENIZER, analysis::english_analyzer());
        index
            .tokenizers()
            .register(STEMS, TextAnalyzer::from(WhitespaceTokenizer::default()));
        // Our own writes reload at once; commits by another process show
        // within a second. Building the reader opens every segment: a
        // missing file fails here.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(error)?;
        Ok(EmbeddedEngine {
            inner: Arc::new(Inner {
                index,
                reader,
                write_lock: Arc::new(tokio::sync::Mutex::new(())),
                fields,
                facts: Mutex::new(HashMap::new()),
                words: WordCache::default(),
                durability,
            }),
            searches: Arc::new(search_gate()),
            created: false,
            unsynced_since,
        })
    }

    /// Where the index lives under DATA_DIR.
    pub fn directory(data_dir: &Path) -> PathBuf {
        data_dir.join("search-index")
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Inner) -> Result<T, SearchError> + Send + 'static,
    ) -> Result<T, SearchError> {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || work(&inner))
            .await
            .map_err(error)?
    }
}

impl Inner {
    fn to_tantivy(&self, d: &SearchDocument) -> Result<TantivyDocument, SearchError> {
        let f = &self.fields;
        let facts = Facts::of(d);
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, d.id as u64);
        let text = Searchable::of(d);
        let (fields, text) = match d.written_in {
            PostingLanguage::En => (f.english, text),
            PostingLanguage::Es => {
                let stems = |text: &str| analysis::spanish_words(text).join(" ");
                let stemmed = Searchable {
                    title: stems(&text.title),
                    organization: stems(&text.organization),
                    body: stems(&text.body),
                };
                (f.spanish, stemmed)
            }
        };
        doc.add_text(
            fields.all,
            format!("{} {} {}", text.title, text.organization, text.body),
        );
        doc.add_text(fields.title, text.title);
        doc.add_text(fields.organization, text.organization);
        doc.add_text(fields.body, text.body);
        doc.add_text(f.payload, serde_json::to_string(d).map_err(error)?);
        doc.add_u64(f.kind, u64::from(facts.kind));
        doc.add_u64(f.field, u64::from(facts.field));
        doc.add_u64(f.mode, u64::from(facts.mode));
        doc.add_u64(f.needs, facts.needs);
        doc.add_u64(f.lang0, facts.languages[0]);
        doc.add_u64(f.lang1, facts.languages[1]);
        doc.add_u64(f.lang2, facts.languages[2]);
        doc.add_i64(f.min_grade, i64::from(facts.min_grade));
        doc.add_i64(f.max_grade, i64::from(facts.max_grade));
        doc.add_i64(f.deadline, i64::from(facts.deadline));
        doc.add_i64(f.slots_left, i64::from(facts.slots_left));
        doc.add_f64(f.latitude, facts.latitude);
        doc.add_f64(f.longitude, facts.longitude);
        doc.add_i64(f.published_at, facts.published_at);
        doc.add_i64(f.pay, i64::from(facts.pay));
        Ok(doc)
    }

    fn writer(&self) -> Result<IndexWriter, SearchError> {
        self.index
            .writer(WRITER_MEMORY)
            .map_err(|e| error(format!("{e} (is another process writing this index?)")))
    }

    fn add(&self, writer: &IndexWriter, documents: &[SearchDocument]) -> Result<(), SearchError> {
        for document in documents {
            writer
                .add_document(self.to_tantivy(document)?)
                .map_err(error)?;
        }
        Ok(())
    }

    /// Commits, and returns once searches see the commit. The commit's files
    /// reach the disk at the next checkpoint.
    fn commit(&self, mut writer: IndexWriter) -> Result<(), SearchError> {
        self.durability.before_commit().map_err(error)?;
        writer.commit().map_err(error)?;
        // Searches see the commit before the merges it started are done: a
        // merge into a large segment can take far longer than the commit
        // (seen: 180 ms after a 75 ms commit), and what it changes is only
        // how the same documents are stored. Its result is picked up by the
        // reader's reload on commit.
        self.reader.reload().map_err(error)?;
        writer.wait_merging_threads().map_err(error)
    }

    /// Replaces these documents and removes those of `deletes`.
    fn write(&self, deletes: &[i32], documents: &[SearchDocument]) -> Result<(), SearchError> {
        let _one_at_a_time = self.write_lock.blocking_lock();
        let writer = self.writer()?;
        for id in deletes.iter().chain(documents.iter().map(|d| &d.id)) {
            writer.delete_term(Term::from_field_u64(self.fields.id, *id as u64));
        }
        self.add(&writer, documents)?;
        self.commit(writer)
    }

    /// Syncs what was committed since the last checkpoint. The caller holds
    /// the write lock: no commit is half written meanwhile.
    fn checkpoint_locked(&self) -> Result<(), SearchError> {
        let started = std::time::Instant::now();
        if self.durability.checkpoint().map_err(error)? {
            tracing::debug!(elapsed = ?started.elapsed(), "search index checkpoint");
        }
        Ok(())
    }

    /// The facts of a segment, from the cache or read from its fast fields.
    fn segment_facts(&self, segment: &SegmentReader) -> Result<Arc<FactTable>, SearchError> {
        let id = segment.segment_id();
        if let Some(facts) = self
            .facts
            .lock()
            .map_err(|_| error("cache poisoned"))?
            .get(&id)
        {
            return Ok(Arc::clone(facts));
        }
        let fast = segment.fast_fields();
        let u = |name: &str| fast.u64(name).map_err(error);
        let i = |name: &str| fast.i64(name).map_err(error);
        let g = |name: &str| fast.f64(name).map_err(error);
        let (id_col, kind, field, mode, needs) =
            (u("id")?, u("kind")?, u("field")?, u("mode")?, u("needs")?);
        let (lang0, lang1, lang2) = (u("lang0")?, u("lang1")?, u("lang2")?);
        let (min_grade, max_grade, deadline, slots) = (
            i("min_grade")?,
            i("max_grade")?,
            i("deadline")?,
            i("slots_left")?,
        );
        let (latitude, longitude, published_at, pay) = (
            g("latitude")?,
            g("longitude")?,
            i("published_at")?,
            i("pay")?,
        );
        let facts: FactTable = (0..segment.max_doc())
            .map(|doc| Facts {
                id: id_col.first(doc).unwrap_or(0) as i32,
                kind: kind.first(doc).unwrap_or(0) as u8,
                field: field.first(doc).unwrap_or(0) as u8,
                mode: mode.first(doc).unwrap_or(0) as u8,
                needs: needs.first(doc).unwrap_or(0),
                languages: [
                    lang0.first(doc).unwrap_or(0),
                    lang1.first(doc).unwrap_or(0),
                    lang2.first(doc).unwrap_or(0),
                ],
                min_grade: min_grade.first(doc).unwrap_or(0) as i32,
                max_grade: max_grade.first(doc).unwrap_or(0) as i32,
                deadline: deadline.first(doc).unwrap_or(0) as i32,
                slots_left: slots.first(doc).unwrap_or(0) as i32,
                latitude: latitude.first(doc).unwrap_or(0.0),
                longitude: longitude.first(doc).unwrap_or(0.0),
                published_at: published_at.first(doc).unwrap_or(0),
                pay: pay.first(doc).unwrap_or(0) as i32,
            })
            .collect();
        let facts = Arc::new(facts);
        self.facts
            .lock()
            .map_err(|_| error("cache poisoned"))?
            .insert(id, Arc::clone(&facts));
        Ok(facts)
    }

    /// The facts of each live segment, in segment order; forgets those of
    /// segments that merges have replaced.
    fn tables(&self, searcher: &Searcher) -> Result<Vec<Arc<FactTable>>, SearchError> {
        let mut by_ordinal = Vec::new();
        for segment in searcher.segment_readers() {
            by_ordinal.push(self.segment_facts(segment)?);
        }
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        self.facts
            .lock()
            .map_err(|_| error("cache poisoned"))?
            .retain(|id, _| live.contains(id));
        self.words.keep_segments(&live);
        Ok(by_ordinal)
    }

    /// The documents of each segment that the text matches (every live
    /// document when it has no words), with their relevance when `scoring`.
    /// English postings match the English words in English fields, Spanish
    /// postings the Spanish stems in Spanish fields.
    fn text_matches(
        &self,
        searcher: &Searcher,
        text: &str,
        scoring: bool,
    ) -> Result<Vec<Candidates>, SearchError> {
        let words = QueryWords::of(text);
        if words.is_empty() {
            // No words: every live document is a candidate.
            return Ok(searcher
                .segment_readers()
                .iter()
                .map(|segment| {
                    let mut documents = Bits::full(segment.max_doc() as usize);
                    if let Some(alive) = segment.alive_bitset() {
                        documents.retain(|doc| alive.is_alive(doc as DocId));
                    }
                    Candidates {
                        documents,
                        relevance: None,
                    }
                })
                .collect());
        }
        let mut languages = vec![(self.fields.english, &words.english[..])];
        if let Some(stems) = words.for_language(PostingLanguage::Es) {
            languages.push((self.fields.spanish, stems));
        }
        let text = TextSearch::new(searcher, &languages, scoring).map_err(error)?;
        searcher
            .segment_readers()
            .iter()
            .map(|segment| text.in_segment(segment, &self.words).map_err(error))
            .collect()
    }

    /// The totals of these searches, from one view of the index.
    fn count(&self, queries: &[SearchQuery]) -> Result<Vec<u64>, SearchError> {
        let searcher = self.reader.searcher();
        let tables = self.tables(&searcher)?;
        queries
            .iter()
            .map(|query| {
                let matcher = Matcher::new(query);
                let matches = self.text_matches(&searcher, &query.text, false)?;
                Ok(matches
                    .into_iter()
                    .zip(&tables)
                    .map(|(candidates, table)| table.total(&matcher, candidates.documents))
                    .sum())
            })
            .collect()
    }

    fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let by_ordinal = self.tables(&searcher)?;
        let matcher = Matcher::new(query);
        let mut tally = Tally::new(query.offset() + query.per_page as usize);
        let matches = self.text_matches(&searcher, &query.text, matcher.ranks_by_relevance())?;
        for (ordinal, (candidates, table)) in matches.into_iter().zip(&by_ordinal).enumerate() {
            table.search(&matcher, candidates, &mut tally, |doc| {
                (ordinal as SegmentOrdinal, doc)
            });
        }
        let Tallied {
            total,
            page,
            facets,
        } = tally.finish(query.offset());
        let mut hits = Vec::with_capacity(page.len());
        for found in page {
            let (segment, doc) = found.reference;
            let distance_miles = found.distance_miles;
            let stored: TantivyDocument =
                searcher.doc(DocAddress::new(segment, doc)).map_err(error)?;
            let payload = stored
                .get_first(self.fields.payload)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            let document: SearchDocument = serde_json::from_str(payload).map_err(error)?;
            hits.push(Hit {
                document,
                distance_miles,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }
}

#[async_trait]
impl SearchEngine for EmbeddedEngine {
    fn kind(&self) -> EngineKind {
        EngineKind::Embedded
    }

    async fn index(&self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        self.blocking(move |inner| inner.write(&[], &documents))
            .await
    }

    async fn delete(&self, ids: Vec<i32>) -> Result<(), SearchError> {
        self.blocking(move |inner| inner.write(&ids, &[])).await
    }

    async fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        let _turn = self.searches.acquire().await.map_err(error)?;
        // Run where the request is: a search is a fraction of a millisecond
        // of CPU, less than handing it to a blocking thread and back costs
        // in wake-ups, and the gate keeps at most one per core.
        self.inner.search(query)
    }

    async fn count(&self, queries: &[SearchQuery]) -> Result<Vec<u64>, SearchError> {
        let queries = queries.to_vec();
        // One turn for the whole batch: a page's counts are one piece of
        // work, and a batch may be long, so it runs on a blocking thread.
        let turn = Arc::clone(&self.searches)
            .acquire_owned()
            .await
            .map_err(error)?;
        self.blocking(move |inner| {
            let totals = inner.count(&queries);
            drop(turn);
            totals
        })
        .await
    }

    async fn health(&self) -> Result<(), SearchError> {
        Ok(())
    }

    async fn document_count(&self) -> Result<u64, SearchError> {
        self.blocking(|inner| Ok(inner.reader.searcher().num_docs()))
            .await
    }

    async fn checkpoint(&self) -> Result<(), SearchError> {
        self.blocking(|inner| {
            let _one_at_a_time = inner.write_lock.blocking_lock();
            inner.checkpoint_locked()
        })
        .await
    }

    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>, SearchError> {
        let one_at_a_time = Arc::clone(&self.inner.write_lock).lock_owned().await;
        let writer = self
            .blocking(|inner| {
                let writer = inner.writer()?;
                writer.delete_all_documents().map_err(error)?;
                Ok(writer)
            })
            .await?;
        Ok(Box::new(EmbeddedRebuild {
            inner: Arc::clone(&self.inner),
            writer: Some(writer),
            _one_at_a_time: one_at_a_time,
        }))
    }
}

/// A rebuild of the embedded index: one writer that deletes everything and
/// adds the batches, committed once at the end (so searches see the old
/// index until then) and synced at once: the outbox rows it marks done have
/// no other way back. Dropped unfinished, nothing is committed.
struct EmbeddedRebuild {
    inner: Arc<Inner>,
    /// Taken out while a batch is added on a blocking thread.
    writer: Option<IndexWriter>,
    _one_at_a_time: tokio::sync::OwnedMutexGuard<()>,
}

#[async_trait]
impl Rebuild for EmbeddedRebuild {
    async fn add(&mut self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        let writer = self
            .writer
            .take()
            .ok_or_else(|| error("an earlier batch of this rebuild failed"))?;
        let inner = Arc::clone(&self.inner);
        let (writer, added) = tokio::task::spawn_blocking(move || {
            let added = inner.add(&writer, &documents);
            (writer, added)
        })
        .await
        .map_err(error)?;
        self.writer = Some(writer);
        added
    }

    async fn finish(self: Box<Self>) -> Result<(), SearchError> {
        let EmbeddedRebuild {
            inner,
            writer,
            _one_at_a_time,
        } = *self;
        let writer = writer.ok_or_else(|| error("an earlier batch of this rebuild failed"))?;
        tokio::task::spawn_blocking(move || {
            inner.commit(writer)?;
            inner.checkpoint_locked()
        })
        .await
        .map_err(error)?
    }
}

#[cfg(test)]
mod tests {
    //! `text` matches and ranks without tantivy's boolean queries; here its
    //! documents and scores are checked against the boolean query it stands
    //! for, run by tantivy, on random postings and queries in both languages.
    use chrono::NaiveDate;
    use entity::{OpportunityKind, StemField, WorkMode};
    use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
    use tantivy::{
        collector::TopDocs,
        query::{
            AutomatonWeight, BooleanQuery, BoostQuery, EnableScoring, Occur, Query, TermQuery,
            Weight,
        },
        schema::IndexRecordOption,
    };

    use super::*;
    use crate::search::typos::{WordRule, typo_budget};

    /// The typo/prefix rule as a tantivy query (a constant score).
    #[derive(Clone, Debug)]
    struct RuleQuery(Field, Arc<WordRule>);

    impl Query for RuleQuery {
        fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
            Ok(Box::new(AutomatonWeight::<WordRule>::new(
                self.0,
                Arc::clone(&self.1),
            )))
        }
    }

    /// Every word must match; each word's clauses are summed.
    fn boolean_query(words: &[String], fields: TextFields) -> Box<dyn Query> {
        let last = words.len().saturating_sub(1);
        let boosted = |query: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) {
            (Occur::Should, Box::new(BoostQuery::new(query, boost)))
        };
        let clauses = words
            .iter()
            .enumerate()
            .map(|(n, word)| {
                let mut options: Vec<_> = [
                    (fields.title, 3.0),
                    (fields.organization, 2.0),
                    (fields.body, 1.0),
                ]
                .into_iter()
                .map(|(field, boost)| {
                    let term = Term::from_field_text(field, word);
                    let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                    boosted(Box::new(query), boost)
                })
                .collect();
                if n == last || typo_budget(word) > 0 {
                    let rule = WordRule::shared(word, n == last);
                    options.push(boosted(
                        Box::new(RuleQuery(fields.title, Arc::clone(&rule))),
                        2.0,
                    ));
                    options.push(boosted(Box::new(RuleQuery(fields.all, rule)), 1.0));
                }
                (
                    Occur::Must,
                    Box::new(BooleanQuery::new(options)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    const WORDS: &[&str] = &[
        "robotics",
        "robot",
        "lab",
        "laboratory",
        "label",
        "data",
        "database",
        "science",
        "sciences",
        "nurse",
        "nursing",
        "bridge",
        "inspection",
        "environmental",
        "software",
        "engineering",
        "ingeniería",
        "prácticas",
        "laboratorio",
        "datos",
        "ciencia",
        "puente",
    ];

    fn text(rng: &mut StdRng, most: usize) -> String {
        let n = rng.random_range(0..=most);
        (0..n)
            .map(|_| *WORDS.choose(rng).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn document(rng: &mut StdRng, id: i32) -> SearchDocument {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        SearchDocument {
            id,
            title: text(rng, 4),
            description: text(rng, 12),
            written_in: if rng.random_bool(0.3) {
                PostingLanguage::Es
            } else {
                PostingLanguage::En
            },
            organization: text(rng, 2),
            organization_id: 1,
            kind: OpportunityKind::Internship,
            field: StemField::Engineering,
            mode: WorkMode::OnSite,
            needs: vec![],
            languages: vec![],
            skills: text(rng, 3),
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

    /// A query word as people type them: whole, cut short, or misspelt.
    fn typed(rng: &mut StdRng) -> String {
        let word = *WORDS.choose(rng).unwrap();
        let chars: Vec<char> = word.chars().collect();
        match rng.random_range(0..3) {
            0 => word.to_owned(),
            1 => chars[..rng.random_range(1..=chars.len())].iter().collect(),
            _ => {
                let mut chars = chars;
                let at = rng.random_range(0..chars.len());
                chars.remove(at);
                chars.into_iter().collect()
            }
        }
    }

    /// Every match of `text` in the index as `searcher` sees it, with its
    /// score, segment by segment, through `cache`.
    fn matches_through(
        inner: &Inner,
        searcher: &Searcher,
        words: &QueryWords,
        cache: &WordCache,
    ) -> Vec<(DocAddress, f32)> {
        let mut languages = vec![(inner.fields.english, &words.english[..])];
        if let Some(stems) = words.for_language(PostingLanguage::Es) {
            languages.push((inner.fields.spanish, stems));
        }
        let text = TextSearch::new(searcher, &languages, true).unwrap();
        let mut found = Vec::new();
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            let candidates = text.in_segment(segment, cache).unwrap();
            let mut relevance = candidates.relevance.unwrap();
            for doc in candidates.documents.iter() {
                let address = DocAddress::new(ordinal as SegmentOrdinal, doc as DocId);
                found.push((address, relevance.of(doc as u32)));
            }
        }
        found
    }

    #[test]
    fn words_kept_in_the_cache_match_and_rank_as_words_read_from_the_postings() {
        let dir = tempfile::tempdir().unwrap();
        let engine = EmbeddedEngine::open(dir.path()).unwrap();
        let inner = &engine.inner;
        let mut rng = StdRng::seed_from_u64(11);
        // Small enough that words are evicted and read again.
        let cache = WordCache::with_budget(2_000);
        let no_cache = WordCache::with_budget(0);
        let (mut compared, mut next_id) = (0, 0);
        for round in 0..6 {
            // Each round commits: new segments, merges and deletes, while
            // the cache holds words of the segments before.
            let documents: Vec<_> = (0..200).map(|n| document(&mut rng, next_id + n)).collect();
            next_id += 200;
            let deletes: Vec<i32> = (0..30).map(|_| rng.random_range(0..next_id)).collect();
            inner.write(&deletes, &documents).unwrap();
            let searcher = inner.reader.searcher();
            let live: Vec<SegmentId> = searcher
                .segment_readers()
                .iter()
                .map(SegmentReader::segment_id)
                .collect();
            if round % 2 == 0 {
                cache.keep_segments(&live);
            }
            // Few distinct words: most lookups find them kept.
            let typed_words: Vec<String> = (0..8).map(|_| typed(&mut rng)).collect();
            for _ in 0..100 {
                let query_text = (0..rng.random_range(1..=3))
                    .map(|_| typed_words.choose(&mut rng).unwrap().as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let words = QueryWords::of(&query_text);
                if words.is_empty() {
                    continue;
                }
                let cached = matches_through(inner, &searcher, &words, &cache);
                let read = matches_through(inner, &searcher, &words, &no_cache);
                assert_eq!(cached, read, "{query_text:?} in round {round}");
                compared += read.len();
            }
        }
        assert!(cache.bytes() <= 2_000);
        assert!(compared > 10_000, "only {compared} matches compared");
    }

    #[test]
    fn text_matches_and_ranks_as_the_boolean_query_it_stands_for() {
        let dir = tempfile::tempdir().unwrap();
        let engine = EmbeddedEngine::open(dir.path()).unwrap();
        let inner = &engine.inner;
        let mut rng = StdRng::seed_from_u64(7);
        // Three commits: three segments, and some deleted documents.
        for batch in 0..3 {
            let documents: Vec<_> = (0..300)
                .map(|n| document(&mut rng, batch * 300 + n))
                .collect();
            let deletes: Vec<i32> = (0..20).map(|_| rng.random_range(0..900)).collect();
            inner.write(&deletes, &documents).unwrap();
        }
        let searcher = inner.reader.searcher();
        let no_cache = WordCache::with_budget(0);
        let mut compared = 0;
        for _ in 0..300 {
            let typed_words: Vec<String> = (0..rng.random_range(1..=3))
                .map(|_| typed(&mut rng))
                .collect();
            let query_text = typed_words.join(" ");
            let words = QueryWords::of(&query_text);
            if words.is_empty() {
                continue;
            }
            let mut languages = vec![(inner.fields.english, &words.english[..])];
            let mut reference: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                boolean_query(&words.english, inner.fields.english),
            )];
            if let Some(stems) = words.for_language(PostingLanguage::Es) {
                languages.push((inner.fields.spanish, stems));
                reference.push((Occur::Should, boolean_query(stems, inner.fields.spanish)));
            }
            let mut expected: Vec<(DocAddress, f32)> = searcher
                .search(
                    &BooleanQuery::new(reference),
                    &TopDocs::with_limit(10_000).order_by_score(),
                )
                .unwrap()
                .into_iter()
                .map(|(score, address)| (address, score))
                .collect();
            expected.sort_by_key(|(address, _)| (address.segment_ord, address.doc_id));

            let text = TextSearch::new(&searcher, &languages, true).unwrap();
            let mut found = Vec::new();
            for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
                let candidates = text.in_segment(segment, &no_cache).unwrap();
                let mut relevance = candidates.relevance.unwrap();
                for doc in candidates.documents.iter() {
                    let address = DocAddress::new(ordinal as SegmentOrdinal, doc as DocId);
                    found.push((address, relevance.of(doc as u32)));
                }
            }
            assert_eq!(
                found.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
                expected.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
                "documents of {query_text:?}"
            );
            for ((address, score), (_, want)) in found.iter().zip(&expected) {
                assert!(
                    (score - want).abs() <= 1e-4 * want.abs().max(1.0),
                    "{query_text:?}, {address:?}: {score} against tantivy's {want}"
                );
            }
            compared += found.len();
        }
        assert!(compared > 10_000, "only {compared} matches compared");
    }
}
