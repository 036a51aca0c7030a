# The counselor's pages: students, claim codes, roster import, student record, employer review.

counselor-no-school = You are not assigned to any school yet. Ask an administrator to assign you.
counselor-add-student = Add a student
counselor-add-student-submit = Add student and issue a code
counselor-codes-school = School
counselor-codes-first-name = First name
counselor-codes-last-name = Last name
counselor-codes-grade = Grade
counselor-codes-sis-id = Student ID in your student information system
counselor-codes-sis-id-hint = The sourcedId the district's roster gives this student, if you have it: the next roster import then updates this record instead of adding a second one. Without it, the import matches them by name and grade.
counselor-error-sis-id-taken = { $name } already has the ID “{ $id }” in this school's roster. If that is this student, reissue their code from the list instead of adding them again.
counselor-error-sis-id-taken-elsewhere = The ID “{ $id }” belongs to a student of another school on this roster. Check the ID in your SIS; if the student moved to your school, the next roster import moves them.
counselor-roster-heading = Roster
counselor-roster-caption = Active students of your schools
counselor-roster-account = Account
counselor-roster-id = Student ID
counselor-roster-same-name = Same name and grade as another student: check the ID before handing out a code.
counselor-code-for-id = Student ID: { $id }. Check it before you hand the code over: students with the same name have different IDs.
counselor-roster-claimed = Claimed
counselor-roster-code-valid = Code valid until { $date }
counselor-roster-no-code = No code yet
counselor-roster-new-code = New code
counselor-roster-for = for { $name }
counselor-roster-none = No students yet.

counselor-code-title = Claim code for { $name }
counselor-code-give = Give this code to the student. It is shown only once and works until { $date }.
counselor-code-how = The student opens STEMbridge, chooses “{ $link }” and types the code.
counselor-code-back = Back to my students
counselor-codes-title = Claim codes, { $grade }
counselor-codes-intro = Cut along the lines and hand each student their code. Codes work once and expire on the date shown.
counselor-codes-caption = Codes for students who have not claimed an account
counselor-codes-code = Code
counselor-codes-valid-until = Valid until
counselor-codes-all-claimed = Every student of this grade has claimed an account.
counselor-codes-print-heading = Print claim codes
counselor-codes-print-intro = Codes are shown only once, so printing issues new ones to every student of the grade who has not claimed an account yet.
counselor-codes-print = Print codes

counselor-roster-imported = Imported: { $created ->
    [one] 1 new student
   *[other] { $created } new students
}, { $updated } updated, { $deactivated } no longer on the roster (made inactive).
counselor-roster-nothing-imported = { $count ->
    [one] Nothing was imported: 1 problem to fix
   *[other] Nothing was imported: { $count } problems to fix
}
counselor-roster-error = { $file }, line { $line }: { $message }
counselor-roster-intro = Upload the OneRoster 1.1 CSV files exported by your student information system. Students are matched by their sourcedId, so importing again updates them; students missing from a new roster become inactive. See the README for the columns, including the extension columns for low income, English learner, disability and first generation.
counselor-roster-submit = Check and import

counselor-record-summary = { $grade } at { $school } · { $hours } approved hours.
counselor-record-roster = From the roster
counselor-record-timeline = Timeline
counselor-record-nothing = Nothing yet: this student has not applied to anything.
counselor-record-audited = Opening this record is written to the audit log.
counselor-event-applied = Applied to “{ $title }”
counselor-event-claimed = Account claimed with the claim code; it signs in as { $email }
counselor-event-application = “{ $title }”: { $status }
counselor-event-placement = Placement at “{ $title }”: { $status }
counselor-event-hours = Logged { $hours } hours at “{ $title }” ({ $status })
counselor-yes = Yes
counselor-no = No
counselor-not-reported = Not reported
counselor-stage-not-engaged = Not engaged yet
counselor-stage-applied = Applied
counselor-stage-placed = Placed
counselor-stage-completed = Completed
counselor-birth-date-invalid = Birth date must be a past date like 2010-04-23.
counselor-guardian-language-choose = Choose a language from the list, or “Not known”.
counselor-guardian-active-choose = Active must be true or false.
counselor-flash-paper-consent = Paper consent recorded.

counselor-review-intro = Check that each organization is real and safe for students (website, contact, what they do) before it can publish.
counselor-review-reason = Reason (the organization sees it)
counselor-review-waiting = Waiting for verification ({ $count })
counselor-review-zip = ZIP { $zip }
counselor-review-verify = Verify
counselor-review-reject = Reject
counselor-review-suspend = Suspend
counselor-review-reinstate = Reinstate
counselor-review-nothing = Nothing is waiting.
counselor-review-reviewed = Reviewed
counselor-review-caption = Organizations already reviewed
counselor-review-organization = Organization
counselor-review-none-yet = None yet.
counselor-review-reason-needed = Give a reason: the organization will see it.
counselor-review-refused = This organization is { $status } and cannot be changed that way.
counselor-review-stale = This organization changed its details since you opened this page. Nothing was decided: look again at what it shows now.
counselor-review-admin-barred = An administrator suspended or rejected this organization: only an administrator can verify it again.
counselor-flash-organization-reviewed = { $name } is now { $state ->
    [verified] verified
    [rejected] rejected
    [suspended] suspended
   *[other] waiting for verification
}.

# Group names of the roster as the dashboard shows them (`stats-group-<name in lower case, dashes>`);
# grades and school names are written out elsewhere.
stats-group-yes = Yes
stats-group-no = No
stats-group-not-reported = Not reported
stats-group-male = Male
stats-group-female = Female
stats-group-another-gender = Another gender
stats-group-american-indian-or-alaska-native = American Indian or Alaska Native
stats-group-asian = Asian
stats-group-black-or-african-american = Black or African American
stats-group-native-hawaiian-or-pacific-islander = Native Hawaiian or Pacific Islander
stats-group-white = White
stats-group-hispanic-or-latino = Hispanic or Latino
stats-group-two-or-more-races = Two or more races

# CSV exports: header cells (`lang=en|es` on the export link chooses them).
csv-dimension = dimension
csv-group = group
csv-students = students
csv-engagement-rate = engagement_rate
csv-engagement-gap = engagement_gap
csv-placement-rate = placement_rate
csv-placement-gap = placement_gap
csv-completion-rate = completion_rate
csv-completion-gap = completion_gap
csv-belonging-change = belonging_change
csv-key = key
csv-student-id = student_id
csv-name = name
csv-grade = grade
csv-school = school
csv-status = status
csv-account-claimed = account_claimed
csv-yes = yes
csv-no = no
csv-error-lang = “lang” must be en or es.

# Problems of an uploaded roster (column names stay as OneRoster spells them).
roster-error-not-utf8 = This file is neither UTF-8 nor Windows-1252 text. Save it as CSV UTF-8 and upload it again.
roster-error-zip-archive = This file is a zip archive, not a CSV file (student information systems often deliver OneRoster as one zip). Open it and upload the CSV files it holds: orgs.csv, users.csv and, if it has them, demographics.csv and manifest.csv.
roster-error-workbook = This file is an Excel workbook, not a CSV file. Open it in Excel, save it as "CSV UTF-8" and upload that file.
roster-error-school-emptied = users.csv lists no active student of { $name } ({ $id }), yet { $moved ->
    [0] as a full roster it would make { $count ->
        [one] 1 student
       *[other] { $count } students
    } of the school inactive, and their guardians with them.
   *[other] it would take { $count ->
        [one] 1 student
       *[other] { $count } students
    } off the school, { $moved } of them by moving them to another school of orgs.csv (whose counselors would then see their records).
} An export filtered wrongly (the wrong term or school, staff only) does this: check the export and upload it again. To make students inactive on purpose, list each one with enabledUser false or status tobedeleted.
roster-error-many-inactive = { $moved ->
    [0] This roster would make { $count } of the { $active } active students of { $name } ({ $id }) inactive at once, and their guardians who are not on it.
   *[other] This roster would take { $count } of the { $active } active students of { $name } ({ $id }) off the school at once: { $moved } of them moved to another school of orgs.csv, the others made inactive.
} If that is right (a year's end, a school closing), confirm it and upload the files again; if not, check the export's filter and school column (term, school, role).
roster-error-many-guardians = This roster would end { $count } of the { $active } active guardian contacts of students of { $name } ({ $id }) who stay on the roster, at once: made inactive or unlinked from their student. Each would be told by email. A users.csv with no parent or guardian rows at all says nothing of guardians and ends none; one that lists some guardians and leaves out the others does this. If that is right, confirm it and upload the files again; if not, check that the export holds every contact.
roster-confirm-title = Upload again, confirming
roster-confirm-hint = Choose the same files again: a browser cannot keep them.
roster-confirm-inactive = { $count ->
    [one] Yes, make 1 student inactive (and their guardians who are not on the roster).
   *[other] Yes, make { $count } students inactive (and their guardians who are not on the roster).
}
roster-confirm-moving = { $count ->
    [one] Yes, take 1 student off their school at once ({ $moved } moved to another school of orgs.csv).
   *[other] Yes, take { $count } students off their schools at once ({ $moved } of them moved to another school of orgs.csv).
}
roster-confirm-guardians = { $count ->
    [one] Yes, end 1 guardian contact of a student who stays on the roster (they are told by email).
   *[other] Yes, end { $count } guardian contacts of students who stay on the roster (each is told by email).
}
roster-moved = { $count ->
    [one] 1 student moved to another school of orgs.csv.
   *[other] { $count } students moved to another school of orgs.csv.
}
roster-confirm-inactive-cli = If that is right, run the import again with --confirm-inactive { $count }.
roster-cli-zip = { $path } is a zip archive. Unzip it into a folder (unzip { $path } -d roster) and run import-roster with that folder: it must hold orgs.csv and users.csv (demographics.csv and manifest.csv if the export has them).
roster-cli-not-folder = { $path } is a file, not a folder: run import-roster with the folder that holds orgs.csv and users.csv.
roster-encodings-title = How the files were read:
roster-encoding-utf-8 = { $file }: UTF-8.
roster-encoding-mac-roman = { $file }: Mac Roman (not UTF-8: Excel for Mac's "CSV (Macintosh)"). Check that accented names read right; "CSV UTF-8" avoids the doubt.
roster-encoding-windows-1252 = { $file }: Windows-1252 (not UTF-8: Excel's plain "CSV"). Check that accented names read right; "CSV UTF-8" avoids the doubt.
roster-error-empty = The file is empty: it needs a header line and rows.
roster-error-header = The header line cannot be read: { $detail }.
roster-error-oneroster-12 = This looks like a OneRoster 1.2 export (it has primaryOrgSourcedId). STEMbridge reads OneRoster 1.1: choose version 1.1 when you export from your student information system.
roster-error-clever = This looks like Clever's own format (it has Student_id or School_id). Export OneRoster 1.1 files from your student information system instead.
roster-error-missing-columns = Missing column(s): { $columns }.
roster-error-missing-columns-separator = Missing column(s): { $columns }. This file's values are separated by { $separator ->
    [tab] tabs
   *[semicolon] semicolons
}, and its header line, read that way, lacks them.
roster-error-values = Expected { $expected } values, found { $found }.
roster-error-line = This line cannot be read: { $detail }.
roster-error-boolean = { $column } must be true or false (yes, no, Y, N, 1 and 0 are read too), not “{ $value }”.
roster-error-no-id = sourcedId is empty.
roster-error-id-long = sourcedId must be at most { $max } characters.
roster-error-zip = metadata.zip must be a US ZIP code, like 60609 or 60609-1234, not “{ $value }”.
roster-error-duplicate = Duplicate sourcedId “{ $id }”.
roster-error-school-name = name must be 1 to 200 characters.
roster-error-birth-date = birthDate must be a date like 2010-04-23, not “{ $value }”.
roster-error-birth-date-slashes = birthDate must be a date like 2010-04-23, not “{ $value }”: with slashes, a date can be read as two different days. Excel writes dates this way each time it saves: in Excel, select the column, choose Format Cells, Custom, type yyyy-mm-dd, then save as “CSV UTF-8”.
roster-error-sex = sex must be male (or M), female (or F), other (or X, nonbinary), or unspecified (or U, unknown, or empty) when not known, not “{ $value }”.
roster-error-no-school = orgSourcedIds “{ $ids }” names no school of orgs.csv.
roster-error-grades = grades must be grades from 06 to 13 (like 09, 9th or Grade 9), several separated by commas, not “{ $value }”.
roster-error-names = givenName and familyName must be 1 to 100 characters.
roster-error-names-control = givenName and familyName cannot hold a line break, a tab or another control character.
roster-error-names-question-mark = givenName or familyName holds “?”: this file is not UTF-8 (Excel's plain “CSV”), which cannot hold letters outside Western European alphabets, so Excel wrote “?” for each of them. In Excel, choose Save As, “CSV UTF-8”, and upload that file.
roster-error-email = email “{ $value }” is not an email address like name@example.org.
roster-error-phone = sms and phone must be at most 40 characters.
roster-error-not-your-school = You are not assigned to school “{ $name }” ({ $id }); ask an administrator.
roster-error-student-elsewhere = Student “{ $id }” is enrolled at a school you are not assigned to; ask an administrator.
roster-error-guardian-elsewhere = Guardian “{ $id }” is a contact of a student at a school you are not assigned to; ask an administrator.
roster-error-source-admin-only = Only an administrator names a roster's source. Leave the source empty: your schools say where your roster comes from.
roster-error-source-long = The roster source must be at most { $max } characters.
roster-error-several-districts = orgs.csv names several districts ({ $ids }), and sourcedIds are unique only within one district's system. Import one district at a time, or name the roster's source (administrators: the Source field, or --source on the command line).
roster-error-school-other-source = School “{ $id }” is on file as { $name }, from the roster of source “{ $source }”, and this roster names no source (it has no district org), so we cannot tell whether it is the same school. If this is that district's roster, import it naming source “{ $source }” (the Source field, or --source); if it is another district's, name that district's own source.
roster-error-student-unsourced = Student “{ $id }” is on file at { $school }, from a roster imported before rosters named their district, so we cannot tell whether this is the same student. If that student is another district's, import that district's roster first, naming its source (its district org, the Source field or --source), so the two are told apart; if it is this district's, include { $school } in this roster.
roster-error-student-other-source = Student “{ $id }” is on file at { $school }, from the roster of source “{ $source }”, and this roster names no source, so we cannot tell whether it is the same student. If this is that district's roster, import it naming source “{ $source }” (the Source field, or --source); if it is another district's, name that district's own source.
roster-review-names = Student “{ $id }” is on file as { $was }; this roster calls them { $now }. Both names changing usually means the id now belongs to another student: their birth date, demographics, guardians, consent and account would pass to { $now }.
roster-review-grade = Student “{ $id }” ({ $name }) is on file in grade { $was }; this roster puts them in grade { $now }. No student goes back a grade: the id may now belong to another student.
roster-review-school-name = School “{ $id }” is on file as { $was }; this roster calls it { $now }. If it is another school under the same id, its students and counselors would pass to it.
roster-review-school-unsourced = School “{ $id }” is on file as { $was }, from a roster imported before rosters named their district; this roster calls it { $now }. Confirming takes that school, with its students and their guardian contacts, into this roster's source; if it is another district's school, do not confirm: import that district's roster first, naming its source.
roster-review-hand-added = { $name } (“{ $id }”) has the same name and grade as { $records }, added by hand at this school{ $rows ->
    [1] {""}
   *[other] {" "}({ $rows } rows of this roster do too)
}, so we cannot tell which record is theirs. Confirming adds a new record for them and leaves the hand-added ones as they are: confirm only if they are different students.
roster-review-hand-added-unproven = { $name } (“{ $id }”) has the same name and grade as { $record }, added by hand at this school, who has an account or guardians on file, and no birth date on both sides tells whether they are the same child. Confirming gives { $record } this roster's id: their account and history stay, and this roster's guardians and birth date are added to them. If they are different children, do not confirm: add { $record }'s birth date on their record and import again.
roster-review-rekeyed = { $name } is listed under a new SIS id “{ $id }”; the record on file ({ $record }, { $school }, grade { $grade }) has id “{ $old }”, which this export { $leaving ->
    [0] no longer lists
   *[other] lists as leaving
}. { $proof } Confirm to move the record (account, guardians and placements stay with it){ $moving ->
    [0] {""}
   *[other] {" "}and move it to { $to }
}. If they are different children, do not confirm: give the record on file its birth date on the student's page (or correct the export) and import again; the roster then adds a new student and “{ $old }” { $delta ->
    [0] departs.
   *[other] stays as it is too (this export is a delta).
}
roster-rekey-proof-birth-date = They have the same names and birth date.
roster-rekey-proof-grade = They have the same names and grade, but a birth date is missing on one side: check that this is the same child.
roster-rekey-proof-next-grade = They have the same names, and the record's grade is one lower, as everyone's is in a new school year, but a birth date is missing on one side: check that this is the same child.
roster-review-rekeyed-ambiguous = { $name } is listed under a new SIS id “{ $id }”, and more than one record could be them ({ $records }: records on file whose ids this export no longer lists, or added by hand){ $rows ->
    [1] {""}
   *[other] {" "}while { $rows } rows of this roster could be the same record
}. We cannot tell which, so no record is moved, even when you confirm: the roster adds a new student, and the records it no longer lists depart. If one of them is this student, give the records their birth dates (or correct the export) and import again.
roster-confirm-review = { $count ->
    [one] Yes, the row above is right: import it as it is.
   *[other] Yes, the { $count } rows above are right: import them as they are.
}
roster-review-title = Nothing was imported: some rows may be other people or schools
roster-confirm-review-cli = If every row listed is right, run the import again with --confirm-review { $count }.
roster-source-label = Source (optional)
roster-source-hint = The district or system these files come from. sourcedIds are unique only within one district's system, so a roster only updates records of its own source. Leave it empty to use the district org of orgs.csv.
roster-source-summary = { $source ->
    [none] The roster names no source (no district org), so its ids were matched to records of no source.
   *[other] Its ids were matched to records of the roster source “{ $source }”.
}
roster-schools-adopted = { $count ->
    [one] 1 school imported before rosters named their district was taken into this roster's source, with its students and their guardian contacts.
   *[other] { $count } schools imported before rosters named their district were taken into this roster's source, with their students and their guardian contacts.
}
roster-adopted = { $count ->
    [one] 1 student added by hand was matched to their roster row by name and grade: the record took the roster's id (nothing counted twice).
   *[other] { $count } students added by hand were matched to their roster rows by name and grade: each record took the roster's id (nothing counted twice).
}
roster-rekeyed = { $count ->
    [one] 1 student listed under a new SIS id kept their record, as you confirmed: it took the new id, with their account, guardians and placements, and the old id did not depart (nobody counted twice).
   *[other] { $count } students listed under new SIS ids kept their records, as you confirmed: each took its new id, with their account, guardians and placements, and the old ids did not depart (nobody counted twice).
}
counselor-code-already-claimed = This student has already claimed their account.
counselor-error-status = Unknown status “{ $value }”.
counselor-error-grade = “grade” must be a number.
counselor-error-group = Unknown group “{ $value }”.
counselor-error-group-shape = “group” must look like low_income:Yes.
counselor-error-upload = The upload could not be read: { $detail }.
counselor-error-upload-too-large = The upload is larger than { $max } MB. Upload the files of one school at a time, or ask an administrator to import the roster from the command line.
counselor-roster-optional = (optional)
counselor-roster-demographics-hint = Without it, the demographics already on file stay as they are.
counselor-roster-manifest-hint = Send it when your system exports one: a manifest that marks users.csv as a delta (only the people who changed) keeps everyone it leaves out as they are, instead of marking them no longer on the roster.
counselor-error-choose-school = Choose a school.
counselor-error-choose-grade = Choose a grade.

# Requested renames and organizations that resemble a suspended or rejected one.
counselor-change-waiting = Requested name and website changes ({ $count })
counselor-change-nothing = No change is waiting.
counselor-change-name = Name
counselor-change-website = Website
counselor-change-from-to = “{ $old }” → “{ $new }”
counselor-change-approve = Approve the change
counselor-change-decline = Decline the change
counselor-change-gone = This change was already decided, or the organization has asked for a different one since. Nothing was changed: look at the queue again.
counselor-flash-change-approve = The change was approved: the organization is now called { $name }.
counselor-flash-change-decline = The change was declined: the organization is still called { $name }.
counselor-lookalike-heading = Resembles an organization that was suspended or rejected:
counselor-lookalike-item = { $name }, { $status }.
counselor-lookalike-reason = Reason: { $reason }
counselor-lookalike-same = Same:
counselor-lookalike-same-name = name
counselor-lookalike-same-website = website
counselor-lookalike-same-email = email domain
counselor-lookalike-admin-decides = It may be the same organization coming back: only an administrator can verify it or approve this change.
counselor-lookalike-needs-admin = This organization resembles one that was suspended or rejected: only an administrator can verify it or approve this change.
