//! The figures counselor pages show, remembered school by school while the
//! data each school's figures count stays the same (issue 16). At district
//! size counting costs a few hundred milliseconds (the per-student facts of
//! 50,000 students); the dashboard, the outreach list and the exports ask
//! for them again and again between two writes, and a write touches one
//! school.
//!
//! What is remembered is each school's view from the disclosure layer
//! (`SchoolView`: its own suppression applied, its hidden cells dropped),
//! so nothing the school's own view hides is kept. A scope of several
//! schools (a counselor's, the admin's) is built from its schools' views,
//! exactly as the combine rule builds it from counts
//! (`disclosure::publish_views`): a page after a write counts only the
//! schools written to. A view is remembered by everything it depends on
//! besides the data: the school (id and name), the school year, the day (the
//! trend's months to come), the threshold, whether it has the trend (a view
//! with it serves a page without). The order in which complementary
//! suppression hides groups is fixed (`metrics::HIDE_FIRST`), so no other
//! school's data changes a school's view.
//!
//! The data's versions (migration 27) move in the database, by triggers,
//! whatever writes (a handler, the roster import, another server process, a
//! person at the SQL prompt): a school's version with every insert, update
//! and delete of its students, their applications, placements and
//! belonging answers (updates only of the columns the figures count); and
//! `belonging::take` moves the versions of the schools whose closed year
//! it takes, in its transaction (no trigger watches `belonging_year`).
//!
//! The versions are read in the page's snapshot (`db::begin_read`), with
//! the rows: a remembered view is used only while the snapshot's version of
//! its school is the one it was counted at, so the figures are the
//! snapshot's own and the list they filter never mixes two states of the
//! data. `STATS_CACHE_SECONDS` (default 60) also bounds their age; 0 turns
//! the memory off. Each server process keeps its own memory.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use sea_orm::{
    ConnectionTrait,
    sea_query::{Alias, Expr, ExprTrait, Query},
};

use super::{cohort, service::Period};
use crate::{
    disclosure::{self, Figures, SchoolView},
    error::AppResult,
};

/// More school views than this and the memory starts again (a district
/// has a few dozen schools, per year and threshold).
const MOST_VIEWS: usize = 1024;

/// Everything a school's view depends on besides the data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ViewKey {
    school: i32,
    name: String,
    year: i32,
    today: NaiveDate,
    threshold: usize,
}

struct Remembered {
    /// The school's data version it was counted at.
    version: i64,
    /// Counted with the trend's months.
    trend: bool,
    made: Instant,
    view: Arc<SchoolView>,
}

#[derive(Default)]
struct Memory {
    views: HashMap<ViewKey, Remembered>,
}

/// The remembered views of this process (one per `AppState`).
pub struct FiguresMemory {
    max_age: Duration,
    memory: Mutex<Memory>,
}

/// The schools' data versions a snapshot reads (migration 27).
struct Versions {
    schools: HashMap<i32, i64>,
}

impl Versions {
    /// A school never written to since the versions began has version 0.
    fn of(&self, school: i32) -> i64 {
        self.schools.get(&school).copied().unwrap_or(0)
    }
}

impl FiguresMemory {
    /// Views are kept at most `max_age`; zero keeps none.
    pub fn new(max_age: Duration) -> Self {
        Self {
            max_age,
            memory: Mutex::new(Memory::default()),
        }
    }

    /// The scope's figures (with the trend's months when `trend`), from its
    /// schools' views: the remembered ones of schools whose data has not
    /// changed since, the others counted now (and remembered).
    pub async fn figures(
        &self,
        db: &impl ConnectionTrait,
        period: &Period,
        threshold: usize,
        trend: bool,
    ) -> AppResult<Arc<Figures>> {
        let months = cohort::trend_months(period, trend);
        if self.max_age.is_zero() {
            return Ok(Arc::new(
                cohort::figures(db, period, threshold, trend).await?,
            ));
        }
        // In the caller's snapshot: the versions of the rows it reads.
        let versions = versions(db, period).await?;
        let keys: Vec<ViewKey> = period
            .schools
            .iter()
            .map(|s| ViewKey {
                school: s.id,
                name: s.name.clone(),
                year: period.year,
                today: period.today,
                threshold,
            })
            .collect();
        let mut views = self.recall(&keys, &versions, trend);
        let cold: Vec<_> = period
            .schools
            .iter()
            .zip(&views)
            .filter(|(_, view)| view.is_none())
            .map(|(school, _)| school.clone())
            .collect();
        if !cold.is_empty() {
            let part = Period {
                schools: cold,
                ..period.clone()
            };
            let mut counted = cohort::counted_views(db, &part, threshold, trend)
                .await?
                .into_iter()
                .map(Arc::new);
            let mut fresh = Vec::new();
            for (key, slot) in keys.iter().zip(views.iter_mut()) {
                if slot.is_none()
                    && let Some(view) = counted.next()
                {
                    fresh.push((key.clone(), versions.of(key.school), Arc::clone(&view)));
                    *slot = Some(view);
                }
            }
            self.remember(fresh, trend);
        }
        let views: Vec<&SchoolView> = views.iter().flatten().map(Arc::as_ref).collect();
        Ok(Arc::new(disclosure::publish_views(
            threshold, &views, &months,
        )))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Memory> {
        self.memory.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Each school's remembered view, when still the snapshot's.
    fn recall(
        &self,
        keys: &[ViewKey],
        versions: &Versions,
        trend: bool,
    ) -> Vec<Option<Arc<SchoolView>>> {
        let memory = self.lock();
        keys.iter()
            .map(|key| {
                memory
                    .views
                    .get(key)
                    .filter(|r| {
                        r.version == versions.of(key.school)
                            && (r.trend || !trend)
                            && r.made.elapsed() < self.max_age
                    })
                    .map(|r| Arc::clone(&r.view))
            })
            .collect()
    }

    fn remember(&self, fresh: Vec<(ViewKey, i64, Arc<SchoolView>)>, trend: bool) {
        let mut memory = self.lock();
        if memory.views.len() + fresh.len() > MOST_VIEWS {
            memory.views.retain(|_, r| r.made.elapsed() < self.max_age);
            if memory.views.len() + fresh.len() > MOST_VIEWS {
                memory.views.clear();
            }
        }
        for (key, version, view) in fresh {
            // A slower page's older snapshot does not replace a newer view.
            if memory.views.get(&key).is_some_and(|r| r.version > version) {
                continue;
            }
            memory.views.insert(
                key,
                Remembered {
                    version,
                    trend,
                    made: Instant::now(),
                    view,
                },
            );
        }
    }
}

/// The scope's schools' versions (migration 27).
async fn versions(db: &impl ConnectionTrait, period: &Period) -> AppResult<Versions> {
    let schools = Query::select()
        .columns([Alias::new("school_id"), Alias::new("n")])
        .from(Alias::new("stats_school_version"))
        .and_where(Expr::col(Alias::new("school_id")).is_in(period.schools.iter().map(|s| s.id)))
        .to_owned();
    let mut versions = Versions {
        schools: HashMap::new(),
    };
    for row in db.query_all(&schools).await? {
        versions
            .schools
            .insert(row.try_get("", "school_id")?, row.try_get("", "n")?);
    }
    Ok(versions)
}
