//! What an edit changes in a posting, field by field: the terms a
//! guardian's consent covers (locked while students hold seats), and the
//! audit entry of an edit to a posting students could see.

use entity::{AccessNeed, opportunity};
use sea_orm::ConnectionTrait;

use super::forms::Posting;
use crate::{
    counseling::audit::{self, AuditAction},
    error::AppResult,
    forms::FieldErrors,
    i18n::{Message, money},
};

/// One field of a posting: its form name, the catalogue id of its label,
/// and its value as saved and as the edit leaves it, written out.
struct Field {
    name: &'static str,
    label: &'static str,
    was: String,
    now: String,
}

/// Every field of the posting, in the form's order, as saved (`current`,
/// with its `features`) and as `posting` leaves it.
fn fields(current: &opportunity::Model, features: &[AccessNeed], posting: &Posting) -> Vec<Field> {
    let cents = |c: Option<i32>| c.map(|c| money(c.into())).unwrap_or_default();
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.to_string()).unwrap_or_default();
    let keys = |features: &[AccessNeed]| {
        features
            .iter()
            .map(|f| f.key())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let field = |name, label, was: String, now: String| Field {
        name,
        label,
        was,
        now,
    };
    vec![
        field(
            "title",
            "employer-posting-title",
            current.title.clone(),
            posting.title.clone(),
        ),
        field(
            "description",
            "employer-posting-description",
            current.description.clone(),
            posting.description.clone(),
        ),
        field(
            "written_in",
            "posting-language-label",
            current.written_in.key().into(),
            posting.written_in.key().into(),
        ),
        field(
            "kind",
            "employer-posting-kind-name",
            current.kind.key().into(),
            posting.kind.key().into(),
        ),
        field(
            "field",
            "employer-posting-field-name",
            current.field.key().into(),
            posting.field.key().into(),
        ),
        field(
            "mode",
            "employer-posting-mode-name",
            current.mode.key().into(),
            posting.mode.key().into(),
        ),
        field(
            "address",
            "employer-posting-address-name",
            current.address.clone(),
            posting.address.clone(),
        ),
        field(
            "zip",
            "employer-posting-zip",
            current.zip.clone(),
            posting.zip.clone(),
        ),
        field(
            "compensation",
            "employer-posting-compensation-name",
            current.compensation.key().into(),
            posting.compensation.key().into(),
        ),
        field(
            "hourly_wage",
            "employer-posting-hourly-wage-name",
            cents(current.hourly_wage_cents),
            cents(posting.hourly_wage_cents),
        ),
        field(
            "stipend",
            "employer-posting-stipend-name",
            cents(current.stipend_cents),
            cents(posting.stipend_cents),
        ),
        field(
            "hours_per_week",
            "employer-posting-hours-per-week",
            number(current.hours_per_week),
            number(posting.hours_per_week),
        ),
        field(
            "schedule",
            "employer-posting-schedule",
            current.schedule.clone(),
            posting.schedule.clone(),
        ),
        field(
            "start_date",
            "employer-posting-start-date",
            current.start_date.to_string(),
            posting.start_date.to_string(),
        ),
        field(
            "end_date",
            "employer-posting-end-date",
            current.end_date.to_string(),
            posting.end_date.to_string(),
        ),
        field(
            "start_time",
            "employer-posting-start-time-name",
            time(current.start_time),
            time(posting.start_time),
        ),
        field(
            "end_time",
            "employer-posting-end-time-name",
            time(current.end_time),
            time(posting.end_time),
        ),
        field(
            "deadline",
            "employer-posting-deadline",
            current.deadline.to_string(),
            posting.deadline.to_string(),
        ),
        field(
            "min_grade",
            "employer-posting-min-grade",
            current.min_grade.to_string(),
            posting.min_grade.to_string(),
        ),
        field(
            "max_grade",
            "employer-posting-max-grade",
            current.max_grade.to_string(),
            posting.max_grade.to_string(),
        ),
        field(
            "min_age",
            "employer-posting-min-age",
            number(current.min_age),
            number(posting.min_age),
        ),
        field(
            "slots",
            "employer-posting-slots-name",
            current.slots.to_string(),
            posting.slots.to_string(),
        ),
        field(
            "allocation",
            "draws-allocation-label",
            current.allocation.key().into(),
            posting.allocation.key().into(),
        ),
        field(
            "languages",
            "employer-posting-languages",
            current.languages.clone(),
            posting.languages.join(","),
        ),
        field(
            "skills",
            "employer-posting-skills-name",
            current.skills.clone(),
            posting.skills.clone(),
        ),
        field(
            "features",
            "employer-posting-features",
            keys(features),
            keys(&posting.features),
        ),
    ]
}

/// What may change while students hold seats: a later deadline, more seats
/// (never fewer than those taken, nor a switch of how they are given: each
/// has its own rule in `service::update`), and added features.
const OPEN_WHILE_HELD: [&str; 4] = ["deadline", "slots", "allocation", "features"];

/// The terms a guardian's consent covers that an edit would change, each
/// refused on its field: what the consent mail and page showed (title and
/// kind, description, field, skills, language, the team's languages, who is
/// eligible), and where, how, when, for what pay, with which access
/// features. While students hold seats these stay as agreed, and a change
/// goes through the students' counselor, or a new posting.
pub(super) fn locked_terms(
    current: &opportunity::Model,
    features: &[AccessNeed],
    posting: &Posting,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for field in fields(current, features, posting) {
        if field.was != field.now && !OPEN_WHILE_HELD.contains(&field.name) {
            errors.add(
                field.name,
                Message::new("guard-posting-locked").term("label", field.label),
            );
        }
    }
    // Offering more is fine; taking a promised feature away is not.
    if features.iter().any(|f| !posting.features.contains(f)) {
        errors.add_id("features", "guard-posting-locked-features");
    }
    errors
}

/// Records an edit of a posting students could see (any past a draft):
/// each field it changes, old → new, long texts around what changed (see
/// `audit::changes`), so a counselor or admin can tell what students were
/// shown before and after. An edit that changes nothing records nothing.
pub(super) async fn audit_edit(
    db: &impl ConnectionTrait,
    actor_id: i32,
    current: &opportunity::Model,
    features: &[AccessNeed],
    posting: &Posting,
) -> AppResult<()> {
    let fields = fields(current, features, posting);
    let changed: Vec<(&str, &str, &str)> = fields
        .iter()
        .map(|f| (f.name, f.was.as_str(), f.now.as_str()))
        .collect();
    let about = format!("opportunity {} “{}”", current.id, current.title);
    if let Some(subject) = audit::changes(&about, &changed) {
        audit::record(db, actor_id, AuditAction::EditPublishedPosting, &subject).await?;
    }
    Ok(())
}
