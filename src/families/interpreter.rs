//! Families whose language we do not write (Vietnamese, Arabic, Hmong...)
//! get our mail in English, with at most one line in their language on
//! top. For a routine confirmation that may do; for a notice that asks
//! them to act, to keep their child away, or to say whether it was them,
//! it does not (eyes18b F3). Each such notice tells the student's
//! counselors in the app to reach the family through an interpreter, with
//! what the mail said, once it is sent (a placement's notice or a consent
//! reminder: the mail worker; mail held back asks nobody, eyes20 F5,
//! eyes40 F10) or as it is queued (a contact change, and then only about a
//! contact still active on the child's record, eyes41b G1): the same rule that writes the
//! interpreter note on the student's record and the consent list
//! (`languages::unwritten` of the language the school records, unless the
//! guardian chose the language of our mail themselves and does not sign).

use entity::{guardian, placement, student};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{error::AppResult, i18n::Message, notifications::service::notify_students_counselors};

/// What a notice of catalogue kind `kind` tells a family, for the
/// counselor's prompt (`families-interpreter-what-*`); `None` for the mail
/// the family can do without understanding (a confirmation, a mentor's
/// name, their own settings).
fn what(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "placement-paused-guardian" => "families-interpreter-what-paused",
        k if k.starts_with("placement-resumed-") && k.ends_with("-guardian") => {
            "families-interpreter-what-resumed"
        }
        "placement-called-off-guardian" | "placement-called-off-guardian-asked" => {
            "families-interpreter-what-called-off"
        }
        "placement-guardian-paper" | "consent-declined-guardian-paper" => {
            "families-interpreter-what-paper"
        }
        "consent-declined-guardian-link" => "families-interpreter-what-declined",
        "consent-withdrawn-guardian" => "families-interpreter-what-withdrawn",
        "consent-reminder" => "families-interpreter-what-reminder",
        // Not "contact ended": the one to call would be the contact the
        // school just took out of the family's record (often on purpose:
        // a parent without rights), not the family (eyes20 F9).
        "guardian-address-changed" | "guardian-contact-added" | "guardian-contact-replaced" => {
            "families-interpreter-what-contact"
        }
        _ => return None,
    })
}

/// After a notice of `kind` went (or was queued) to `guardian` about `student`:
/// their counselors are asked to call the family through an interpreter
/// when the family reads a language we do not write.
pub async fn prompt(
    db: &impl ConnectionTrait,
    guardian: &guardian::Model,
    student: &student::Model,
    kind: &str,
) -> AppResult<()> {
    let Some(what) = what(kind) else {
        return Ok(());
    };
    // A family that chose our mail's language reads it; one that signs
    // still needs a sign-language interpreter to talk it over, as the
    // record and the consent list say (eyes40 F10).
    if guardian.language_chosen.is_some() && !crate::languages::signed(&guardian.language) {
        return Ok(());
    }
    let Some(code) = crate::languages::unwritten(&guardian.language) else {
        return Ok(());
    };
    // A family that signs is called through a sign-language interpreter,
    // whatever language their mail is in.
    let id = if crate::languages::signed(&guardian.language) {
        "families-interpreter-prompt-signed"
    } else {
        "families-interpreter-prompt"
    };
    let message = Message::new(id)
        .arg("guardian", crate::families::service::full_name(guardian))
        .arg(
            "student",
            format!("{} {}", student.first_name, student.last_name),
        )
        .term("what", what);
    // The language's name in the reader's language where the catalogue
    // has one (the record's note says it the same way), else its name.
    let message = if crate::i18n::has_message(&format!("vocab-language-{code}")) {
        message.vocab("language", "language", code)
    } else {
        message.arg("language", crate::languages::name(code).unwrap_or(code))
    };
    let link = format!("/counselor/students/{}", student.id);
    notify_students_counselors(db, student, None, &message, &link).await
}

/// [`prompt`] for a notice or a consent reminder about placement
/// `placement_id` the mail worker just sent, finding the guardian and the
/// student.
pub async fn prompt_for_placement(
    db: &impl ConnectionTrait,
    guardian_id: i32,
    placement_id: i32,
    kind: &str,
) -> AppResult<()> {
    if what(kind).is_none() {
        return Ok(());
    }
    let Some(guardian) = guardian::Entity::find_by_id(guardian_id).one(db).await? else {
        return Ok(());
    };
    let Some(found) = placement::Entity::find_by_id(placement_id).one(db).await? else {
        return Ok(());
    };
    let Some(student) = student::Entity::find_by_id(found.student_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    prompt(db, &guardian, &student, kind).await
}
