//! What a permanent SMTP refusal (a `5xx` reply) says about the recipient's
//! address. Only a refusal of the recipient itself (`RCPT TO` answered
//! 550/551/553 with an address status: Gmail's `550 5.1.1`, Microsoft's
//! `550 5.4.1 Recipient address rejected`, `5.2.1` mailbox disabled) shows
//! the address is bad, and takes a guardian out of the mail path
//! (`families::bounces`). A refusal of our sender (`550 5.7.1 Sender
//! address rejected`), of our login (`535`), of the message's content
//! (`554 5.6.0`, spam), a full mailbox (`552 5.2.2`) or a server error
//! says nothing of the address: the message is tried again, and the admins
//! see it at `/admin/mail` (eyes18a F1). A wrong relay password would
//! otherwise mark every family mailed that morning as refused for good.
//!
//! lettre does not say at which command a reply came, so the reply itself
//! decides: its enhanced status code (RFC 3463) where it has one, else its
//! words; a reply naming our sender is never the recipient's. The big
//! family mail providers do not all say it alike (eyes20 F2): Outlook.com
//! answers an unknown user `550 5.5.0 Requested action not taken: mailbox
//! unavailable` (5.5.0 is a bare "protocol" status, so the words decide),
//! Yahoo and AOL `554 delivery error: dd This user doesn't have a yahoo.com
//! account` with no enhanced code, and some servers put `5.1.1` after a
//! `554`.

/// What to do with a message the server refused for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The recipient's address is bad for good: give the message up and
    /// keep the address as refused.
    Recipient,
    /// Anything else (our sender, login, content, a full mailbox, a server
    /// fault): tried again with the usual backoff; the address is untouched.
    NotTheAddress,
}

/// Reads a `5xx` reply: `code` (550) and its text (`5.1.1 The email
/// account that you tried to reach does not exist`).
pub fn read(code: u16, text: &str) -> Refusal {
    let words = text.to_lowercase();
    if !matches!(code, 550 | 551 | 553 | 554) || words.contains("sender") {
        return Refusal::NotTheAddress;
    }
    let about_address = match enhanced_status(text) {
        // X.1.x is the addressing status (5.1.7 and 5.1.8 are the
        // sender's); 5.2.1 a mailbox disabled for good; 5.4.1 is
        // Microsoft 365's "Recipient address rejected: Access denied".
        Some((1, detail)) => !matches!(detail, 7 | 8),
        Some((2, 1)) | Some((4, 1)) => true,
        // 5.5.0 says only "refused": the words must name the mailbox.
        Some((5, 0)) => names_the_mailbox(&words),
        Some(_) => false,
        // A server without enhanced codes: its words must name the mailbox.
        None => names_the_mailbox(&words),
    };
    if about_address {
        Refusal::Recipient
    } else {
        Refusal::NotTheAddress
    }
}

/// Whether a refusal's words (lower case) are about the recipient's
/// mailbox rather than our relay, our account, our message or our
/// reputation. The bare words "account" or "address" are not enough: a
/// relay refusing *us* says them too (Amazon SES: `554 Message rejected:
/// Email address is not verified. The following identities failed the
/// check ...`, `554 Sending paused for this account`; eyes40 F4), so the
/// words must name the recipient's mailbox as unknown or disabled. Nor is
/// "does not exist" or "does not have a" without a mailbox noun: SES says
/// `Configuration Set does not exist` of our account's settings, and other
/// servers `Message does not have a valid DKIM signature` or `IP does not
/// have a reverse DNS (PTR) record` of our message and our host (eyes41
/// F5). Read as the family's, each would stop every consent and safety
/// mail to that family, one family after another.
fn names_the_mailbox(words: &str) -> bool {
    const OURS: [&str; 30] = [
        "relay",
        "spam",
        "blocklist",
        "blacklist",
        "policy",
        "content",
        "not verified",
        "unverified",
        "identities",
        "identity",
        "sending paused",
        "sending suspended",
        "sending is paused",
        "sending has been paused",
        "your account",
        "aws account",
        "quota",
        // Our account's settings at the relay (Amazon SES).
        "configuration set",
        // Our message's signature, our domain's records, our host.
        "dkim",
        "spf",
        "dmarc",
        "signature",
        "authentication",
        "unauthenticated",
        "ptr",
        "reverse dns",
        "rdns",
        "your ip",
        "client host",
        "helo",
    ];
    // Each names the recipient's mailbox (user, mailbox, recipient, the
    // account the sender tried to reach) with what is wrong with it.
    const THEIRS: [&str; 30] = [
        "mailbox unavailable",
        "mailbox not found",
        "mailbox does not exist",
        "mailbox doesn't exist",
        "mailbox is disabled",
        "mailbox disabled",
        "mailbox has been disabled",
        "no such mailbox",
        "no such user",
        "no such recipient",
        "no mailbox",
        "user unknown",
        "unknown user",
        "user not found",
        "user not local",
        "user doesn't exist",
        "user does not exist",
        "user doesn't have a",
        "user does not have a",
        "recipient unknown",
        "unknown recipient",
        "recipient not found",
        "recipient does not exist",
        "recipient address rejected",
        "invalid recipient",
        "invalid mailbox",
        "account that you tried to reach does not exist",
        "account that you tried to reach is disabled",
        "account has been disabled",
        "account is disabled",
    ];
    !OURS.iter().any(|word| words.contains(word)) && THEIRS.iter().any(|word| words.contains(word))
}

/// The subject and detail of the first `5.x.y` enhanced status code in
/// `text`, if any (`5.1.10` is `(1, 10)`).
fn enhanced_status(text: &str) -> Option<(u16, u16)> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '#' | '(' | ')' | ','))
        .find_map(|word| {
            let mut parts = word.split('.');
            let class = parts.next()?;
            let subject = parts.next()?.parse::<u16>().ok()?;
            let detail = parts.next()?.parse::<u16>().ok()?;
            (class == "5" && parts.next().is_none()).then_some((subject, detail))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_of_the_recipient_marks_the_address() {
        for (code, text) in [
            (
                550,
                "5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos",
            ),
            (
                550,
                "5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors",
            ),
            (
                550,
                "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
            ),
            (
                550,
                "5.2.1 The email account that you tried to reach is disabled",
            ),
            (
                553,
                "5.1.3 The recipient address <x@y> is not a valid RFC-5321 address",
            ),
            (551, "User not local; please try <forward-path>"),
            (550, "Mailbox unavailable"),
            (550, "No such user here"),
            (550, "Invalid recipient <x@y>"),
            (
                554,
                "<x@y>: Recipient address rejected: User unknown in virtual mailbox table",
            ),
            // Outlook.com / Hotmail's unknown user.
            (
                550,
                "5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]",
            ),
            // Yahoo and AOL: no enhanced code, and a 554.
            (
                554,
                "delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com",
            ),
            (554, "5.1.1 <x@y>: Recipient address rejected: User unknown"),
            (
                554,
                "delivery error: dd Sorry your message to x@yahoo.com cannot be delivered. This account has been disabled or discontinued [#102]. - mta",
            ),
            // No enhanced code: the mailbox noun says whose it is.
            (
                550,
                "The email account that you tried to reach does not exist",
            ),
            (550, "Recipient does not exist here"),
        ] {
            assert_eq!(read(code, text), Refusal::Recipient, "{code} {text}");
        }
    }

    #[test]
    fn a_refusal_of_our_sender_login_or_content_is_not_the_address() {
        for (code, text) in [
            (
                550,
                "5.7.1 Sender address rejected: not authorized for this relay",
            ),
            (
                553,
                "5.1.8 <noreply@stembridge.example>: Sender address rejected: Domain not found",
            ),
            (
                550,
                "5.1.0 <noreply@x>: Sender address rejected: User unknown in local recipient table",
            ),
            (535, "5.7.8 Username and Password not accepted"),
            (554, "5.6.0 Message content rejected"),
            (554, "5.7.1 Message rejected as spam"),
            (
                552,
                "5.2.2 The email account that you tried to reach is over quota",
            ),
            (
                550,
                "5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users",
            ),
            (550, "5.7.1 Relaying denied"),
            (554, "Transaction failed"),
            (500, "Syntax error, command unrecognized"),
            (550, "IP address on blocklists"),
            (
                554,
                "5.7.1 Service unavailable; Client host blocked using Spamhaus",
            ),
            (550, "5.5.0 Requested action not taken: relay access denied"),
            (554, "Message rejected: policy violation"),
            // Amazon SES refusing our sender or our account (eyes40 F4):
            // no enhanced code, and the words "address" and "account".
            (
                554,
                "Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: noreply@stembridge.example",
            ),
            (
                554,
                "Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: maria@example.org",
            ),
            (
                554,
                "Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.",
            ),
            (
                554,
                "Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account.",
            ),
            (554, "Message rejected: Sending paused for this account"),
            (550, "Your account has exceeded its daily sending quota"),
            (554, "Account blocked"),
            (550, "Address rejected"),
            // Amazon SES after our account's default configuration set was
            // deleted or renamed, and receivers refusing our message's
            // signature or our host (eyes41 F5): about us, whatever
            // "does not exist" or "does not have a" say.
            (
                554,
                "Message rejected: Configuration Set does not exist: Configuration set default-set does not exist.",
            ),
            (550, "Message does not have a valid DKIM signature"),
            (
                554,
                "Service unavailable; IP does not have a reverse DNS (PTR) record",
            ),
            (550, "The sending domain does not have a valid SPF record"),
            (
                550,
                "Unauthenticated email from example.org is not accepted due to domain's DMARC policy",
            ),
            (554, "Client host rejected: cannot find your hostname"),
            (550, "Configuration set does not exist"),
            (554, "The domain does not exist"),
        ] {
            assert_eq!(read(code, text), Refusal::NotTheAddress, "{code} {text}");
        }
    }
}
