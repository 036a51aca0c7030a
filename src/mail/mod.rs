//! Email: messages are rendered from templates in the recipient's language,
//! written to the `mail_outbox` table in the same transaction as the change
//! that causes them, and sent over SMTP by a background worker with retries.
//! Without `SMTP_URL` nothing is sent: messages wait in the outbox and admins
//! read them at `/admin/mail`.

mod handlers;
pub mod outbox;
pub mod worker;

use axum::{Router, routing::get};

use crate::app::AppState;

pub use outbox::{Attachment, Outgoing, enqueue};

/// Links in stored messages start with this marker; it becomes the site's
/// public address when the message is sent or shown, so waiting mail follows
/// a change of `PUBLIC_URL`.
pub const SITE: &str = "@@SITE@@";

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

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/mail", get(handlers::list))
        .route("/admin/mail/{id}", get(handlers::show))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_masked_address_keeps_only_the_first_letter_and_the_domain() {
        assert_eq!(super::masked("maria@example.org"), "m•••@example.org");
        assert_eq!(super::masked("nobody"), "•••");
    }
}
