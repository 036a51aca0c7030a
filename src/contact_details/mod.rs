//! Contact details in text that employers write and students read (every
//! free-text field of a posting, the organization's public description,
//! the mentor card, the closing comment and the early-end note): phone
//! numbers, email addresses, links and social media handles. Students
//! reach an employer through STEMbridge, where their school sees the
//! conversation. A number or a handle in a posting moves it to a phone or
//! an app no school, guardian or log sees (grooming's first step), and a
//! link can be a look-alike of a school's sign-in page. The same rule reads
//! what a student writes that an organization reads (an application, an
//! hours description, the note giving a place back): a minor's number
//! handed to an adult opens the same private channel.
//!
//! The text is first read as a person reads it ([`fold`], [`letters_joined`],
//! [`spelled_out`], [`numbers_read`]): without invisible characters or
//! combining marks (a keycap "3️⃣" is a 3, an underlined "3̲" too), with
//! full-width and other compatibility forms as their plain letters and
//! digits (NFKD), the digits of every script as 0-9 ("٣١٢" is 312), letters
//! of other alphabets that look Latin as the Latin ones
//! (`organizations::lookalikes`), "r a y" as "ray", "(at)", "[dot]", "ray
//! at gmail dot com", "ray @ gmail . com" and "coolboss dot com" as the
//! address they spell, and for phone numbers "three one two" and "tres uno
//! dos" as 312 and "555-O199" as 555-0199. The rules that find phone
//! numbers, addresses, links and handles then read that text. What is
//! found is quoted as it was typed, so the employer sees what to take out.
//!
//! This is a heuristic, and it errs on both sides; the unit tests list what
//! it refuses and what it keeps. Postings are full of numbers and dotted
//! words that are none of these: years and date ranges (2026-2027), times
//! (9:00-3:00, 730-1530), pay ($18.50), ZIP codes (60601-1234), grades
//! (9-12), C++, Node.js, ASP.NET, System.IO, player.gd, e.g., U.S., Ph.D.,
//! and app names used as names ("Instagram posts", "Snap: blocks"). Each
//! rule below says how it keeps them.
//!
//! What it misses, knowingly (a keyword rule cannot carry this alone):
//! a plain name after a messaging app's name with more words after it
//! ("Discord coolboss for questions"), after other apps ("YouTube
//! ScienceWithRay"), or before "on" with no "I'm" or "search"
//! ("coolbossray on most apps"); pointing without writing the detail
//! ("same name as the company", "Google my name", "scan the QR code",
//! "meet me at Starbucks"); "ray at yahoo" (Yahoo and AOL are also
//! workplaces: only "@" or a ".com" makes them an address); numbers in
//! tens or told in pieces ("treinta y uno", "double five", "ends in
//! 0199"); a 7-digit number with a space and no word before it ("555
//! 0199"), or whose halves are both shift times ("555-1230"); digits other
//! than 3-3-4 after a code's label ("Ref 555-0199"); domains on top-level domains not
//! listed ("coolboss.de"); "@" names typed as a short acronym ("@RAYB") or
//! named like code ("@app"). And it still refuses "Edit main.cc" alone (a
//! file name on a top-level domain, with no other file beside it).

mod handles;
mod links;
mod phones;
#[cfg(test)]
mod properties;
mod reading;
#[cfg(test)]
mod tests;

use std::ops::Range;

use handles::handles;
use links::{emails, links};
use phones::phones;
use reading::{fold, letters_joined, numbers_read, spelled_out};

/// What kind of contact detail was found (the catalogue message selects on
/// its key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Email,
    Link,
    Handle,
}

impl Kind {
    /// The key the catalogue message `form-contact-details` selects on.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Link => "link",
            Kind::Handle => "handle",
        }
    }
}

/// The first contact detail in a text, quoted as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub text: String,
}

/// The longest quote a message shows of what was found.
const QUOTE_CHARS: usize = 60;

/// The first phone number, email address, link or social media handle in
/// `text`, if any.
pub fn find(text: &str) -> Option<Found> {
    find_all(text).into_iter().next()
}

/// Every phone number, email address, link or social media handle in
/// `text`, in the order they are typed (one overlapping another is left
/// out): a form names them all at once, not one per try (eyes14b F1).
pub fn find_all(text: &str) -> Vec<Found> {
    let read = spelled_out(&letters_joined(&fold(text)));
    let numbers = numbers_read(&read);
    let typed = |range: Range<usize>| -> &str { text.get(read.bytes(range)).unwrap_or_default() };
    let chars = &read.chars;
    // (bytes of `text`, kind)
    let mut found: Vec<(Range<usize>, Kind)> = Vec::new();
    found.extend(
        links(chars, &typed)
            .into_iter()
            .map(|r| (read.bytes(r), Kind::Link)),
    );
    found.extend(
        emails(chars)
            .into_iter()
            .map(|r| (read.bytes(r), Kind::Email)),
    );
    found.extend(
        handles(chars, &typed)
            .into_iter()
            .map(|(r, kind)| (read.bytes(r), kind)),
    );
    found.extend(
        phones(&numbers.chars)
            .into_iter()
            .map(|r| (numbers.bytes(r), Kind::Phone)),
    );
    found.retain(|(range, _)| !range.is_empty());
    found.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut end = 0;
    let mut all = Vec::new();
    for (range, kind) in found {
        if range.start < end && !all.is_empty() {
            continue;
        }
        end = range.end;
        let typed = text.get(range).unwrap_or_default().trim();
        let text = if typed.chars().count() > QUOTE_CHARS {
            let mut cut: String = typed.chars().take(QUOTE_CHARS - 1).collect();
            cut.push('…');
            cut
        } else {
            typed.to_owned()
        };
        all.push(Found { kind, text });
    }
    all
}
