//! The figures a scope's counselor pages show, remembered while the data
//! they count stays the same (issue 16). At district size computing them
//! costs a few hundred milliseconds (the per-student facts of 50,000
//! students); the dashboard, the outreach list and the exports of one scope
//! ask for them again and again between two writes.
//!
//! What is remembered is the output of the disclosure layer (`Figures`:
//! suppression already applied), so nothing raw is kept. A scope is
//! remembered by everything its figures depend on besides the data: its
//! schools (ids and names), the school year, the day (the trend's future
//! months), the threshold and whether the trend is included; so one scope is
//! never given another's figures.
//!
//! The data's version (migration 24) moves with every insert, update and
//! delete of a student, application, placement or belonging answer, by a
//! trigger in the database: whatever writes (a handler, the roster import,
//! another server process, a person at the SQL prompt) makes the next page
//! compute afresh. Each server process keeps its own memory.
//!
//! The version is read in the page's snapshot (`db::begin_read`), with the
//! rows: remembered figures are shown only while the snapshot's version is
//! the one they were counted at, so they are the snapshot's own figures and
//! the list they filter never mixes two states of the data.
//! `STATS_CACHE_SECONDS` (default 60) also bounds their age; 0 turns the
//! memory off.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, Statement};

use super::{cohort, service::Period};
use crate::{disclosure::Figures, error::AppResult};

/// More scopes than this and the memory starts again (a district has a few
/// dozen scopes: each counselor's schools and the admins', per year).
const MOST_SCOPES: usize = 512;

/// Everything a scope's figures depend on besides the data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Scope {
    schools: Vec<(i32, String)>,
    year: i32,
    today: NaiveDate,
    threshold: usize,
    trend: bool,
}

struct Remembered {
    version: i64,
    made: Instant,
    figures: Arc<Figures>,
}

/// The remembered figures of this process (one per `AppState`).
pub struct FiguresMemory {
    max_age: Duration,
    scopes: Mutex<HashMap<Scope, Remembered>>,
}

impl FiguresMemory {
    /// Figures are kept at most `max_age`; zero keeps none.
    pub fn new(max_age: Duration) -> Self {
        Self {
            max_age,
            scopes: Mutex::new(HashMap::new()),
        }
    }

    /// The scope's figures (with the trend's months when `trend`): the
    /// remembered ones when the data has not changed since, else computed
    /// (and remembered).
    pub async fn figures(
        &self,
        db: &impl ConnectionTrait,
        period: &Period,
        threshold: usize,
        trend: bool,
    ) -> AppResult<Arc<Figures>> {
        if self.max_age.is_zero() {
            return Ok(Arc::new(compute(db, period, threshold, trend).await?));
        }
        // In the caller's snapshot: the version of the rows it reads.
        let version = data_version(db).await?;
        let mut schools: Vec<(i32, String)> = period
            .schools
            .iter()
            .map(|s| (s.id, s.name.clone()))
            .collect();
        schools.sort();
        let scope = Scope {
            schools,
            year: period.year,
            today: period.today,
            threshold,
            trend,
        };
        if let Some(figures) = self.recall(&scope, version) {
            return Ok(figures);
        }
        let figures = Arc::new(compute(db, period, threshold, trend).await?);
        self.remember(scope, version, Arc::clone(&figures));
        Ok(figures)
    }

    fn recall(&self, scope: &Scope, version: i64) -> Option<Arc<Figures>> {
        let scopes = self.scopes.lock().unwrap_or_else(|e| e.into_inner());
        scopes
            .get(scope)
            .filter(|r| r.version == version && r.made.elapsed() < self.max_age)
            .map(|r| Arc::clone(&r.figures))
    }

    fn remember(&self, scope: Scope, version: i64, figures: Arc<Figures>) {
        let mut scopes = self.scopes.lock().unwrap_or_else(|e| e.into_inner());
        // Figures of an older version are never shown again: drop them.
        scopes.retain(|_, r| r.version == version && r.made.elapsed() < self.max_age);
        if scopes.len() >= MOST_SCOPES {
            scopes.clear();
        }
        scopes.insert(
            scope,
            Remembered {
                version,
                made: Instant::now(),
                figures,
            },
        );
    }
}

/// The scope's figures, counted by the database now.
async fn compute(
    db: &impl ConnectionTrait,
    period: &Period,
    threshold: usize,
    trend: bool,
) -> AppResult<Figures> {
    let counted = if trend {
        cohort::cohort(db, period).await?
    } else {
        cohort::groups(db, period).await?
    };
    Ok(cohort::figures(&counted, period, threshold))
}

/// The version of the counted data (migration 24).
async fn data_version(db: &impl ConnectionTrait) -> AppResult<i64> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT n FROM stats_version WHERE id = 1",
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get("", "n")?,
        None => 0,
    })
}
