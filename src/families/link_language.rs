//! The language of the pages a guardian opens from a link we mailed them
//! (`/consent/{token}`, a guardian's `/email/{token}` settings,
//! `/withdraw/{token}` and `/unsubscribe/{token}`). Guardians have no account and their browser may
//! keep no cookie, so the reader's choice made with the footer switcher
//! (`/language/{code}`, the one way to choose) is also carried in the page's
//! own address, `?lang=es`, and the page's forms post back to that address.
//! The guardian's recorded language is only the default of a first visit.
//! A family whose home language we do not write finds on each of these
//! pages the line in their language their mail opened with ([`HomeLine`]),
//! and every guardian the school's number and address ([`SchoolContact`]):
//! of a school whose child the link's holder is still an active contact of,
//! never of one a former contact's child moved to (eyes41 F1b).

use axum::{
    extract::{Request, State},
    http::HeaderMap,
    middleware::Next,
    response::Response,
};
use entity::{guardian, placement, student_guardian};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    app::AppState,
    error::AppResult,
    families::service::{chosen_lang, recorded_lang},
    i18n::{self, Lang},
    mail::preferences::{self, LinkPurpose, Recipient},
};

/// Paths of the pages reached through a guardian's mailed link.
const GUARDIAN_PAGES: [&str; 5] = [
    "/consent/",
    "/email/",
    "/unsubscribe/",
    super::address_report::PATH,
    crate::placements::withdrawal::PATH,
];

/// The query parameter carrying the reader's choice on those pages.
const PARAM: &str = "lang";

/// The token of a guardian page's path, if `path` is one.
fn token_of(path: &str) -> Option<(&'static str, &str)> {
    GUARDIAN_PAGES.iter().find_map(|prefix| {
        path.strip_prefix(prefix)
            // A page's own forms post under it (`/email/{token}/withdraw-link`).
            .and_then(|rest| rest.split('/').next())
            .filter(|token| !token.is_empty())
            .map(|token| (*prefix, token))
    })
}

/// Whose school a guardian's page names (its contact: name, phone,
/// email). Chosen only once the link is known to speak for its holder: a
/// contact taken off a child's record, or made inactive, who opens an old
/// link must not read which school the child is at now (eyes41 F1b).
enum About {
    /// A consent or withdrawal page of a placement whose student the link's
    /// holder is still an active contact of.
    Placement(i32),
    /// A report page about a student the holder is still an active contact
    /// of, its link still within its days.
    Student(i32),
    /// The holder is the guardian, active, at their address: the schools of
    /// the children still theirs (settings, unsubscribe, and any link about
    /// a child no longer theirs).
    Family,
    /// The holder is nobody the school writes to now (an inactive contact,
    /// an address corrected away from): no school.
    Nobody,
}

/// Whether `guardian_id` is still on `student_id`'s record.
async fn linked(db: &impl ConnectionTrait, guardian_id: i32, student_id: i32) -> AppResult<bool> {
    Ok(
        student_guardian::Entity::find_by_id((student_id, guardian_id))
            .one(db)
            .await?
            .is_some(),
    )
}

/// The guardian a mailed link on `path` is for, if it names one, and whose
/// school its page may name.
async fn guardian_of_path(
    db: &impl ConnectionTrait,
    path: &str,
) -> AppResult<Option<(guardian::Model, About)>> {
    let Some((prefix, token)) = token_of(path) else {
        return Ok(None);
    };
    if prefix == "/consent/" {
        use crate::placements::consent::Holder;
        let found = crate::placements::consent::guardian_of_link(db, token).await?;
        return Ok(found.map(|(guardian, holder)| {
            let about = match holder {
                Holder::Contact(placement) => About::Placement(placement),
                Holder::Guardian => About::Family,
                Holder::Nobody => About::Nobody,
            };
            (guardian, about)
        }));
    }
    if prefix == super::address_report::PATH {
        let Some((guardian, row)) = super::address_report::guardian_of_link(db, token).await?
        else {
            return Ok(None);
        };
        // The notice went to `former_email`: its holder is the guardian
        // only while that is still their address and they are active.
        let about = if !guardian.active
            || !super::service::same_address(guardian.email.as_deref(), Some(&row.former_email))
        {
            About::Nobody
        } else if row.expires_at > chrono::Utc::now()
            && linked(db, guardian.id, row.student_id).await?
        {
            About::Student(row.student_id)
        } else {
            About::Family
        };
        return Ok(Some((guardian, about)));
    }
    // Settings, unsubscribe and withdrawal links are signed over the
    // guardian's address as it is now; only a guardian's counts here (a
    // signed-in person's pages follow their own language). A withdrawal
    // link is about one placement: its school answers, not another
    // child's, while the guardian is still that child's contact.
    let Some((Recipient::Guardian(id), purpose)) = preferences::open_token(db, token).await? else {
        return Ok(None);
    };
    let Some(guardian) = guardian::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let about = match purpose {
        _ if !guardian.active => About::Nobody,
        LinkPurpose::Withdraw(placement) => {
            let student = placement::Entity::find_by_id(placement)
                .one(db)
                .await?
                .map(|p| p.student_id);
            match student {
                Some(student) if linked(db, guardian.id, student).await? => {
                    About::Placement(placement)
                }
                _ => About::Family,
            }
        }
        _ => About::Family,
    };
    Ok(Some((guardian, about)))
}

/// A page whose address holds a link token (consent, settings,
/// unsubscribe, report): no cache keeps it.
pub fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

/// The choice carried in a guardian page's address (`?lang=es`).
fn chosen_in_address(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == PARAM)
        .and_then(|(_, value)| Lang::from_code(value))
}

/// The language of a page for `guardian`, in this order:
/// 1. the reader's choice carried in the page's address (the switcher put
///    it there: a choice made on this page, by this reader);
/// 2. the language the guardian chose on their own settings page;
/// 3. the language the school records for them;
/// 4. the reader's choice remembered on this browser (the `lang` cookie);
/// 5. the browser's `Accept-Language`; then English.
///
/// The guardian's own language ranks above the browser's, the cookie
/// included, because the page continues the mail that brought the guardian
/// here, written in that language, and a device's language is often not
/// its reader's: a phone left in English, a work computer, or the family's
/// one computer where the student picked English for the whole site
/// (eyes18b F10). The switcher on the page changes it in one click, cookies
/// or not, since its choice travels in the address. When the school records
/// no language (most roster exports leave the column empty) the browser
/// decides, as it does for every reader.
pub fn page_language(headers: &HeaderMap, query: Option<&str>, guardian: &guardian::Model) -> Lang {
    chosen_in_address(query)
        .or_else(|| chosen_lang(guardian))
        .or_else(|| recorded_lang(guardian))
        .or_else(|| i18n::chosen_on_this_browser(headers))
        .or_else(|| i18n::preferred_by_browser(headers))
        .unwrap_or_default()
}

/// `next` with the reader's choice carried in it when it is a guardian's
/// page (any earlier `lang` replaced); any other path as it is. Used by the
/// language switcher, so one link serves both kinds of page.
pub fn carry_choice(next: &str, lang: Lang) -> String {
    let (path, query) = next.split_once('?').unwrap_or((next, ""));
    if token_of(path).is_none() {
        return next.to_owned();
    }
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(PARAM))
        .collect();
    let chosen = format!("{PARAM}={}", lang.code());
    pairs.push(&chosen);
    format!("{path}?{}", pairs.join("&"))
}

/// The line in the family's home language a guardian's page shows on top
/// (`families::service::tagline`: the same as their mail's), set by
/// [`in_guardian_pages_language`] for the page (`auth::extractors::Page`).
/// `None` when the family reads the page's language or one we have no line
/// in, or chose the language of our mail themselves.
#[derive(Clone)]
pub struct HomeLine(pub Option<(String, String)>);

/// How the family reaches the school (`admin::contact::for_guardian`), set
/// by [`in_guardian_pages_language`] for every guardian page
/// (`auth::extractors::Page`), beside the [`HomeLine`] that tells them to.
#[derive(Clone)]
pub struct SchoolContact(pub Option<crate::admin::contact::Contact>);

/// The reader's own language on a guardian's page, before
/// [`in_guardian_pages_language`] settled the page's: the page that turns a
/// signed-in student away from a consent link speaks to the student.
#[derive(Clone, Copy)]
pub struct ReaderLanguage(pub Lang);

/// Middleware (inside `i18n::request_language`, outside the CSRF and form
/// guards): every answer on a guardian's page (the form, a refusal such as
/// a suspended organization's 409, a CSRF or form-size error, the 422 of a
/// form and the thank-you page) is in [`page_language`], with the family's
/// [`HomeLine`] on top. Other paths pass untouched.
pub async fn in_guardian_pages_language(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    // A database that cannot answer leaves the reader's language; the
    // handler meets the same database and says so.
    let guardian = guardian_of_path(&state.db, request.uri().path())
        .await
        .ok()
        .flatten();
    let Some((guardian, about)) = guardian else {
        return next.run(request).await;
    };
    let lang = page_language(request.headers(), request.uri().query(), &guardian);
    request
        .extensions_mut()
        .insert(ReaderLanguage(i18n::current()));
    request
        .extensions_mut()
        .insert(HomeLine(super::service::tagline(&guardian)));
    // A consent or withdrawal page is about one placement: its student's
    // school answers (eyes20 F6), as in the mail that brought the guardian
    // here; a report page, the school of the student its notice was about
    // (eyes40 F5); each only while the holder is still that student's
    // contact (see `About`).
    let contact = match about {
        About::Placement(placement) => {
            crate::admin::contact::for_guardian(&state.db, guardian.id, Some(placement)).await
        }
        About::Student(student) => {
            crate::admin::contact::for_student(&state.db, guardian.id, student).await
        }
        About::Family => crate::admin::contact::for_guardian(&state.db, guardian.id, None).await,
        About::Nobody => Ok(None),
    }
    .ok()
    .flatten();
    request.extensions_mut().insert(SchoolContact(contact));
    i18n::with_lang(lang, next.run(request)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_carries_the_choice_only_into_a_guardians_page_address() {
        assert_eq!(
            carry_choice("/consent/abc", Lang::Es),
            "/consent/abc?lang=es"
        );
        assert_eq!(
            carry_choice("/email/g1-prefs-x?lang=es", Lang::En),
            "/email/g1-prefs-x?lang=en"
        );
        assert_eq!(
            carry_choice("/consent/abc?x=1&lang=en", Lang::Es),
            "/consent/abc?x=1&lang=es"
        );
        // Elsewhere `lang` means something else (search: posting languages).
        assert_eq!(carry_choice("/search?lang=es", Lang::En), "/search?lang=es");
        assert_eq!(carry_choice("/consent/", Lang::Es), "/consent/");
    }

    #[test]
    fn a_choice_in_the_address_is_read_from_its_own_parameter() {
        assert_eq!(chosen_in_address(Some("lang=es")), Some(Lang::Es));
        assert_eq!(chosen_in_address(Some("a=1&lang=en")), Some(Lang::En));
        assert_eq!(chosen_in_address(Some("language=es")), None);
        assert_eq!(chosen_in_address(Some("lang=fr")), None);
        assert_eq!(chosen_in_address(None), None);
    }
}
