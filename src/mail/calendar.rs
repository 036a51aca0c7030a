//! Calendar invitations (RFC 5545) attached to the mail that confirms a
//! placement or a job-shadow day: one VEVENT with a stable UID, text values
//! escaped (§3.3.11) and lines folded at 75 octets (§3.1), CRLF throughout.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// When the event takes place. Postings give local dates and times with no
/// time zone, so timed events are "floating" (§3.3.5): 9:00 is 9:00 wherever
/// the reader's calendar is, which is what the posting means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// One day, from `start` to `end` (a job-shadow day).
    Timed {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// Whole days from `first` to `last`, both included (an internship).
    Days { first: NaiveDate, last: NaiveDate },
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Globally unique and the same every time this event is sent, so a
    /// calendar updates the event instead of adding a second one.
    pub uid: String,
    pub stamp: DateTime<Utc>,
    pub when: When,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    /// The same event called off: sent again with its UID, a higher
    /// `SEQUENCE` and `STATUS:CANCELLED`, so a calendar that imported it
    /// marks it cancelled (§3.8.1.11, §3.8.7.4).
    pub cancelled: bool,
}

/// The media type of an `.ics` attachment.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8; method=PUBLISH";

/// The calendar file: a VCALENDAR holding the one VEVENT.
pub fn ics(event: &Event) -> String {
    let (start, end) = match event.when {
        When::Timed { date, start, end } => (
            format!("DTSTART:{}", date.and_time(start).format("%Y%m%dT%H%M%S")),
            format!("DTEND:{}", date.and_time(end).format("%Y%m%dT%H%M%S")),
        ),
        // DTEND of a date is exclusive (§3.6.1): the day after the last.
        When::Days { first, last } => (
            format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (last + Duration::days(1)).format("%Y%m%d")
            ),
        ),
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//STEMbridge//Placements//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", event.stamp.format("%Y%m%dT%H%M%SZ")),
        start,
        end,
        format!("SUMMARY:{}", escape(event.summary)),
        format!("LOCATION:{}", escape(event.location)),
        format!("DESCRIPTION:{}", escape(event.description)),
        format!("SEQUENCE:{}", u8::from(event.cancelled)),
        format!(
            "STATUS:{}",
            if event.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

/// A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line
/// breaks written as `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (§3.1): no line longer than 75 octets, each
/// continuation starting with one space, never splitting a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            // The leading space counts toward the next line's 75 octets.
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn text_values_escape_what_the_rfc_reserves() {
        assert_eq!(
            escape("Lab 2; Floor 3, Room \\A\r\nBring ID\nThanks"),
            "Lab 2\\; Floor 3\\, Room \\\\A\\nBring ID\\nThanks"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        assert!(folded.split("\r\n").skip(1).all(|p| p.starts_with(' ')));
        // Unfolding gives the line back.
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert_eq!(fold("SHORT:1"), "SHORT:1");
    }

    #[test]
    fn a_job_shadow_day_is_a_timed_event_and_an_internship_spans_whole_days() {
        let stamp = DateTime::parse_from_rfc3339("2026-11-28T23:15:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let shadow = ics(&Event {
            uid: "placement-3@stembridge".into(),
            stamp,
            when: When::Timed {
                date: day(2026, 12, 3),
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
            },
            summary: "Job shadow: Robotics, Inc.",
            location: "233 S Wacker Dr, 60606",
            description: "",
            cancelled: false,
        });
        assert!(shadow.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(shadow.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        for line in [
            "UID:placement-3@stembridge",
            "DTSTAMP:20261128T231500Z",
            "DTSTART:20261203T090000",
            "DTEND:20261203T133000",
            "SUMMARY:Job shadow: Robotics\\, Inc.",
            "LOCATION:233 S Wacker Dr\\, 60606",
        ] {
            assert!(shadow.contains(&format!("\r\n{line}\r\n")), "{line}");
        }
        assert!(!shadow.replace("\r\n", "").contains('\n'), "CRLF only");
        let internship = ics(&Event {
            uid: "placement-4@stembridge".into(),
            stamp,
            when: When::Days {
                first: day(2027, 6, 14),
                last: day(2027, 8, 6),
            },
            summary: "Intern",
            location: "Remote",
            description: "Mon–Thu",
            cancelled: false,
        });
        assert!(internship.contains("\r\nDTSTART;VALUE=DATE:20270614\r\n"));
        assert!(internship.contains("\r\nDTEND;VALUE=DATE:20270807\r\n"));
        assert!(internship.contains("\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"));
        let called_off = ics(&Event {
            uid: "placement-4@stembridge".into(),
            stamp,
            when: When::Days {
                first: day(2027, 6, 14),
                last: day(2027, 8, 6),
            },
            summary: "Intern",
            location: "Remote",
            description: "Mon–Thu",
            cancelled: true,
        });
        assert!(called_off.contains("\r\nUID:placement-4@stembridge\r\n"));
        assert!(called_off.contains("\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"));
    }
}
