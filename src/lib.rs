//! STEMbridge: a marketplace for STEM internships and job shadows for school students.
//!
//! `app` assembles the HTTP server; each domain area owns a module with its
//! routes (`mod.rs`), thin handlers and a service holding the rules.

// Plumbing.
pub mod app; // the router, its middleware and the background workers
pub mod cli; // the subcommands besides `serve`
pub mod config; // environment variables and flags
pub mod db; // connection, migrations, write transactions, conditional updates, a unique key taken first told as a conflict
pub mod error; // the one error type and how it answers over HTTP
pub mod form_encoding; // an ordinary form sent as multipart/form-data, read as the urlencoded form it stands for
pub mod format; // today's date and the site's time zone, and how times, pay and grades read (built on i18n's dates and money)
pub mod forms; // extractors for forms, queries, paths and uploads (refusals are our pages), field errors
pub mod i18n; // the reader's language and the message catalogue (locales/); right-to-left names isolated in sentences
pub mod jobs; // background jobs run once across app servers: a lease per job; outbox claims and retries
pub mod sealed; // secrets the server reads back (TOTP seeds, mail waiting to be sent), encrypted at rest
pub mod telemetry; // logging (never student data)
pub mod templates; // the minijinja environment
pub mod tokens; // random secrets, the keyed digests stored instead, single-use link tables

// Domain areas.
pub mod accounts; // registration, claiming a student account (its address confirmed apart), first admin
pub mod admin; // schools (and the number and address families reach each at) and counselors
pub mod alerts; // saved searches, their alerts (in-app and in the digest), Atom feeds of searches
pub mod applications; // applying, the pipeline, offers and acceptance
pub mod auth; // who is asking: sessions, roles, CSRF, login throttling
pub mod commitments; // organizations' pledges per school year and their progress from placements
pub mod counseling; // counselor dashboard, outreach, student records, audit log
pub mod disclosure; // the one place counts about students become shown numbers
pub mod draws; // fair draws for scarce seats: entries, the draw run once, its public record
pub mod families; // guardian contacts; addresses refused for good (kept from the first refusal, tried again on a counselor's word); a family's report holding email consent, the admins' list of holds and their daily reminder; counselors asked to call a family through an interpreter
pub mod impact; // the public impact page: offers as they stand; outcomes, pledges met and gaps of the whole instance, published once per closed school year
pub mod mail; // the mail outbox, its SMTP worker (which refusals mean a bad address, which an outage of ours; a guardian's mail whose address changed meanwhile moved to the new one, written again in the guardian's language now and greeting them by their name now, or held back; a consent request waiting in a language or greeting a name no longer theirs held back and asked again as they are on file, a reminder as a reminder; mail about a child held back for a contact no longer on that child's record or while a family's report holds the child), email settings, unsubscribe and the weekly digest
pub mod notifications; // in-app messages
pub mod opportunities; // postings, their lifecycle, and their schema.org JobPosting for search engines
pub mod organizations; // employers, verification (and who hears of each decision), the days each was suspended, invitations, reviewed renames, look-alikes of barred organizations
pub mod placements; // placements, guardian consent (and its withdrawal), hours, completion; closing those whose dates ended before any consent; what one student may hold at once; what the family is mailed when the host is suspended and reinstated (confirmations held back meanwhile sent again); the numbered revisions of each placement's calendar entry
pub mod profiles; // a student's profile and saved needs
pub mod roster; // OneRoster import (from the command line, or uploaded and run in the background; ids kept per roster source, rows that may be someone else confirmed, a student re-keyed under a new SIS id keeping their record once confirmed, their guardians re-keyed with them keeping their contacts) and claim codes
pub mod search; // the search engines, the outbox worker, /search, the API and its OpenAPI document
pub mod security; // account security: MFA, password reset, account lifecycle

// Shared data and tools.
pub mod contact_details; // phone numbers, email addresses, links and social handles in text employers write for students, and students write to organizations
pub mod geo; // ZIP centroids and distances
pub mod languages; // language codes as BCP 47 writes them (ISO 639-1, else ISO 639-3: hmn, ase); a family's home language as kept (Chinese with its script), which we write no line in (mail in English, calls through an interpreter), which are signed, and which are written right to left
pub mod outbox; // the search outbox rows written with each change, and its backlog for /readyz
pub mod pages; // home, dashboards, health checks, language choice
pub mod paging; // lists in pages: page and search parameters, LIMIT/OFFSET, the links around a page
pub mod seed; // the demo data set
