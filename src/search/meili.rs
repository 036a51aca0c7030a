//! The Meilisearch engine, chosen when `MEILI_URL` is set. Writes are
//! asynchronous tasks on the server: a batch only counts as applied once its
//! task succeeded. Rebuilds fill a fresh index and swap it in, so searches
//! never see a half-built index.

use std::{collections::BTreeMap, time::Duration};

use async_trait::async_trait;
use chrono::Datelike;
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use meilisearch_sdk::{
    client::{Client, SwapIndexes},
    indexes::Index,
    search::{MatchingStrategies, Selectors},
    settings::{FacetingSettings, PaginationSetting, Settings},
    task_info::TaskInfo,
};
use serde::{Deserialize, Serialize};

use super::{
    EngineKind, Facets, Hit, Rebuild, SearchDocument, SearchEngine, SearchError, SearchQuery,
    SearchResults, Sort,
};
use crate::geo::{self, Point};

const TASK_TIMEOUT: Duration = Duration::from_secs(120);
const TASK_POLL: Duration = Duration::from_millis(25);
const BATCH: usize = 5_000;

/// A search document as Meilisearch stores it: the document plus the
/// attributes its filters and sorts need.
#[derive(Debug, Serialize, Deserialize)]
struct MeiliDocument {
    #[serde(flatten)]
    document: SearchDocument,
    #[serde(rename = "_geo")]
    geo: Geo,
    deadline_days: i32,
    field_label: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Geo {
    lat: f64,
    lng: f64,
}

impl From<SearchDocument> for MeiliDocument {
    fn from(document: SearchDocument) -> Self {
        MeiliDocument {
            geo: Geo {
                lat: document.latitude,
                lng: document.longitude,
            },
            deadline_days: document.deadline.num_days_from_ce(),
            field_label: document.field.label().to_owned(),
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
        })
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

    async fn configure(&self, index: &Index) -> Result<(), SearchError> {
        let settings = Settings::new()
            .with_searchable_attributes([
                "title",
                "organization",
                "skills",
                "field_label",
                "description",
            ])
            .with_filterable_attributes([
                "id",
                "kind",
                "field",
                "mode",
                "needs",
                "languages",
                "min_grade",
                "max_grade",
                "deadline_days",
                "slots_left",
                "_geo",
            ])
            .with_sortable_attributes([
                "published_at",
                "deadline_days",
                "pay_cents_per_hour",
                "_geo",
                "id",
            ])
            .with_pagination(PaginationSetting {
                max_total_hits: 100_000,
            })
            .with_faceting(FacetingSettings {
                max_values_per_facet: 100,
                sort_facet_values_by: None,
            });
        let task = index.set_settings(&settings).await.map_err(error)?;
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
            let meters = (miles * 1609.344).ceil();
            parts.push(format!(
                "(_geoRadius({}, {}, {meters}) OR mode = remote)",
                near.point.latitude, near.point.longitude
            ));
        }
        parts.join(" AND ")
    }

    fn sort(query: &SearchQuery) -> Vec<String> {
        let newest = "published_at:desc".to_owned();
        match query.sort {
            Sort::Relevance if !query.text.is_empty() => vec![],
            Sort::Relevance | Sort::Newest => vec![newest, "id:asc".into()],
            Sort::Deadline => vec!["deadline_days:asc".into(), newest],
            Sort::Nearest => match &query.near {
                Some(near) => vec![
                    format!(
                        "_geoPoint({}, {}):asc",
                        near.point.latitude, near.point.longitude
                    ),
                    newest,
                ],
                None => vec![newest],
            },
            Sort::Pay => vec!["pay_cents_per_hour:desc".into(), newest],
        }
    }

    /// Counts of one facet, with that facet's own filter left out.
    async fn facet_counts(
        &self,
        query: &SearchQuery,
        facet: &'static str,
    ) -> Result<BTreeMap<String, u64>, SearchError> {
        let filter = Self::filter(query, Some(facet));
        let facets = [facet];
        let index = self.index();
        let results = index
            .search()
            .with_query(&query.text)
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_filter(&filter)
            .with_facets(Selectors::Some(&facets))
            .with_limit(0)
            .execute::<serde_json::Value>()
            .await
            .map_err(error)?;
        Ok(distribution(results.facet_distribution.as_ref(), facet))
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
        let filter = Self::filter(query, None);
        let sort = Self::sort(query);
        let sort: Vec<&str> = sort.iter().map(String::as_str).collect();
        // A facet without a selected value counts the same with or without
        // its own filter: the main query counts it. Only a facet with a
        // selection needs a query of its own (with that filter left out).
        let selected = [
            ("kind", !query.kinds.is_empty()),
            ("field", !query.fields.is_empty()),
            ("mode", !query.modes.is_empty()),
        ];
        let facets: Vec<&str> = std::iter::once("needs")
            .chain(selected.iter().filter(|(_, s)| !s).map(|(f, _)| *f))
            .collect();
        let index = self.index();
        let mut request = index.search();
        request
            .with_query(&query.text)
            // Every word must match, as in the embedded engine and the fallback.
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_filter(&filter)
            .with_facets(Selectors::Some(&facets))
            .with_page(query.page as usize)
            .with_hits_per_page(query.per_page as usize);
        if !sort.is_empty() {
            request.with_sort(&sort);
        }
        let own_query = |(facet, selected): (&'static str, bool)| async move {
            match selected {
                true => self.facet_counts(query, facet).await.map(Some),
                false => Ok(None),
            }
        };
        let (main, kind, field, mode) = tokio::join!(
            request.execute::<MeiliDocument>(),
            own_query(selected[0]),
            own_query(selected[1]),
            own_query(selected[2]),
        );
        let main = main.map_err(error)?;
        let counts = |own: Option<BTreeMap<String, u64>>, facet: &str| {
            own.unwrap_or_else(|| distribution(main.facet_distribution.as_ref(), facet))
        };
        let facets = Facets {
            kind: complete(
                OpportunityKind::ALL.iter().map(|k| k.key()),
                counts(kind?, "kind"),
            ),
            field: complete(
                StemField::ALL.iter().map(|k| k.key()),
                counts(field?, "field"),
            ),
            mode: complete(WorkMode::ALL.iter().map(|k| k.key()), counts(mode?, "mode")),
            need: complete(
                AccessNeed::ALL.iter().map(|k| k.key()),
                distribution(main.facet_distribution.as_ref(), "needs"),
            ),
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
                Hit {
                    document,
                    distance_miles,
                }
            })
            .collect();
        Ok(SearchResults {
            total: main.total_hits.unwrap_or(0) as u64,
            hits,
            facets,
        })
    }

    async fn health(&self) -> Result<(), SearchError> {
        self.client.health().await.map(|_| ()).map_err(error)
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
