//! Secrets the server must read back (TOTP seeds), sealed at rest: each is
//! encrypted with XChaCha20-Poly1305 under a key derived from `SECRET_KEY`,
//! with a random 192-bit nonce, and bound to its row (the row id is the
//! associated data), so a leaked database reveals no seed and a seed copied
//! onto another account does not open there.
//!
//! Stored form: `v1:` and base64 of nonce, ciphertext and tag.

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    Key, KeyInit, XChaCha20Poly1305, XNonce,
    aead::{Aead, Payload},
};
use rand::RngCore;

use crate::tokens;

const PREFIX: &str = "v1:";
const NONCE_LEN: usize = 24;
/// The purpose the key is derived for; a new kind of sealed secret gets its own.
const PURPOSE: &str = "app_user.mfa_secret v1";

fn associated_data(row_id: i32) -> String {
    format!("app_user.mfa_secret:{row_id}")
}

fn seal_with(key: &[u8; 32], row_id: i32, plain: &str) -> Result<String, String> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let mut nonce = [0u8; NONCE_LEN];
    rand::rng().fill_bytes(&mut nonce);
    let aad = associated_data(row_id);
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

fn open_with(key: &[u8; 32], row_id: i32, stored: &str) -> Result<String, String> {
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
    let aad = associated_data(row_id);
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

/// Seals `plain`, the secret of row `row_id`.
pub fn seal(row_id: i32, plain: &str) -> Result<String, String> {
    seal_with(&tokens::derived_key(PURPOSE), row_id, plain)
}

/// Opens a value made by [`seal`] for the same row.
pub fn open(row_id: i32, stored: &str) -> Result<String, String> {
    open_with(&tokens::derived_key(PURPOSE), row_id, stored)
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
        let sealed = seal_with(&KEY, 3, "JBSWY3DPEHPK3PXP").unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert!(sealed.len() <= 255, "fits the column: {}", sealed.len());
        assert_eq!(open_with(&KEY, 3, &sealed).unwrap(), "JBSWY3DPEHPK3PXP");
        assert!(open_with(&KEY, 4, &sealed).is_err(), "bound to its row");
        assert!(open_with(&[8; 32], 3, &sealed).is_err(), "another key");
        assert!(
            open_with(&KEY, 3, "JBSWY3DPEHPK3PXP").is_err(),
            "plain text"
        );
        assert_ne!(
            sealed,
            seal_with(&KEY, 3, "JBSWY3DPEHPK3PXP").unwrap(),
            "a fresh nonce each time"
        );
    }
}
