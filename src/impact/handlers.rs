//! `/impact` and `/impact.csv`: the same figures, as a page with a chart
//! and a table per figure, and as a download; a year's student figures
//! only once it has closed.

use axum::{extract::State, response::Response};
use minijinja::context;
use serde::Deserialize;

use super::{
    chart::bars,
    published::StudentFigures,
    service::{self, Impact, Tally},
};
use crate::{
    app::AppState,
    auth::extractors::{Page, ReaderLang},
    counseling::{ExportLang, export::Export},
    error::AppResult,
    format::today,
    forms::Query,
    i18n::{self, Lang, t, t_args},
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ImpactQuery {
    year: Option<String>,
}

async fn load(state: &AppState, query: &ImpactQuery, lang: Lang) -> AppResult<Impact> {
    let year = service::year(query.year.as_deref(), today(), lang)?;
    service::impact(&state.db, year, today()).await
}

fn tallies(rows: &[Tally], vocabulary: &str, lang: Lang) -> Vec<(String, Option<f64>)> {
    rows.iter()
        .map(|r| (i18n::vocab(lang, vocabulary, r.key), Some(r.count as f64)))
        .collect()
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ImpactQuery>,
) -> AppResult<Response> {
    let lang = page.lang;
    let impact = load(&state, &query, lang).await?;
    let charts = context! {
        kinds => bars("kinds", &t(lang, "impact-kinds"), &tallies(&impact.by_kind, "kind", lang), "", lang),
        fields => bars("fields", &t(lang, "impact-fields"), &tallies(&impact.by_field, "field", lang), "", lang),
        features => bars("features", &t(lang, "impact-features"), &tallies(&impact.by_feature, "need", lang), "", lang),
        students => impact.students.as_ref().map(|p| student_charts(&p.figures, lang)),
    };
    page.respond("impact/index.html", context! { impact, charts })
}

/// The charts of a closed year's student figures.
fn student_charts(students: &StudentFigures, lang: Lang) -> minijinja::Value {
    let funnel = &students.figures.funnel;
    let gaps: Vec<(String, Option<f64>)> = students
        .figures
        .groups
        .iter()
        .filter(|g| g.dimension.key() != "school")
        .map(|g| {
            (
                format!(
                    "{}: {}",
                    t(
                        lang,
                        &format!("stats-dim-{}", g.dimension.key().replace('_', "-"))
                    ),
                    i18n::group_label(lang, &g.group)
                ),
                g.placement_gap.get().copied(),
            )
        })
        .collect();
    context! {
        placements => bars("placements", &t(lang, "impact-placements"), &[
            (t(lang, "impact-started"), funnel.placed.get().map(|n| *n as f64)),
            (t(lang, "impact-completed"), funnel.completed.get().map(|n| *n as f64)),
        ], "", lang),
        shares => bars("shares", &t(lang, "impact-shares"), &[
            (t(lang, "impact-paid-share"), students.paid_share.get().copied()),
            (t(lang, "impact-access-share"), students.access_share.get().copied()),
        ], "%", lang),
        gaps => bars("gaps", &t(lang, "impact-gaps-chart"), &gaps, "", lang),
    }
}

/// The page's figures as CSV: `section,key,value`, hidden numbers empty.
pub async fn csv(
    State(state): State<AppState>,
    ReaderLang(reader): ReaderLang,
    Query(query): Query<ImpactQuery>,
    Query(choice): Query<ExportLang>,
) -> AppResult<Response> {
    let lang = choice.choose(reader)?;
    let impact = load(&state, &query, reader).await?;
    let mut export = Export::new();
    // Each row's section is written for people in the reader's language;
    // the last column keeps its key (`kind`, `outcome`, `gap:gender`...)
    // for programs, the same in every language.
    export.row(
        [
            "impact-csv-section",
            "impact-csv-item",
            "impact-csv-value",
            "impact-csv-key",
        ]
        .map(|id| t(lang, id)),
    )?;
    for (section, heading, rows, vocabulary) in [
        ("kind", "impact-kinds", &impact.by_kind, "kind"),
        ("field", "impact-fields", &impact.by_field, "field"),
        ("feature", "impact-features", &impact.by_feature, "need"),
    ] {
        for r in rows {
            export.row([
                t(lang, heading),
                i18n::vocab(lang, vocabulary, r.key),
                r.count.to_string(),
                section.to_owned(),
            ])?;
        }
    }
    // The current year's students are not published yet: its pledges only.
    let Some(published) = &impact.students else {
        export.row([
            t(lang, "impact-outcomes"),
            t(lang, "impact-commitments-made"),
            impact.commitments_made.to_string(),
            "outcome".to_owned(),
        ])?;
        return export.into_response(&format!("stembridge-impact-{}.csv", impact.year));
    };
    let students = &published.figures;
    let funnel = &students.figures.funnel;
    for (item, value) in [
        ("impact-started", funnel.placed.csv()),
        ("impact-completed", funnel.completed.csv()),
        ("impact-hours", students.hours.csv()),
        ("impact-paid-share", students.paid_share.csv()),
        ("impact-access-share", students.access_share.csv()),
        (
            "impact-commitments-made",
            impact.commitments_made.to_string(),
        ),
        (
            "impact-commitments-met",
            students.commitments_met.to_string(),
        ),
    ] {
        export.row([
            t(lang, "impact-outcomes"),
            t(lang, item),
            value,
            "outcome".to_owned(),
        ])?;
    }
    for g in students
        .figures
        .groups
        .iter()
        .filter(|g| g.dimension.key() != "school" && !g.students.is_hidden())
    {
        let key = g.dimension.key();
        let dimension = t(lang, &format!("stats-dim-{}", key.replace('_', "-")));
        export.row([
            t_args(
                lang,
                "impact-csv-gap",
                vec![("dimension", dimension.into())],
            ),
            i18n::group_label(lang, &g.group),
            g.placement_gap.csv(),
            format!("gap:{key}"),
        ])?;
    }
    export.into_response(&format!("stembridge-impact-{}.csv", impact.year))
}
