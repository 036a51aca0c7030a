//! Calendar invitations (RFC 5545) attached to the mail that confirms a
//! placement or a job-shadow day: one VEVENT with a stable UID, text values
//! escaped (§3.3.11) and lines folded at 75 octets (§3.1), CRLF throughout.
//! A timed event is written in the site's time zone (`TZID`, with the
//! VTIMEZONE that defines it, §3.6.5), whole days are free time
//! (`TRANSP:TRANSPARENT`), the organizer is our sending address, and every
//! file of an event has a higher `SEQUENCE` than the one before it, so a
//! later file (a cancellation) always replaces an earlier one.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// When the event takes place, in the site's local dates and times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum When {
    /// One day, from `start` to `end` (a job-shadow day).
    Timed {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// Whole days from `first` to `last`, both included (an internship):
    /// shown as free time, since the student is there only some hours of
    /// some of those days (the schedule is in the description).
    Days { first: NaiveDate, last: NaiveDate },
}

/// A time zone as a calendar file names and defines it.
#[derive(Debug, Clone, Copy)]
pub struct Zone<'a> {
    /// Its name (`America/Chicago`), the `TZID`.
    pub name: &'a str,
    /// Its offset from UTC at a moment (the site's: `format::offset_at`).
    pub offset_at: fn(DateTime<Utc>) -> FixedOffset,
}

/// Who organizes the event: a name, and an address (`mailto:`).
#[derive(Debug, Clone, Copy)]
pub struct Organizer<'a> {
    pub name: &'a str,
    /// The address, or [`SENDER`] for the sending address, which only the
    /// mail worker knows ([`finish`]).
    pub address: &'a str,
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Globally unique and the same every time this event is sent, so a
    /// calendar updates the event instead of adding a second one.
    pub uid: String,
    pub stamp: DateTime<Utc>,
    pub when: When,
    /// The zone of a timed event's times; `None` writes them "floating"
    /// (§3.3.5: the same clock time wherever the reader's calendar is).
    pub zone: Option<Zone<'a>>,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub organizer: Option<Organizer<'a>>,
    /// The revision of the event this file is: a calendar keeps the file
    /// with the highest (§3.8.7.4); see [`sequence`].
    pub sequence: u32,
    /// The same event called off: sent again with its UID, a higher
    /// `SEQUENCE` and `STATUS:CANCELLED`, so a calendar that imported it
    /// marks it cancelled (§3.8.1.11, §3.8.7.4).
    pub cancelled: bool,
}

/// The media type of an `.ics` attachment.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8; method=PUBLISH";

/// Stands for the sending address (`MAIL_FROM`) in a stored file, as
/// `mail::SITE` stands for the site's address: [`finish`] replaces both.
pub const SENDER: &str = "@@SENDER@@";

/// The clock's `SEQUENCE` for a file made at `stamp`: two a second since
/// 2026, the odd one for a cancellation (the value fits the signed 32 bits
/// §3.3.8 allows until 2060). Files made before migration 57 carried it; a
/// placement's files now take the next number above the last one issued,
/// never below this (`placements::calendar_revision`), since two files
/// made in one second, or on servers whose clocks differ, must still be
/// ordered.
pub fn sequence(stamp: DateTime<Utc>, cancelled: bool) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
        .and_utc();
    let seconds = (stamp - epoch).num_seconds().max(0);
    let value = seconds.saturating_mul(2) + i64::from(cancelled);
    u32::try_from(value.min(i64::from(i32::MAX))).unwrap_or(0)
}

/// The calendar file: a VCALENDAR holding the one VEVENT (and the
/// VTIMEZONE its times are in).
pub fn ics(event: &Event) -> String {
    let local = |at: NaiveDateTime| at.format("%Y%m%dT%H%M%S").to_string();
    let mut zone_lines = Vec::new();
    let (start, end) = match (event.when, event.zone) {
        (When::Timed { date, start, end }, Some(zone)) => {
            let (start, end) = (date.and_time(start), date.and_time(end));
            zone_lines = vtimezone(&zone, &[utc_of(&zone, start), utc_of(&zone, end)]);
            let tzid = param_value(zone.name);
            (
                format!("DTSTART;TZID={tzid}:{}", local(start)),
                format!("DTEND;TZID={tzid}:{}", local(end)),
            )
        }
        (When::Timed { date, start, end }, None) => (
            format!("DTSTART:{}", local(date.and_time(start))),
            format!("DTEND:{}", local(date.and_time(end))),
        ),
        // DTEND of a date is exclusive (§3.6.1): the day after the last.
        (When::Days { first, last }, _) => (
            format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (last + Duration::days(1)).format("%Y%m%d")
            ),
        ),
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//STEMbridge//Placements//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    lines.extend(zone_lines);
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", event.stamp.format("%Y%m%dT%H%M%SZ")),
        start,
        end,
    ]);
    // Weeks of whole days would otherwise show the student and the family
    // busy all day, every day (the default is OPAQUE, §3.8.2.7).
    if matches!(event.when, When::Days { .. }) {
        lines.push("TRANSP:TRANSPARENT".to_owned());
    }
    lines.extend([
        format!("SUMMARY:{}", escape(event.summary)),
        format!("LOCATION:{}", escape(event.location)),
        format!("DESCRIPTION:{}", escape(event.description)),
    ]);
    // Required in a published event (RFC 5546 §3.2.1).
    if let Some(organizer) = event.organizer {
        let name = if organizer.name.is_empty() {
            String::new()
        } else {
            format!(";CN={}", param_value(organizer.name))
        };
        lines.push(format!("ORGANIZER{name}:mailto:{}", organizer.address));
    }
    lines.extend([
        format!("SEQUENCE:{}", event.sequence),
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
    ]);
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

/// The file as it is sent: the site's address (`mail::SITE`) and the
/// sending address ([`SENDER`]), which only the sending server knows, put
/// in, and each line folded again (what they replace is longer or shorter).
/// The mail worker calls it on every calendar attachment; a file without
/// either marker comes back as it was.
pub fn finish(file: &str, site: &str, sender: &str) -> String {
    if !file.starts_with("BEGIN:VCALENDAR") {
        return file.to_owned();
    }
    let site = escape(site);
    file.replace("\r\n ", "")
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .map(|line| fold(&line.replace(super::SITE, &site).replace(SENDER, sender)) + "\r\n")
        .collect()
}

/// A parameter value (§3.2): quoted when it holds `:`, `;` or `,`, with a
/// double quote (which no value may hold) written as `'` and control
/// characters left out.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// The UTC moment of a local time in `zone` (the earlier one of a time
/// the clocks pass twice).
fn utc_of(zone: &Zone, local: NaiveDateTime) -> DateTime<Utc> {
    let shifted = |offset: FixedOffset| {
        (local - Duration::seconds(i64::from(offset.local_minus_utc()))).and_utc()
    };
    let guess = shifted((zone.offset_at)(local.and_utc()));
    shifted((zone.offset_at)(guess))
}

/// `+hhmm` (or `+hhmmss`), as TZOFFSETFROM and TZOFFSETTO write it (§3.3.14).
fn utc_offset(offset: FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// The VTIMEZONE of `zone` as far as the event needs it: the observance in
/// force at each of `moments` (§3.6.5 asks for no more than the span the
/// event covers), each with its onset, the last change of offset before it
/// (found by looking back a day at a time, then to the second; the zone's
/// rules are not at hand, only its offsets). A zone that has not changed
/// its offset for a year and a half gets one observance since 1970.
fn vtimezone(zone: &Zone, moments: &[DateTime<Utc>]) -> Vec<String> {
    let offset_at = zone.offset_at;
    let mut observances: Vec<(NaiveDateTime, FixedOffset, FixedOffset)> = Vec::new();
    for &at in moments {
        let to = offset_at(at);
        let mut onset = None;
        let mut later = at;
        for _ in 0..550 {
            let earlier = later - Duration::days(1);
            let from = offset_at(earlier);
            if from != to {
                let (mut lo, mut hi) = (earlier, later);
                while hi - lo > Duration::seconds(1) {
                    let mid = lo + (hi - lo) / 2;
                    if offset_at(mid) == to {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                // The onset in the local time in force before it (§3.6.5).
                let local = hi.naive_utc() + Duration::seconds(i64::from(from.local_minus_utc()));
                onset = Some((local, from, to));
                break;
            }
            later = earlier;
        }
        let observance = onset.unwrap_or((DateTime::UNIX_EPOCH.naive_utc(), to, to));
        if !observances.contains(&observance) {
            observances.push(observance);
        }
    }
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{}", escape(zone.name)),
    ];
    for (onset, from, to) in observances {
        // Clocks moved forward: summer time.
        let kind = if to.local_minus_utc() > from.local_minus_utc() {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.extend([
            format!("BEGIN:{kind}"),
            format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")),
            format!("TZOFFSETFROM:{}", utc_offset(from)),
            format!("TZOFFSETTO:{}", utc_offset(to)),
            format!("END:{kind}"),
        ]);
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
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
    use chrono::{Datelike, Weekday};

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
            zone: None,
            summary: "Job shadow: Robotics, Inc.",
            location: "233 S Wacker Dr, 60606",
            description: "",
            organizer: None,
            sequence: 0,
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
            zone: None,
            summary: "Intern",
            location: "Remote",
            description: "Mon–Thu",
            organizer: None,
            sequence: 0,
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
            zone: None,
            summary: "Intern",
            location: "Remote",
            description: "Mon–Thu",
            organizer: None,
            sequence: 1,
            cancelled: true,
        });
        assert!(called_off.contains("\r\nUID:placement-4@stembridge\r\n"));
        assert!(called_off.contains("\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"));
    }

    /// America/Chicago as US law sets it since 2007: daylight time from
    /// 2:00 on the second Sunday of March to 2:00 on the first Sunday of
    /// November.
    fn chicago(at: DateTime<Utc>) -> FixedOffset {
        let year = at.year();
        let sunday = |month, n| {
            NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        };
        let begins = (sunday(3, 2) + Duration::hours(8)).and_utc();
        let ends = (sunday(11, 1) + Duration::hours(7)).and_utc();
        let hours = if begins <= at && at < ends { -5 } else { -6 };
        FixedOffset::east_opt(hours * 3600).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn shadow_on(date: NaiveDate, zone: Option<Zone>) -> String {
        ics(&Event {
            uid: "placement-3@stembridge".into(),
            stamp: utc("2026-11-28T23:15:00Z"),
            when: When::Timed {
                date,
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
            },
            zone,
            summary: "Job shadow",
            location: "233 S Wacker Dr, 60606",
            description: "",
            organizer: Some(Organizer {
                name: "Lincoln High School",
                address: "no-reply@stembridge.example",
            }),
            sequence: 7,
            cancelled: false,
        })
    }

    /// Unfolded lines of a file.
    fn lines_of(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn times_are_in_the_sites_zone_with_the_observance_in_force() {
        let offset_at = chicago;
        let zone = Zone {
            name: "America/Chicago",
            offset_at,
        };
        // A winter day: standard time since the first Sunday of November.
        let winter = lines_of(&shadow_on(day(2026, 12, 3), Some(zone)));
        let expected = [
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:America/Chicago",
            "BEGIN:STANDARD",
            "DTSTART:20261101T020000",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0600",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
        ];
        let at = winter.iter().position(|l| l == "METHOD:PUBLISH").unwrap();
        assert_eq!(&winter[at..at + expected.len()], expected.as_slice());
        for line in [
            "DTSTART;TZID=America/Chicago:20261203T090000",
            "DTEND;TZID=America/Chicago:20261203T133000",
            "ORGANIZER;CN=Lincoln High School:mailto:no-reply@stembridge.example",
            "SEQUENCE:7",
        ] {
            assert!(winter.iter().any(|l| l == line), "{line} in {winter:#?}");
        }
        assert!(
            !winter.iter().any(|l| l.starts_with("TRANSP")),
            "a job-shadow day is busy time"
        );
        // A summer day: daylight time since the second Sunday of March.
        let summer = lines_of(&shadow_on(day(2027, 6, 15), Some(zone)));
        let at = summer.iter().position(|l| l == "BEGIN:DAYLIGHT").unwrap();
        assert_eq!(
            &summer[at..at + 5],
            [
                "BEGIN:DAYLIGHT",
                "DTSTART:20270314T020000",
                "TZOFFSETFROM:-0600",
                "TZOFFSETTO:-0500",
                "END:DAYLIGHT"
            ]
            .as_slice()
        );
        // The day the clocks go back: 9:00 is after the change, at -0600.
        let fall_back = lines_of(&shadow_on(day(2026, 11, 1), Some(zone)));
        assert!(fall_back.iter().any(|l| l == "DTSTART:20261101T020000"));
        assert!(fall_back.iter().any(|l| l == "TZOFFSETTO:-0600"));
        // A zone that never changes: one observance since 1970.
        let offset_at = |_| FixedOffset::east_opt(0).unwrap();
        let utc_zone = Zone {
            name: "Etc/UTC",
            offset_at,
        };
        let plain = lines_of(&shadow_on(day(2026, 12, 3), Some(utc_zone)));
        for line in [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0000",
            "DTSTART;TZID=Etc/UTC:20261203T090000",
        ] {
            assert!(plain.iter().any(|l| l == line), "{line} in {plain:#?}");
        }
        // Without a zone, floating times and no VTIMEZONE, as before.
        let floating = lines_of(&shadow_on(day(2026, 12, 3), None));
        assert!(floating.iter().any(|l| l == "DTSTART:20261203T090000"));
        assert!(!floating.iter().any(|l| l.starts_with("BEGIN:VTIMEZONE")));
    }

    #[test]
    fn whole_days_are_free_time() {
        let file = ics(&Event {
            uid: "placement-4@stembridge".into(),
            stamp: utc("2026-11-28T23:15:00Z"),
            when: When::Days {
                first: day(2027, 1, 4),
                last: day(2027, 3, 1),
            },
            zone: None,
            summary: "Intern",
            location: "Remote",
            description: "Tuesdays and Thursdays, 4-7 pm",
            organizer: None,
            sequence: 0,
            cancelled: false,
        });
        let lines = lines_of(&file);
        assert!(lines.iter().any(|l| l == "TRANSP:TRANSPARENT"), "{file}");
        assert!(!lines.iter().any(|l| l.starts_with("BEGIN:VTIMEZONE")));
    }

    #[test]
    fn a_later_file_or_a_cancellation_always_has_a_higher_sequence() {
        let at = utc("2026-12-01T10:00:00Z");
        assert!(sequence(at, true) > sequence(at, false), "the same second");
        assert!(sequence(at + Duration::seconds(1), false) > sequence(at, true));
        assert!(sequence(utc("2027-06-01T00:00:00Z"), false) > sequence(at, true));
        // Within the signed 32-bit INTEGER of §3.3.8, and never negative.
        assert!(sequence(utc("2100-01-01T00:00:00Z"), false) <= i32::MAX as u32);
        assert_eq!(sequence(utc("2025-01-01T00:00:00Z"), false), 0);
    }

    #[test]
    fn the_sender_and_the_sites_links_are_put_in_when_sent_and_folded_again() {
        let description = format!(
            "To withdraw, open {}/withdraw/g12-p34-0123456789abcdef0123456789abcdef0123456789abcdef, or call.",
            crate::mail::SITE
        );
        let stored = ics(&Event {
            uid: "placement-4@stembridge".into(),
            stamp: utc("2026-11-28T23:15:00Z"),
            when: When::Days {
                first: day(2027, 1, 4),
                last: day(2027, 3, 1),
            },
            zone: None,
            summary: "Intern",
            location: "Remote",
            description: &description,
            organizer: Some(Organizer {
                name: "Lincoln High School; Chicago",
                address: SENDER,
            }),
            sequence: 0,
            cancelled: false,
        });
        let sent = finish(
            &stored,
            "https://stembridge.district-example.org",
            "no-reply@district-example.org",
        );
        for part in sent.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let lines = lines_of(&sent);
        assert!(
            lines.iter().any(|l| l
                == "DESCRIPTION:To withdraw\\, open https://stembridge.district-example.org/withdraw/g12-p34-0123456789abcdef0123456789abcdef0123456789abcdef\\, or call."),
            "{lines:#?}"
        );
        assert!(
            lines.iter().any(|l| l
                == "ORGANIZER;CN=\"Lincoln High School; Chicago\":mailto:no-reply@district-example.org"),
            "{lines:#?}"
        );
        assert!(!sent.contains("@@"), "no marker is left");
        // A file with nothing to put in comes back as it was.
        assert_eq!(finish(&sent, "https://x.example", "a@x.example"), sent);
        assert_eq!(finish("not a calendar", "s", "a"), "not a calendar");
    }
}
