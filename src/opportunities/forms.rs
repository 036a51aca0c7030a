//! The posting form: what the employer typed, and its parsing into a valid
//! `Posting` with one clear message per bad field.

use chrono::{NaiveDate, NaiveTime};
use entity::{
    AccessNeed, Allocation, Compensation, OpportunityKind, PostingLanguage, StemField, WorkMode,
    opportunity,
};
use serde::{Deserialize, Serialize};

use crate::{
    forms::{FieldErrors, Limit},
    geo::{self, Point},
    i18n::Message,
    organizations::service::existing_zip,
};

/// Lowest and highest grade a posting can name (13 is early college).
pub const GRADES: std::ops::RangeInclusive<i64> = 6..=13;
/// Job shadows last a day or a few.
pub const SHADOW_MAX_DAYS: i64 = 5;

/// The form exactly as typed (every field a string, so it can be shown again).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PostingForm {
    pub title: String,
    pub description: String,
    /// The language the title and description are written in (`en`, `es`).
    pub written_in: String,
    pub kind: String,
    pub field: String,
    pub mode: String,
    pub address: String,
    pub zip: String,
    pub compensation: String,
    pub hourly_wage: String,
    pub stipend: String,
    pub hours_per_week: String,
    pub schedule: String,
    pub start_date: String,
    pub end_date: String,
    pub start_time: String,
    pub end_time: String,
    pub deadline: String,
    pub min_grade: String,
    pub max_grade: String,
    pub min_age: String,
    pub slots: String,
    /// `first_come` or `fair_draw`; empty for the kind's default.
    pub allocation: String,
    pub languages: String,
    pub skills: String,
    pub features: Vec<String>,
    /// The posting's `updated_at` when the edit page was drawn
    /// (`forms::still_as_seen`); empty on a new posting.
    pub seen: String,
    /// A token drawn with the new-posting form: the same form sent twice (a
    /// double click, a second tab) makes one draft. Empty when editing.
    pub once: String,
}

impl Default for PostingForm {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            written_in: PostingLanguage::En.key().into(),
            kind: OpportunityKind::Internship.key().into(),
            field: StemField::ComputerScience.key().into(),
            mode: WorkMode::OnSite.key().into(),
            address: String::new(),
            zip: String::new(),
            compensation: Compensation::Hourly.key().into(),
            hourly_wage: String::new(),
            stipend: String::new(),
            hours_per_week: String::new(),
            schedule: String::new(),
            start_date: String::new(),
            end_date: String::new(),
            start_time: String::new(),
            end_time: String::new(),
            deadline: String::new(),
            min_grade: "9".into(),
            max_grade: "12".into(),
            min_age: String::new(),
            slots: "1".into(),
            allocation: String::new(),
            languages: "en".into(),
            skills: String::new(),
            features: Vec::new(),
            seen: String::new(),
            once: String::new(),
        }
    }
}

impl PostingForm {
    /// The new-posting form's token, if it is one our forms draw (24
    /// letters and digits): a crafted one makes a posting as a form without
    /// one would (eyes15c F3).
    pub fn once(&self) -> Option<&str> {
        Some(self.once.trim()).filter(|once| {
            !once.is_empty() && once.len() <= 64 && once.chars().all(|c| c.is_ascii_alphanumeric())
        })
    }

    /// The form pre-filled from a saved posting, for editing.
    pub fn from_saved(o: &opportunity::Model, features: &[AccessNeed]) -> Self {
        let money = |cents: Option<i32>| {
            cents
                .map(|c| format!("{}.{:02}", c / 100, c % 100))
                .unwrap_or_default()
        };
        let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
        let time =
            |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        Self {
            title: o.title.clone(),
            description: o.description.clone(),
            written_in: o.written_in.key().into(),
            kind: o.kind.key().into(),
            field: o.field.key().into(),
            mode: o.mode.key().into(),
            address: o.address.clone(),
            zip: o.zip.clone(),
            compensation: o.compensation.key().into(),
            hourly_wage: money(o.hourly_wage_cents),
            stipend: money(o.stipend_cents),
            hours_per_week: number(o.hours_per_week),
            schedule: o.schedule.clone(),
            start_date: o.start_date.to_string(),
            end_date: o.end_date.to_string(),
            start_time: time(o.start_time),
            end_time: time(o.end_time),
            deadline: o.deadline.to_string(),
            min_grade: o.min_grade.to_string(),
            max_grade: o.max_grade.to_string(),
            min_age: number(o.min_age),
            slots: o.slots.to_string(),
            allocation: o.allocation.key().into(),
            languages: o.languages.replace(',', ", "),
            skills: o.skills.clone(),
            features: features
                .iter()
                .filter(|f| !derived(**f))
                .map(|f| f.key().to_owned())
                .collect(),
            seen: o.updated_at.to_rfc3339(),
            once: String::new(),
        }
    }
}

/// `paid` and `remote_ok` follow from compensation and work mode, so the two
/// can never disagree; the form does not offer them as checkboxes.
pub fn derived(feature: AccessNeed) -> bool {
    matches!(feature, AccessNeed::Paid | AccessNeed::RemoteOk)
}

/// Records a message on each of the posting's fields in the employer's own
/// words (title, description, address, schedule, skills, in that order)
/// that holds contact details. Students read every one of them, and reach
/// the employer through STEMbridge only (`crate::contact_details`).
pub fn refuse_contact_details(errors: &mut FieldErrors, own_words: [&str; 5]) {
    let fields = ["title", "description", "address", "schedule", "skills"];
    for (field, text) in fields.into_iter().zip(own_words) {
        errors.without_contact_details(field, text);
    }
}

/// A posting that passed every check.
#[derive(Debug, Clone)]
pub struct Posting {
    pub title: String,
    pub description: String,
    pub written_in: PostingLanguage,
    pub kind: OpportunityKind,
    pub field: StemField,
    pub mode: WorkMode,
    pub address: String,
    pub zip: String,
    pub location: Point,
    pub compensation: Compensation,
    pub hourly_wage_cents: Option<i32>,
    pub stipend_cents: Option<i32>,
    pub hours_per_week: Option<i32>,
    pub schedule: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub deadline: NaiveDate,
    pub min_grade: i32,
    pub max_grade: i32,
    pub min_age: Option<i32>,
    pub slots: i32,
    pub allocation: Allocation,
    pub languages: Vec<String>,
    pub skills: String,
    pub features: Vec<AccessNeed>,
}

fn choice<T: Copy>(
    errors: &mut FieldErrors,
    field: &str,
    label: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let parsed = parse(value.trim());
    if parsed.is_none() {
        errors.add(field, Message::new("form-choose").term("label", label));
    }
    parsed
}

fn optional_number(
    errors: &mut FieldErrors,
    field: &str,
    label: &str,
    value: &str,
    min: i64,
    max: i64,
) -> Option<i32> {
    if value.trim().is_empty() {
        return None;
    }
    errors
        .integer(field, label, value, min, max)
        .and_then(|n| i32::try_from(n).ok())
}

/// Longest title, description, address, schedule and skills, in characters;
/// only the description takes several lines.
const MAX_TITLE: Limit = Limit::line(120);
const MAX_DESCRIPTION: Limit = Limit::lines(5000);
const MAX_ADDRESS: Limit = Limit::line(300);
const MAX_SCHEDULE: Limit = Limit::line(300);
const MAX_SKILLS: Limit = Limit::line(500);
/// Highest hourly wage and stipend, in dollars.
const MAX_HOURLY_DOLLARS: i64 = 200;
const MAX_STIPEND_DOLLARS: i64 = 100_000;
/// Hours a week, minimum ages and places a posting may name.
const HOURS_PER_WEEK: (i64, i64) = (1, 40);
const MIN_AGE: (i64, i64) = (10, 25);
const SLOTS: (i64, i64) = (1, 500);

/// The form's first section: what the posting is.
struct Basics {
    title: String,
    description: String,
    written_in: Option<PostingLanguage>,
    kind: Option<OpportunityKind>,
    field: Option<StemField>,
    mode: Option<WorkMode>,
}

/// Where it takes place.
struct Place {
    address: String,
    zip: String,
}

/// What it pays and how much time it takes.
struct Pay {
    compensation: Option<Compensation>,
    hourly_wage_cents: Option<i32>,
    stipend_cents: Option<i32>,
    hours_per_week: Option<i32>,
    schedule: String,
}

/// When it runs (times only for job shadows).
struct Dates {
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
}

/// Who may apply, how seats are given, and what it offers.
struct Audience {
    min_grade: Option<i64>,
    max_grade: Option<i64>,
    min_age: Option<i32>,
    slots: Option<i64>,
    allocation: Option<Allocation>,
    languages: Vec<String>,
    skills: String,
    features: Vec<AccessNeed>,
}

impl PostingForm {
    /// Checks every field; on failure, every bad field has its message.
    /// Sections are read in the form's order, then the checks across fields.
    pub fn parse(&self) -> Result<Posting, FieldErrors> {
        let mut errors = FieldErrors::new();
        let basics = self.basics(&mut errors);
        let place = self.place(&mut errors, basics.mode);
        let pay = self.pay(&mut errors);
        let is_shadow = basics.kind == Some(OpportunityKind::JobShadow);
        let dates = self.dates(&mut errors, is_shadow);
        let audience = self.audience(&mut errors, basics.kind, is_shadow);
        dates.check_order(&mut errors, is_shadow);
        refuse_contact_details(
            &mut errors,
            [
                &basics.title,
                &basics.description,
                &place.address,
                &pay.schedule,
                &audience.skills,
            ],
        );
        if let (Some(min), Some(max)) = (audience.min_grade, audience.max_grade)
            && max < min
        {
            errors.add_id("max_grade", "employer-posting-error-grades");
        }

        let location = geo::zip_centroid(&place.zip);
        let (
            Some(written_in),
            Some(kind),
            Some(field),
            Some(mode),
            Some(compensation),
            Some(start_date),
            Some(end_date),
            Some(deadline),
            Some(min_grade),
            Some(max_grade),
            Some(slots),
            Some(allocation),
            Some(location),
        ) = (
            basics.written_in,
            basics.kind,
            basics.field,
            basics.mode,
            pay.compensation,
            dates.start_date,
            dates.end_date,
            dates.deadline,
            audience.min_grade,
            audience.max_grade,
            audience.slots,
            audience.allocation,
            location,
        )
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut features = audience.features;
        let pays = pay.hourly_wage_cents.is_some_and(|c| c > 0)
            || pay.stipend_cents.is_some_and(|c| c > 0);
        if pays {
            features.push(AccessNeed::Paid);
        }
        if mode == WorkMode::Remote {
            features.push(AccessNeed::RemoteOk);
        }
        features.sort();
        features.dedup();
        Ok(Posting {
            title: basics.title,
            description: basics.description,
            written_in,
            kind,
            field,
            mode,
            address: place.address,
            zip: place.zip,
            location,
            compensation,
            hourly_wage_cents: pay.hourly_wage_cents,
            stipend_cents: pay.stipend_cents,
            hours_per_week: pay.hours_per_week,
            schedule: pay.schedule,
            start_date,
            end_date,
            start_time: dates.start_time,
            end_time: dates.end_time,
            deadline,
            min_grade: min_grade as i32,
            max_grade: max_grade as i32,
            min_age: audience.min_age,
            slots: slots as i32,
            allocation,
            languages: audience.languages,
            skills: audience.skills,
            features,
        })
    }

    fn basics(&self, errors: &mut FieldErrors) -> Basics {
        let title = errors.text("title", "employer-posting-title", &self.title, MAX_TITLE);
        let description = errors.text(
            "description",
            "employer-posting-description",
            &self.description,
            MAX_DESCRIPTION,
        );
        let written_in = PostingLanguage::from_key(self.written_in.trim());
        if written_in.is_none() {
            errors.add("written_in", Message::new("posting-language-invalid"));
        }
        Basics {
            title,
            description,
            written_in,
            kind: choice(
                errors,
                "kind",
                "employer-posting-kind-name",
                &self.kind,
                OpportunityKind::from_key,
            ),
            field: choice(
                errors,
                "field",
                "employer-posting-field-name",
                &self.field,
                StemField::from_key,
            ),
            mode: choice(
                errors,
                "mode",
                "employer-posting-mode-name",
                &self.mode,
                WorkMode::from_key,
            ),
        }
    }

    /// A remote posting may leave its address out.
    fn place(&self, errors: &mut FieldErrors, mode: Option<WorkMode>) -> Place {
        let label = "employer-posting-address-name";
        let address = if mode == Some(WorkMode::Remote) {
            errors.optional_text("address", label, &self.address, MAX_ADDRESS)
        } else {
            errors.text("address", label, &self.address, MAX_ADDRESS)
        };
        Place {
            address,
            zip: existing_zip(errors, "zip", &self.zip),
        }
    }

    /// The wage or the stipend is read only when the compensation names it.
    fn pay(&self, errors: &mut FieldErrors) -> Pay {
        let compensation = choice(
            errors,
            "compensation",
            "employer-posting-compensation-name",
            &self.compensation,
            Compensation::from_key,
        );
        let hourly_wage_cents = (compensation == Some(Compensation::Hourly))
            .then(|| {
                errors.money(
                    "hourly_wage",
                    "employer-posting-hourly-wage-name",
                    &self.hourly_wage,
                    MAX_HOURLY_DOLLARS,
                )
            })
            .flatten();
        let stipend_cents = (compensation == Some(Compensation::Stipend))
            .then(|| {
                errors.money(
                    "stipend",
                    "employer-posting-stipend-name",
                    &self.stipend,
                    MAX_STIPEND_DOLLARS,
                )
            })
            .flatten();
        let hours_per_week = optional_number(
            errors,
            "hours_per_week",
            "employer-posting-hours-per-week",
            &self.hours_per_week,
            HOURS_PER_WEEK.0,
            HOURS_PER_WEEK.1,
        );
        let schedule = errors.optional_text(
            "schedule",
            "employer-posting-schedule",
            &self.schedule,
            MAX_SCHEDULE,
        );
        Pay {
            compensation,
            hourly_wage_cents,
            stipend_cents,
            hours_per_week,
            schedule,
        }
    }

    fn dates(&self, errors: &mut FieldErrors, is_shadow: bool) -> Dates {
        let start_date = errors.date(
            "start_date",
            "employer-posting-start-date",
            &self.start_date,
        );
        let end_date = errors.date("end_date", "employer-posting-end-date", &self.end_date);
        let deadline = errors.date("deadline", "employer-posting-deadline", &self.deadline);
        let (start_time, end_time) = if is_shadow {
            (
                errors.time(
                    "start_time",
                    "employer-posting-start-time-name",
                    &self.start_time,
                ),
                errors.time("end_time", "employer-posting-end-time-name", &self.end_time),
            )
        } else {
            (None, None)
        };
        Dates {
            start_date,
            end_date,
            deadline,
            start_time,
            end_time,
        }
    }

    fn audience(
        &self,
        errors: &mut FieldErrors,
        kind: Option<OpportunityKind>,
        is_shadow: bool,
    ) -> Audience {
        let min_grade = errors.integer(
            "min_grade",
            "employer-posting-min-grade",
            &self.min_grade,
            *GRADES.start(),
            *GRADES.end(),
        );
        let max_grade = errors.integer(
            "max_grade",
            "employer-posting-max-grade",
            &self.max_grade,
            *GRADES.start(),
            *GRADES.end(),
        );
        let min_age = optional_number(
            errors,
            "min_age",
            "employer-posting-min-age",
            &self.min_age,
            MIN_AGE.0,
            MIN_AGE.1,
        );
        let slots = errors.integer(
            "slots",
            if is_shadow {
                "employer-posting-seats-name"
            } else {
                "employer-posting-slots-name"
            },
            &self.slots,
            SLOTS.0,
            SLOTS.1,
        );
        let allocation = self.allocation(errors, kind);
        let languages = errors.languages(
            "languages",
            &self.languages,
            Some("employer-posting-error-languages-empty"),
        );
        let skills = errors.optional_text(
            "skills",
            "employer-posting-skills-name",
            &self.skills,
            MAX_SKILLS,
        );
        let mut features = Vec::new();
        for key in &self.features {
            match AccessNeed::from_key(key) {
                Some(feature) if !derived(feature) => features.push(feature),
                _ => errors.add_id("features", "employer-posting-error-features"),
            }
        }
        Audience {
            min_grade,
            max_grade,
            min_age,
            slots,
            allocation,
            languages,
            skills,
            features,
        }
    }

    /// The way seats are given: the kind's default when left empty, and
    /// only a way the kind allows.
    fn allocation(
        &self,
        errors: &mut FieldErrors,
        kind: Option<OpportunityKind>,
    ) -> Option<Allocation> {
        match (self.allocation.trim(), kind) {
            (_, None) => None,
            ("", Some(kind)) => Some(Allocation::default_for(kind)),
            (key, Some(kind)) => match Allocation::from_key(key) {
                None => {
                    errors.add_id("allocation", "draws-error-allocation");
                    None
                }
                Some(chosen) if !chosen.allowed_for(kind) => {
                    errors.add_id("allocation", "draws-error-allocation-kind");
                    None
                }
                chosen => chosen,
            },
        }
    }
}

impl Dates {
    /// Dates and times in order; a job shadow lasts a few days at most.
    fn check_order(&self, errors: &mut FieldErrors, is_shadow: bool) {
        if let (Some(start), Some(end)) = (self.start_date, self.end_date) {
            if end < start {
                errors.add_id("end_date", "employer-posting-error-end-before-start");
            } else if is_shadow && (end - start).num_days() >= SHADOW_MAX_DAYS {
                errors.add(
                    "end_date",
                    Message::new("employer-posting-error-shadow-days").arg("days", SHADOW_MAX_DAYS),
                );
            }
        }
        if let (Some(deadline), Some(start)) = (self.deadline, self.start_date)
            && deadline >= start
        {
            errors.add_id("deadline", "employer-posting-error-deadline");
        }
        if let (Some(start), Some(end)) = (self.start_time, self.end_time)
            && end <= start
        {
            errors.add_id("end_time", "employer-posting-error-end-time");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn valid() -> PostingForm {
        PostingForm {
            title: "Robotics intern".into(),
            description: "Build robots.".into(),
            address: "1 Main St".into(),
            zip: "60601".into(),
            hourly_wage: "18.50".into(),
            start_date: "2027-06-15".into(),
            end_date: "2027-08-15".into(),
            deadline: "2027-05-01".into(),
            features: vec!["wheelchair_accessible".into()],
            ..PostingForm::default()
        }
    }

    #[test]
    fn a_valid_paid_posting_gets_the_paid_feature_and_its_wage_in_cents() {
        let posting = valid().parse().expect("valid");
        assert_eq!(posting.hourly_wage_cents, Some(1850));
        assert_eq!(
            posting.features,
            vec![AccessNeed::Paid, AccessNeed::WheelchairAccessible]
        );
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let form = PostingForm {
            title: String::new(),
            zip: "99999".into(),
            hourly_wage: "-3".into(),
            deadline: "2027-07-01".into(),
            min_grade: "12".into(),
            max_grade: "9".into(),
            slots: "0".into(),
            languages: "elvish".into(),
            written_in: "fr".into(),
            features: vec!["teleportation".into()],
            ..valid()
        };
        let errors = form.parse().expect_err("invalid");
        assert_eq!(
            errors.get("written_in", Lang::En).as_deref(),
            Some("Choose the language of the posting from the list.")
        );
        assert_eq!(
            errors.get("title", Lang::En).as_deref(),
            Some("Title is required.")
        );
        assert_eq!(
            errors.get("zip", Lang::En).as_deref(),
            Some("This ZIP code does not exist.")
        );
        assert_eq!(
            errors.get("hourly_wage", Lang::En).as_deref(),
            Some("Hourly wage cannot be negative.")
        );
        assert_eq!(
            errors.get("deadline", Lang::En).as_deref(),
            Some("The application deadline must be before the start date.")
        );
        assert_eq!(
            errors.get("max_grade", Lang::En).as_deref(),
            Some("Highest grade must be at least the lowest grade.")
        );
        assert_eq!(
            errors.get("slots", Lang::En).as_deref(),
            Some("Slots must be between 1 and 500.")
        );
        assert!(
            errors
                .get("languages", Lang::En)
                .is_some_and(|m| m.contains("elvish"))
        );
        assert_eq!(
            errors.get("features", Lang::En).as_deref(),
            Some("One of the access features is not in the list.")
        );
    }

    #[test]
    fn a_job_shadow_needs_times_and_lasts_a_few_days_at_most() {
        let form = PostingForm {
            kind: "job_shadow".into(),
            ..valid()
        };
        let errors = form.parse().expect_err("too long, no times");
        assert!(
            errors
                .get("end_date", Lang::En)
                .is_some_and(|m| m.contains("at most 5 days"))
        );
        assert_eq!(
            errors.get("start_time", Lang::En).as_deref(),
            Some("Start time is required for a job shadow.")
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A field value: usually one that could be right, now and then anything.
    fn value(valid: &'static [&'static str]) -> BoxedStrategy<String> {
        prop_oneof![
            40 => prop::sample::select(valid).prop_map(str::to_owned),
            1 => "-?[0-9]{1,12}(\\.[0-9]{0,3})?",
            1 => any::<String>(),
        ]
        .boxed()
    }

    prop_compose! {
        fn form()(
            title in value(&["Robotics intern", "Lab aide"]),
            description in value(&["Build robots."]),
            written_in in value(&["en", "es", "fr"]),
            kind in value(&["internship", "job_shadow", "virtual_experience"]),
            field in value(&["engineering", "health"]),
            mode in value(&["on_site", "remote", "hybrid"]),
            address in value(&["1 Main St"]),
            zip in value(&["60601", "60608"]),
            compensation in value(&["hourly", "stipend", "unpaid"]),
            hourly_wage in value(&["18.50", "16"]),
            stipend in value(&["500", "1,500"]),
            hours_per_week in value(&["", "10"]),
            start_date in value(&["2027-06-15"]),
            end_date in value(&["2027-06-16", "2027-08-15"]),
            start_time in value(&["09:00"]),
            end_time in value(&["15:00", "08:00"]),
            deadline in value(&["2027-05-01", "2027-07-01"]),
            min_grade in value(&["9", "11"]),
            max_grade in value(&["12", "10"]),
            min_age in value(&["", "16"]),
            slots in value(&["1", "3"]),
            allocation in value(&["", "first_come", "fair_draw"]),
            languages in value(&["en", "en,es"]),
            features in prop::collection::vec(value(&["wheelchair_accessible", "paid", "transit_accessible"]), 0..3),
        ) -> PostingForm {
            PostingForm {
                title, description, written_in, kind, field, mode, address, zip, compensation, hourly_wage,
                stipend, hours_per_week, schedule: String::new(), start_date, end_date, start_time,
                end_time, deadline, min_grade, max_grade, min_age, slots, allocation, languages,
                skills: String::new(), features, seen: String::new(), once: String::new(),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// Whatever is typed, a posting that passes keeps every rule the
        /// search and the seat counts rely on; one that fails says why.
        #[test]
        fn any_form_is_a_sound_posting_or_field_messages(f in form()) {
            match f.parse() {
                Ok(p) => {
                    prop_assert!(!p.title.trim().is_empty() && p.title.chars().count() <= 120);
                    prop_assert!(GRADES.contains(&i64::from(p.min_grade)));
                    prop_assert!(GRADES.contains(&i64::from(p.max_grade)));
                    prop_assert!(p.min_grade <= p.max_grade);
                    prop_assert!(p.start_date <= p.end_date);
                    prop_assert!(p.deadline <= p.start_date);
                    prop_assert!(p.slots >= 1);
                    prop_assert!(p.hourly_wage_cents.is_none_or(|c| c > 0));
                    prop_assert!(p.stipend_cents.is_none_or(|c| c > 0));
                    prop_assert_eq!(p.features.contains(&AccessNeed::Paid), p.compensation != Compensation::Unpaid);
                }
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }
    }
}
