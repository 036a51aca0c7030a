//! Secrets the server must read back, sealed at rest: TOTP seeds, and the
//! bodies of mail waiting to be sent (they hold single-use links). Each is
//! encrypted with XChaCha20-Poly1305 under a key derived from `SECRET_KEY`
//! for its kind, with a random 192-bit nonce, and bound to its place (the
//! associated data: a seed's row id, a message's recipient), so a leaked
//! database reveals no secret and a value copied elsewhere does not open.
//!
//! Stored form: `v1:` and base64 of nonce, ciphertext and tag.

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    Key, KeyInit, XChaCha20Poly1305, XNonce,
    aead::{Aead, Payload},
};
use rand::RngCore;

use crate::tokens;

/// What every sealed value starts with (a plain one may be told apart).
pub const PREFIX: &str = "v1:";
const NONCE_LEN: usize = 24;

/// A kind of sealed secret: the key it is sealed under, and the label its
/// values are bound under (with their place, see [`Kind::seal`]).
pub struct Kind {
    /// The purpose the key is derived for; each kind gets its own.
    purpose: &'static str,
    label: &'static str,
}

/// TOTP seeds, bound to their account's row id.
pub const MFA_SECRET: Kind = Kind {
    purpose: "app_user.mfa_secret v1",
    label: "app_user.mfa_secret",
};

/// Bodies and attachments of waiting mail, bound to their recipient.
pub const MAIL_BODY: Kind = Kind {
    purpose: "mail_outbox.body v1",
    label: "mail_outbox.body",
};

impl Kind {
    fn associated_data(&self, place: &str) -> String {
        format!("{}:{place}", self.label)
    }

    /// Seals `plain`, a secret of this kind kept at `place`.
    pub fn seal(&self, place: &str, plain: &str) -> Result<String, String> {
        seal_with(
            &tokens::derived_key(self.purpose),
            &self.associated_data(place),
            plain,
        )
    }

    /// Opens a value sealed for the same `place`.
    pub fn open(&self, place: &str, stored: &str) -> Result<String, String> {
        open_with(
            &tokens::derived_key(self.purpose),
            &self.associated_data(place),
            stored,
        )
    }
}

fn seal_with(key: &[u8; 32], aad: &str, plain: &str) -> Result<String, String> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let mut nonce = [0u8; NONCE_LEN];
    rand::rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plain.as_bytes(),
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| "sealing a secret failed".to_owned())?;
    let mut bytes = nonce.to_vec();
    bytes.extend_from_slice(&sealed);
    Ok(format!("{PREFIX}{}", STANDARD.encode(bytes)))
}

fn open_with(key: &[u8; 32], aad: &str, stored: &str) -> Result<String, String> {
    let encoded = stored
        .strip_prefix(PREFIX)
        .ok_or_else(|| "the stored secret is not sealed".to_owned())?;
    let bytes = STANDARD
        .decode(encoded)
        .map_err(|_| "the stored secret is not valid base64".to_owned())?;
    if bytes.len() <= NONCE_LEN {
        return Err("the stored secret is too short".into());
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let mut nonce_bytes = [0u8; NONCE_LEN];
    nonce_bytes.copy_from_slice(nonce);
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let plain = cipher
        .decrypt(
            &XNonce::from(nonce_bytes),
            Payload {
                msg: sealed,
                aad: aad.as_bytes(),
            },
        )
        // Another key, another row, or a changed value: all the same to us.
        .map_err(|_| "the stored secret does not open with this SECRET_KEY".to_owned())?;
    String::from_utf8(plain).map_err(|_| "the stored secret is not text".to_owned())
}

/// Seals `plain`, the TOTP seed of account row `row_id`.
pub fn seal(row_id: i32, plain: &str) -> Result<String, String> {
    MFA_SECRET.seal(&row_id.to_string(), plain)
}

/// Opens a value made by [`seal`] for the same row.
pub fn open(row_id: i32, stored: &str) -> Result<String, String> {
    MFA_SECRET.open(&row_id.to_string(), stored)
}

/// Whether a stored value is already sealed.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

/// Hands the sealing functions to the migrations that rewrite stored
/// secrets (they cannot know the key); call after [`tokens::init`].
pub fn install_for_migrations() {
    migration::install_secret_box(migration::SecretBox {
        seal,
        open,
        is_sealed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_its_row() {
        let row = |id: i32| MFA_SECRET.associated_data(&id.to_string());
        let sealed = seal_with(&KEY, &row(3), "JBSWY3DPEHPK3PXP").unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert!(sealed.len() <= 255, "fits the column: {}", sealed.len());
        assert_eq!(
            open_with(&KEY, &row(3), &sealed).unwrap(),
            "JBSWY3DPEHPK3PXP"
        );
        assert!(
            open_with(&KEY, &row(4), &sealed).is_err(),
            "bound to its row"
        );
        assert!(
            open_with(&[8; 32], &row(3), &sealed).is_err(),
            "another key"
        );
        assert!(
            open_with(&KEY, &row(3), "JBSWY3DPEHPK3PXP").is_err(),
            "plain text"
        );
        assert_ne!(
            sealed,
            seal_with(&KEY, &row(3), "JBSWY3DPEHPK3PXP").unwrap(),
            "a fresh nonce each time"
        );
    }
}
