//! Counselor pages: dashboard, outreach list, student record, exports,
//! the roster page, printed claim codes, and the admins' audit log.

use axum::{extract::State, response::Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{
    audit, chart,
    export::Export,
    metrics::Dimension,
    service::{self, ListFilter, Scope, Stage},
};
use crate::{
    app::AppState,
    auth::extractors::{AdminUser, CounselorUser, Page, ReaderLang},
    db, disclosure,
    error::{AppError, AppResult},
    format::today,
    forms::{Form, Path, Query},
    i18n::{self, Lang, t},
    paging::PageParams,
};

/// Cells under this many students are hidden (configurable, never below 5).
fn threshold(state: &AppState) -> usize {
    disclosure::effective_threshold(state.config.suppression_threshold)
}

pub async fn dashboard(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Query(scope): Query<Scope>,
) -> AppResult<Response> {
    // Every figure of the page from one snapshot of the data.
    let snapshot = db::begin_read(&state.db).await?;
    let period = service::period(&snapshot, &counselor, &scope, today(), page.lang).await?;
    let figures = state
        .figures
        .figures(&snapshot, &period, threshold(&state), true)
        .await?;
    let effect = crate::draws::effect::measure(&snapshot, &period, threshold(&state)).await?;
    snapshot.commit().await?;
    let svg = chart::trend_svg(&figures.trend, page.lang);
    let schools: Vec<(i32, String)> = crate::roster::service::schools_of(&state.db, &counselor)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    // Links carry the resolved school year, never the dates asked for.
    let scope = Scope {
        school: scope.school,
        year: period.year.to_string(),
        ..Scope::default()
    };
    let query = serde_urlencoded::to_string(&scope).unwrap_or_default();
    let figures = figures.as_ref();
    // Schools families cannot reach from our mail: the counselor sets it.
    let without_contact = crate::admin::contact::missing_for(&state.db, &counselor).await?;
    let view = context! {
        scope, schools, figures, svg, query, effect, without_contact,
        years => service::school_years(today()),
        year => period.year,
        rounded => period.rounded,
        from => period.from.to_string(), to => period.to.to_string(),
    };
    page.respond("counseling/dashboard.html", view)
}

/// The group table as CSV: hidden groups are left out, hidden cells of a
/// shown group are empty.
/// The language of an export's header row and words: `lang=en|es` when the
/// link names one, else the reader's.
#[derive(Debug, Default, Deserialize)]
pub struct ExportLang {
    lang: Option<String>,
}

impl ExportLang {
    pub fn choose(&self, reader: Lang) -> AppResult<Lang> {
        match self.lang.as_deref() {
            None | Some("") => Ok(reader),
            Some(code) => Lang::from_code(code)
                .filter(|l| l.code() == code)
                .ok_or_else(|| AppError::BadRequest(t(reader, "csv-error-lang"))),
        }
    }
}

pub async fn export_groups(
    State(state): State<AppState>,
    counselor: CounselorUser,
    ReaderLang(reader): ReaderLang,
    Query(scope): Query<Scope>,
    Query(choice): Query<ExportLang>,
) -> AppResult<Response> {
    let lang = choice.choose(reader)?;
    let snapshot = db::begin_read(&state.db).await?;
    let period = service::period(&snapshot, &counselor, &scope, today(), reader).await?;
    let figures = state
        .figures
        .figures(&snapshot, &period, threshold(&state), false)
        .await?;
    snapshot.commit().await?;
    let mut export = Export::new();
    export.row(
        [
            "csv-dimension",
            "csv-group",
            "csv-students",
            "csv-engagement-rate",
            "csv-engagement-gap",
            "csv-placement-rate",
            "csv-placement-gap",
            "csv-completion-rate",
            "csv-completion-gap",
            "csv-belonging-change",
            "seats-csv-mentored-share",
            "csv-key",
        ]
        .map(|id| t(lang, id)),
    )?;
    // The dimension is written for people in the reader's language; the
    // last column keeps its key (`gender`, `low_income`...) for programs,
    // the same in every language.
    for row in figures.groups.iter().filter(|r| !r.students.is_hidden()) {
        let key = row.dimension.key();
        export.row([
            t(lang, &format!("stats-dim-{}", key.replace('_', "-"))),
            i18n::group_label(lang, &row.group),
            row.students.csv(),
            row.engagement_rate.csv(),
            row.engagement_gap.csv(),
            row.placement_rate.csv(),
            row.placement_gap.csv(),
            row.completion_rate.csv(),
            row.completion_gap.csv(),
            row.belonging_change.csv(),
            row.mentored_share.csv(),
            key.to_owned(),
        ])?;
    }
    let subject = format!(
        "groups {}..{} schools {:?}",
        period.from,
        period.to,
        period.schools.iter().map(|s| s.id).collect::<Vec<_>>()
    );
    audit::record(
        &state.db,
        counselor.id,
        audit::AuditAction::ExportGroups,
        &subject,
    )
    .await?;
    export.into_response("stembridge-groups.csv")
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ListQuery {
    #[serde(flatten)]
    scope: Scope,
    #[serde(flatten)]
    filter: ListFilter,
    #[serde(flatten)]
    paging: PageParams,
}

/// A not-yet-engaged student with what is open for them right now.
#[derive(Serialize)]
struct Outreach {
    #[serde(flatten)]
    row: service::StudentRow,
    matching: Option<u64>,
    search_link: Option<String>,
}

pub async fn students(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let paging = query.paging.parse(page.lang)?;
    // The groups that may filter the list and the list itself (its page,
    // then the page's stages) from one snapshot of the data.
    let snapshot = db::begin_read(&state.db).await?;
    let period = service::period(&snapshot, &counselor, &query.scope, today(), page.lang).await?;
    let figures = state
        .figures
        .figures(&snapshot, &period, threshold(&state), false)
        .await?;
    let list = service::list(
        &snapshot,
        &period,
        &query.filter,
        &figures,
        page.lang,
        Some(&paging),
    )
    .await?;
    snapshot.commit().await?;
    // No count of the list is printed: a count of students is a statistic,
    // and this list's filters cross groups with stages the dashboard may hide.
    let columns = list.columns;
    let (rows, pager) = paging.finish(list.rows, "/counselor/outreach", &query);
    // What is open now is shown to students not engaged yet: a list without
    // the status column has no such students to pick out.
    let not_engaged: Vec<i32> = rows
        .iter()
        .filter(|r| r.stage_key == Some(Stage::NotEngaged))
        .map(|r| r.id)
        .collect();
    let mut matching = service::matching_now(&state, &not_engaged).await?;
    let shown: Vec<Outreach> = rows
        .into_iter()
        .map(|row| {
            let (matching, search_link) = matching.remove(&row.id).unzip();
            Outreach {
                row,
                matching,
                search_link,
            }
        })
        .collect();
    // Only the groups the dashboard of this scope shows can filter the list.
    let groups: Vec<(String, Dimension, String)> = figures
        .groups
        .iter()
        .filter(|g| !g.students.is_hidden())
        .map(|g| {
            (
                format!("{}:{}", g.dimension.key(), g.group),
                g.dimension,
                g.group.clone(),
            )
        })
        .collect();
    let export = serde_urlencoded::to_string(ListQuery {
        paging: PageParams::default(),
        ..query.clone()
    })
    .unwrap_or_default();
    let left_out = columns.left_out();
    let view = context! { students => shown, pager, query, groups, export, columns, left_out, stages => [
    ("not_engaged", Stage::NotEngaged.label_id()), ("applied", Stage::Applied.label_id()),
    ("placed", Stage::Placed.label_id()), ("completed", Stage::Completed.label_id())] };
    page.respond("counseling/students.html", view)
}

pub async fn export_students(
    State(state): State<AppState>,
    counselor: CounselorUser,
    ReaderLang(reader): ReaderLang,
    Query(query): Query<ListQuery>,
    Query(choice): Query<ExportLang>,
) -> AppResult<Response> {
    let lang = choice.choose(reader)?;
    let snapshot = db::begin_read(&state.db).await?;
    let period = service::period(&snapshot, &counselor, &query.scope, today(), reader).await?;
    let figures = state
        .figures
        .figures(&snapshot, &period, threshold(&state), false)
        .await?;
    let list = service::list(&snapshot, &period, &query.filter, &figures, reader, None).await?;
    snapshot.commit().await?;
    // The columns of the page, header included: a column the list leaves
    // out (a group's grades, or its statuses where the dashboard hides its
    // rates) is not in the file either.
    let (grade, status) = (list.columns.grade, list.columns.status);
    let header = [
        Some("csv-student-id"),
        Some("csv-name"),
        grade.then_some("csv-grade"),
        Some("csv-school"),
        status.then_some("csv-status"),
        Some("csv-account-claimed"),
    ];
    let mut export = Export::new();
    export.row(header.into_iter().flatten().map(|id| t(lang, id)))?;
    for row in &list.rows {
        export.row(
            [
                Some(row.student_ref.clone()),
                Some(row.name.clone()),
                row.grade.map(|g| g.to_string()),
                Some(row.school.clone()),
                row.stage.map(|id| t(lang, id)),
                Some(t(lang, if row.claimed { "csv-yes" } else { "csv-no" })),
            ]
            .into_iter()
            .flatten(),
        )?;
    }
    // The log names the filter, not how many students it found: admins
    // reading the log see no count of students.
    audit::record(
        &state.db,
        counselor.id,
        audit::AuditAction::ExportStudents,
        &format!("year {}, {}", period.year, query.filter.describe()),
    )
    .await?;
    export.into_response("stembridge-students.csv")
}

pub async fn student_record(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    let (timeline, student) = service::timeline(&state.db, &counselor, id).await?;
    audit::record(
        &state.db,
        counselor.id,
        audit::AuditAction::ViewStudent,
        &format!("student {}", student.id),
    )
    .await?;
    let guardians = crate::families::service::of_student(&state.db, student.id).await?;
    let held_since = crate::families::address_report::holds_of(&state.db, student.id)
        .await?
        .first()
        .and_then(|r| r.reported_at)
        .map(|at| at.date_naive().to_string());
    let placements = crate::placements::service::of_student(
        &state.db,
        student.id,
        crate::placements::evaluation::Reader::Counselor,
    )
    .await?;
    page.respond(
        "counseling/student.html",
        context! {
            student => timeline,
            id,
            guardians,
            held_since,
            placements,
            date_of_birth => student.date_of_birth.map(|d| d.to_string()),
        },
    )
}

pub async fn roster_page(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
) -> AppResult<Response> {
    let schools = crate::roster::service::schools_of(&state.db, &counselor).await?;
    page.respond("counseling/roster.html", context! { schools })
}

/// New claim codes for every unclaimed student of a school and grade, on a
/// printable page (codes are stored only as digests, so printing reissues them).
pub async fn print_codes(
    State(state): State<AppState>,
    counselor: CounselorUser,
    page: Page,
    Form(form): Form<crate::roster::service::CodesForm>,
) -> AppResult<Response> {
    let printed = crate::roster::service::print_codes(&state.db, &counselor, &form).await?;
    page.respond("counseling/codes.html", printed)
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    actor: String,
    #[serde(flatten)]
    paging: PageParams,
}

pub async fn audit(
    State(state): State<AppState>,
    _admin: AdminUser,
    page: Page,
    Query(query): Query<AuditQuery>,
) -> AppResult<Response> {
    let paging = query.paging.parse(page.lang)?;
    let entries =
        audit::entries(&state.db, Some(&query.action), Some(&query.actor), &paging).await?;
    let (entries, pager) = paging.finish(entries, "/admin/audit", &query);
    let actions: Vec<&str> = audit::AuditAction::ALL.iter().map(|a| a.key()).collect();
    page.respond(
        "counseling/audit.html",
        context! { entries, query, pager, actions },
    )
}
