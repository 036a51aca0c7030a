//! schema.org `JobPosting` for a public posting page, so that search
//! engines can list it: built as JSON from the posting and its
//! organization, and written into the page by minijinja's `tojson`, which
//! escapes `<`, `>`, `&` and `'` (a title holding `</script>` cannot end
//! the script element).

use entity::{Compensation, WorkMode, opportunity, organization};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::error::AppResult;

/// The `JobPosting` of a published posting.
pub async fn job_posting(
    db: &impl ConnectionTrait,
    posting: &opportunity::Model,
    site: &str,
) -> AppResult<Value> {
    let organization =
        crate::db::found::<organization::Entity>(db, posting.organization_id).await?;
    Ok(describe(posting, &organization, site))
}

/// The description of `posting` (pure, for tests and callers with the rows).
pub fn describe(
    posting: &opportunity::Model,
    organization: &organization::Model,
    site: &str,
) -> Value {
    let url = format!("{site}/opportunities/{}", posting.id);
    let mut hiring = json!({ "@type": "Organization", "name": organization.name });
    if !organization.website.trim().is_empty() {
        hiring["sameAs"] = json!(organization.website);
    }
    let mut job = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": posting.description,
        "url": url,
        "identifier": {
            "@type": "PropertyValue",
            "name": organization.name,
            "value": posting.id.to_string(),
        },
        "hiringOrganization": hiring,
        // Every kind (internships, job shadows, apprenticeships, virtual
        // experiences) is work experience for a student.
        "employmentType": "INTERN",
        "validThrough": crate::format::end_of_day(posting.deadline).to_rfc3339(),
        "inLanguage": posting.written_in.key(),
    });
    if let Some(published) = posting.published_at {
        job["datePosted"] = json!(crate::format::day_of(published).to_string());
    }
    // Remote work has no place; on-site and hybrid work have the site's.
    if posting.mode == WorkMode::Remote {
        job["jobLocationType"] = json!("TELECOMMUTE");
        job["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "US" });
    } else {
        job["jobLocation"] = json!({
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": posting.address,
                "postalCode": posting.zip,
                "addressCountry": "US",
            },
        });
    }
    let amount = |cents: i32| f64::from(cents) / 100.0;
    match (
        posting.compensation,
        posting.hourly_wage_cents,
        posting.stipend_cents,
    ) {
        (Compensation::Hourly, Some(cents), _) => {
            job["baseSalary"] = json!({
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": { "@type": "QuantitativeValue", "value": amount(cents), "unitText": "HOUR" },
            });
        }
        // A stipend is one amount for the whole experience: no time unit.
        (Compensation::Stipend, _, Some(cents)) => {
            job["baseSalary"] = json!({
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": { "@type": "QuantitativeValue", "value": amount(cents) },
            });
        }
        _ => {}
    }
    job
}
