//! Email: messages are rendered from templates in the recipient's language,
//! written to the `mail_outbox` table in the same transaction as the change
//! that causes them, and sent over SMTP by a background worker with retries.
//! Without `SMTP_URL` nothing is sent: messages wait in the outbox and admins
//! read them at `/admin/mail` (links hidden). Optional mail (`notices`, the
//! weekly `digest`) goes only to people who chose it (`preferences`), each
//! message with a one-click unsubscribe; placement confirmations carry a
//! `calendar` invitation.

pub mod calendar;
pub mod digest;
mod handlers;
pub mod notices;
pub mod outbox;
mod pages;
pub mod preferences;
pub mod readdress;
pub mod refusal;
pub mod worker;

use axum::{
    Router,
    routing::{get, post},
};

use crate::app::AppState;

pub use outbox::{Attachment, Outgoing, enqueue};

/// Links in stored messages start with this marker; it becomes the site's
/// public address when the message is sent or shown, so waiting mail follows
/// a change of `PUBLIC_URL`.
pub const SITE: &str = "@@SITE@@";

/// Where the one-click unsubscribe lives: mail clients POST to it with no
/// session, so the CSRF guard lets this prefix through (the signed token in
/// the path is what authorizes the request).
pub const UNSUBSCRIBE_PREFIX: &str = "/unsubscribe/";

/// Masks an address for people who may know it exists but not read it:
/// `maria@example.org` becomes `m•••@example.org`.
pub fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

/// A stored message's text as an admin may read it: each link to the site
/// keeps only its first path segment, and `hidden` stands for the rest. The
/// rest is often a secret meant for the recipient alone (a consent link
/// would let whoever reads it decide in a guardian's place), and the outbox
/// cannot know which links are harmless, so it hides them all: the admin
/// sees that a `/consent/` link was sent, not the link.
pub fn redacted(text: &str, site: &str, hidden: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(SITE) {
        out.push_str(&rest[..at]);
        let after = &rest[at + SITE.len()..];
        // A link ends at whitespace or at what closes it in text or HTML.
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ')'))
            .unwrap_or(after.len());
        let path = &after[..end];
        out.push_str(site);
        // Keep "/consent/" of "/consent/secret", and "/search?" of "/search?q=…".
        let kept = path
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '/' || c == '?' || c == '#')
            .map(|(i, c)| &path[..i + c.len_utf8()]);
        match kept {
            Some(prefix) if prefix.len() < path.len() => {
                out.push_str(prefix);
                out.push_str(hidden);
            }
            _ => out.push_str(path),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/mail", get(handlers::list))
        .route("/admin/mail/{id}", get(handlers::show))
        .route(
            "/account/email",
            get(pages::preferences_page).post(pages::save_preferences),
        )
        .route(
            "/unsubscribe/{token}",
            get(pages::unsubscribe_page).post(pages::unsubscribe),
        )
        .route(
            "/email/{token}",
            get(pages::guardian_page).post(pages::save_guardian),
        )
        .route(
            "/email/{token}/withdraw-link",
            post(pages::mail_withdraw_link),
        )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_masked_address_keeps_only_the_first_letter_and_the_domain() {
        assert_eq!(super::masked("maria@example.org"), "m•••@example.org");
        assert_eq!(super::masked("nobody"), "•••");
    }

    #[test]
    fn admins_see_which_page_a_link_leads_to_but_not_its_secret() {
        let text = format!(
            "Open {s}/consent/AbC123secret now.\nOr <a href=\"{s}/unsubscribe/u1.digest.f00\">stop</a>, \
             see {s}/search?q=x and {s}/student",
            s = super::SITE
        );
        assert_eq!(
            super::redacted(&text, "https://sb.example", "[hidden]"),
            "Open https://sb.example/consent/[hidden] now.\nOr <a href=\"https://sb.example/unsubscribe/[hidden]\">stop</a>, \
             see https://sb.example/search?[hidden] and https://sb.example/student"
        );
    }
}
