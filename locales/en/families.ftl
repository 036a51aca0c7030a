# Families: guardian contacts, birth dates, guardian consent.

families-roster-summary = Guardians: { $created } new, { $updated } updated, { $deactivated } no longer on the roster (made inactive).
families-accepted = Offer accepted: welcome aboard!
families-guardian-added = Guardian contact added.
families-guardian-added-asked = Guardian contact added. A placement of this student waits for consent: a consent request was emailed to the new contact.
families-guardian-corrected = Guardian contact saved.
families-birth-date-saved = Birth date saved.
families-resend-too-soon = The consent email was sent less than { $minutes } minutes ago. Please wait a little before asking again.
families-resend-wait-day = The consent email was sent twice in the last day, and your guardian's link from the older of the two still works: a new email would end it. You can ask again from { $when }.
families-resend-enough = Your family has been sent the consent email { $count } times for this placement, so it cannot be sent again from here. Ask your counselor: they can send it again, call your family, or help with a paper consent form.
families-resend-org-not-verified = No consent email was sent: the organization hosting this placement is not verified on STEMbridge at the moment. It can be sent again once the organization is verified.
families-consent-not-pending = This placement is not waiting for consent any more.
families-resend-adult = By the school's records the student is 18 or older on the placement's first day: the family is not asked. A counselor can start the placement from the student's record.
families-resend-left = The school's roster no longer lists the student: no consent request is sent.
families-no-guardian-email = No guardian of this student has an email address on file. A counselor can add one, or record a paper consent form.
families-decline-reason = The guardian said why they declined: { $reason }
families-err-guardian-is-staff = This address signs in to a STEMbridge staff or employer account. Consent must come from a guardian: enter the guardian's own email address, or leave it empty and use the paper consent form.
families-err-guardian-is-student = This address is a student's sign-in address. Consent must come from a guardian: enter the guardian's own email address, or leave it empty and use the paper consent form.
families-err-guardian-unfit = This address cannot receive consent mail for this student. Consent must come from a guardian: enter the guardian's own email address, or leave it empty and use the paper consent form.
families-err-shared-contact = This contact is also a guardian of a student at a school you do not serve, so changing it here would change what that school relies on. Ask your district's STEMbridge administrator to correct it, or add a new contact for this student.
families-err-changed-meanwhile = Someone changed this contact after you opened the page, so nothing was saved. Reload the student's record to see the change, then make yours again if it is still needed.
families-resent = The consent email is on its way again.

families-profile-birth-date = Date of birth: { $date }.
families-profile-no-birth-date = Your school has not recorded your date of birth, so you count as under 18.
families-profile-birth-date-who = Only your school can change it: ask your counselor if it is wrong.

families-record-birth-date = Date of birth
families-record-no-birth-date = Not known: this student counts as under 18.
families-record-birth-date-label = Date of birth (leave empty if unknown)
families-record-birth-date-save = Save the date of birth
families-record-placements = Placements
families-record-consent-by = consent: { $guardian }
families-record-paper-by = paper form recorded by { $counselor }
families-record-link-to = answered through the link emailed to { $email }
families-record-no-placements = No placement yet.
families-record-guardians = Guardians
families-record-no-guardians = No guardian contact yet.
families-guardian-inactive = inactive
families-guardian-inactive-hint = Not a contact of the family: the school took this person off the contacts it calls and writes to. Do not phone or write to them about the student.
families-field-given-name = Given name
families-field-family-name = Family name
families-field-email = Email
families-field-phone = Phone
families-field-language = Language for messages
families-field-active = Active
families-active-yes = Yes
families-active-no = No (no more messages)
families-guardian-save = Save contact
families-guardian-add = Add a guardian contact
families-guardian-language-chosen = They chose { $language } for our emails on their own settings page: their choice comes first, and neither a roster nor this form changes it.
families-guardian-language-unknown = The roster gives no language for this contact: our emails are in English until a language is recorded here or they choose one.
families-guardian-add-button = Add contact

families-consent-title = Guardian consent for { $student }
families-consent-hello = Hello { $guardian },
families-consent-intro = { $student } has been offered a place at { $organization }. Please read the details and tell us whether you agree.
families-consent-org-on-hold = Please note: the organization hosting this placement is not verified on STEMbridge at the moment, so consent cannot be given now. You can still decline.
families-consent-expires = This link works once, until { $date }.
families-consent-your-name = Your full name
families-consent-relationship = Relationship to the student
families-consent-relationship-hint = For example: mother, father, grandparent, legal guardian.
families-consent-decision = Your decision
families-consent-give = I give consent
families-consent-decline = I do not give consent
families-consent-reason = If you decline, you may tell the student's school why (only its counselors read it)
families-consent-mail-language = Language of our emails to you: { $language }.
families-consent-mail-language-change = Change the language of our emails
families-consent-submit = Record my decision

families-recorded-title = Thank you: your decision is recorded
families-recorded-given = You gave consent. The placement can start. If you change your mind, the confirmation we email you has a link to withdraw it at any time.
families-recorded-declined = You declined. The placement will not go ahead.
families-recorded-link-dead = This link no longer works.

families-link-unknown-title = This consent link is not valid
families-link-unknown = Check that you copied the whole link from the email.
families-link-used-title = This consent link was already used
families-link-used = A decision for this placement has already been recorded, and each link works only once. To take back a consent given, use the link in the confirmation we emailed (or in your email settings); to change anything else, contact the student's school counselor.
families-link-closed-title = This placement no longer goes ahead
families-link-closed = The student gave the place back, or the school called the placement off, so there is nothing to decide. You do not need to do anything.
families-link-past-title = This placement's dates have passed
families-link-past = The placement's last day is over, so there is nothing left to consent to. You do not need to do anything; if you have questions, contact the student's school.
families-link-expired-title = This consent link has expired
families-link-expired = Consent links work for { $days } days, and only the newest email's link counts.
families-link-replaced-title = A newer email replaced this link
families-link-replaced = We emailed you a newer consent link on { $date }, and only the newest email's link works. Please open the newest email from STEMbridge about this placement and use its link.
families-link-student-title = This page is for a parent or guardian
families-link-student = Consent must come from a parent or guardian, not from a student's account. Please sign out and let your guardian open the link from their own email.
families-link-staff-title = This page is for a parent or guardian
families-link-staff = You are signed in to STEMbridge with a school or employer account. Consent comes from the parent or guardian, from their own browser, so this link does not work while an account is signed in here. If you are the guardian, sign out first. School staff holding a signed paper form record it on the placement's page, under their own name.
families-link-adult-title = A guardian's consent is not needed
families-link-adult = By the school's records the student is 18 or older on the placement's first day, so the decision is the student's. You do not need to do anything.
families-link-left-title = This placement waits for the school
families-link-left = The school's roster no longer lists the student, so there is nothing to decide by this link. You do not need to do anything; if you have questions, contact the student's school.
families-link-help = To get a new link, the student can ask for the email to be sent again from their placement page, or the school counselor can send it again or record a paper consent form.

families-student-needs-consent = Because you are under 18 (or your school has not recorded your date of birth), a parent or guardian must give consent before you start.
families-student-links-dead = That link does not work any more. You can ask for the email to be sent again.
families-student-waiting = Waiting for your guardian's consent, sent to { $email } on { $date }.
families-student-queued = Waiting for your guardian's consent: the email to { $email } (asked for on { $date }) has not gone out yet. It is sent as soon as our mail server takes it.
families-student-undelivered = The consent email to { $email } of { $date } could not be delivered. You can ask for it to be sent again, or ask your counselor for help.
families-student-held-back = The consent email to { $email } (asked for on { $date }) is held back while the organization is under review by the school district. Nothing is wrong with the address, and it does not count as one of your emails: your guardian gets a consent email once the review ends.
families-student-resend-under-review = While the organization is under review, no consent email goes out. Your guardian gets one once the review ends.
families-student-no-guardian-email = Your school has no email address for a guardian of yours. Your counselor will help with a paper consent form.
families-student-resend = Send the email to my guardian again
families-student-resend-hint = You can ask { $minutes } minutes after the last email, twice a day at most (so the link your guardian already has keeps working for a day), and up to { $most } emails in all.
families-student-consent-given = Guardian consent: { $guardian }

families-counselor-title = Placements waiting for guardian consent
families-counselor-intro = Each guardian with an email got a consent link. When a guardian returns a paper form instead, record it here.
families-counselor-sent = Consent email sent to { $email } on { $date }.
families-counselor-queued = Consent email to { $email } of { $date }: not sent yet (it waits for the mail server).
families-counselor-undelivered = The consent email to { $email } of { $date } could not be delivered. Check the address, send it again, or record a paper form.
families-counselor-held-back = Consent email to { $email } of { $date }: held back while the organization is under review (nothing is wrong with the address, and it counts toward no limit). The guardian is mailed once the organization is verified again.
families-counselor-resend-under-review = No consent email can be sent while the organization is under review; the guardians are mailed once it is verified again.
families-counselor-links-dead = None of these links works any more: they ran out, or the guardian's contact changed since. Send the email again, or record a paper form.
families-counselor-no-email = No guardian of this student has an email address a consent link can go to (a student's or a staff sign-in address does not count): record a paper form, or add a contact.
families-counselor-add-contact = Open the student's record
families-counselor-resend = Send the consent email again
families-counselor-none = No placement is waiting for consent.
families-paper-guardian = Guardian's full name
families-paper-relationship = Relationship
families-paper-decision = Decision on the form
families-paper-given = Consent given
families-paper-declined = Consent declined
families-paper-record = Record paper consent

families-roster-warnings-title = Imported, with { $count ->
    [one] one reference
   *[other] { $count } references
} to check
families-roster-warning-corrected-address = { $file }, line { $line }: a counselor corrected the email address of { $id } by hand, and this roster still has another one. The counselor's address is kept and consent mail goes there. If the roster is right, change the address on the student's record; if not, correct it in the student information system.
families-roster-warning-removed-address = { $file }, line { $line }: { $id } is an address a counselor took off a guardian contact by hand, so this new contact is added without it and gets no consent mail. If the address is right, add it on the student's record.
families-roster-warning-staff-address = { $file }, line { $line }: the guardian's address { $id } signs in to a staff or employer account, so no consent email will go there. Ask the family for their own address, or use the paper consent form.
families-roster-warning-guardian = { $file }, line { $line }: agentSourcedIds names “{ $id }”, who is not in { $file }, so no guardian was linked through it.
families-roster-warning-student = { $file }, line { $line }: agentSourcedIds names “{ $id }”, who is not in { $file }, so this guardian was not linked to that student.
families-roster-warning-grade = { $file }, line { $line }: student “{ $id }” is not in a grade STEMbridge serves (grade 6 and up), so they were left out.
families-roster-warning-demographics = { $file }, line { $line }: “{ $id }” is not in users.csv, so this row was left out.
families-roster-warning-zip = { $file }, line { $line }: the school's ZIP code has fewer than 5 digits, so it was read as { $id } (a spreadsheet drops the leading zeros of ZIP codes like 02134). If that is not the school's ZIP code, correct it in the student information system.
families-roster-warning-language = { $file }, line { $line }: metadata.language “{ $id }” is not a language we recognize, so it was kept as written and this guardian will get messages in English. Write it as a code such as es or spa, or a name such as Spanish or Español.
families-roster-warning-schools = { $file }, line { $line }: the student is listed at several schools ({ $id }). A student belongs to one school in STEMbridge: one already at a listed school stays there, a new one goes to the first listed.
families-roster-warning-adopted = { $file }, line { $line }: { $id }, added by hand, has the same name and grade at this school, so that record took this row's sourcedId (their account and history stay; nobody is counted twice). If they are different students, tell an administrator.
families-roster-warning-rekeyed = { $file }, line { $line }: { $id } took this row's new sourcedId in place of the one in brackets, as confirmed: their account, guardians and placements stay with the record.
families-roster-warning-guardian-rekeyed = { $file }, line { $line }: the guardian contact { $id } took this row's new sourcedId in place of the one in brackets: the same names and address, linked to the same student. Their language, consent and email settings stay with the contact, and the family is not told of a new contact.
families-roster-warning-school-other-source = { $file }, line { $line }: another district's roster holds a school under the same sourcedId ({ $id }); this roster's school was kept as a separate school. If it is the same school, import this roster naming that source.
families-roster-warning-columns = { $file }, line { $line }: the file has no column { $id }, so what is on file for each student stays as it was. (A column that is there with an empty cell clears the value.)
families-roster-warning-race-columns = { $file }, line { $line }: the file has no column { $id }. Race and ethnicity are read from the columns it has; a student marked in none of them keeps what is on file, and without hispanicOrLatinoEthnicity nothing is read.
families-roster-more-warnings = … and { $more } more.
families-roster-warnings-hint = Exports often leave out guardians who did not agree to share their details. A student with no guardian contact takes the paper consent path; you can add a contact on the student's record.
# A birth date changed after a placement went ahead without consent.
families-consent-needed-again = Your placement “{ $title }” is on hold until a parent or guardian gives consent: your school updated your date of birth. We emailed your guardians.
families-consent-needed-again-employer = A student's placement at “{ $title }” is on hold until their guardian gives consent. Please do not start or continue it until it shows as active again.
families-birth-date-saved-placements = Birth date saved.{ $waiting ->
    [0] {""}
    [one] {" "}One placement of this student now waits for guardian consent: guardians with an email address were sent a link (see Consent forms).
   *[other] {" "}{ $waiting } placements of this student now wait for guardian consent: guardians with an email address were sent a link (see Consent forms).
}{ $started ->
    [0] {""}
    [one] {" "}One placement no longer waits for consent: the student is 18 by its start, so it is active and its consent links no longer work.
   *[other] {" "}{ $started } placements no longer wait for consent: the student is 18 by their start, so they are active and their consent links no longer work.
}
families-consent-not-needed = Your placement “{ $title }” no longer waits for a guardian's consent: your school updated your date of birth, and you are 18 by its start. It is active.
families-consent-not-needed-employer = A student's placement at “{ $title }” no longer needs a guardian's consent and is active.
families-roster-consent-adults = { $count ->
    [one] One placement still waits for guardian consent although, by a changed birth date, the student is 18 by its start: a roster never starts a placement; a counselor can start it from the student's record
   *[other] { $count } placements still wait for guardian consent although, by changed birth dates, the students are 18 by their start: a roster never starts a placement; a counselor can start each from the student's record
}.
families-roster-guardians-unlisted = users.csv has no parent or guardian rows, so it says nothing of guardians: every guardian contact and link was left as it was.
families-roster-consent-requested = { $count ->
    [one] A consent request was emailed for one placement, to guardians this roster gave a new contact or address
   *[other] Consent requests were emailed for { $count } placements, to guardians this roster gave a new contact or address
} (see Consent forms).
families-roster-consent-resent = { $count ->
    [one] A consent request was emailed again for one placement: the last one to the same address could not be delivered
   *[other] Consent requests were emailed again for { $count } placements: the last ones to the same addresses could not be delivered
} (see Consent forms). An address whose mail server refuses our mail for good is not mailed again until it changes.
families-guardian-bounced = The mail server of { $email } refused our mail for good on { $date }, so no email goes there until the address changes. Correct the address, try it again if the family says it works, or record a paper consent form on the Consent forms page.
families-counselor-bounced = The mail server of { $email } refused our mail for good on { $date }: no email goes there until the address changes. Record a paper consent form, or correct the address (or try it again) on the student's record.
families-retry-address = Try this address again
families-retry-done = We will write to this address again. { $asked ->
    [0] No placement waits for this family's consent.
    [one] A consent request was emailed to it for the placement waiting for consent.
   *[other] A consent request was emailed to it for { $asked } placements waiting for consent.
} If its mail server refuses our mail again, the record says so.
families-retry-not-refused = This address is not marked as refused (it changed, or a colleague already asked us to try it again): there is nothing to try again.
families-resend-bounced = No consent email was sent: the mail server of { $email }, the only address on file for this student's guardians, refused our mail for good on { $date }. Correct the address on the student's record (or try it again there if the family says it works), or record a paper consent form.
families-roster-consent = { $count ->
    [one] One placement now waits for guardian consent because a birth date changed
   *[other] { $count } placements now wait for guardian consent because birth dates changed
} (see Consent forms).
families-birth-date-confirm-start = This date makes the student 18 by the start of a placement waiting for a guardian's consent, so saving it starts that placement without consent. If the date is right, tick “Start it without a guardian's consent” and save again; nothing was saved.
families-birth-date-org-not-verified = This date makes the student 18 by the start of “{ $title }”, which would start it without a guardian's consent, but the organization hosting it is under review and not verified at the moment: no placement starts there, with consent or without. Nothing was saved. Save the date again once the organization is verified.
families-record-start-without-consent = Start it without a guardian's consent if this date makes the student 18 by a waiting placement's start
families-consent-held = Your placement “{ $title }” is on hold until a parent or guardian gives consent again: your family asked the district to check a change of their contact details. Your school will be in touch.
families-report-title = A change you did not ask for?
families-report-intro = Your school changed whom it writes to about a student of the contact { $name }: it stopped writing to this address, or added another contact.
families-report-what-happens = If you did not ask for this, report it. The district's administrators are told, not only the school. Until they have checked the contact with your family, nobody can give consent for that student by email, and a placement that started on a consent given by email since the change is paused. The contact is not moved back to this address: an administrator decides.
families-report-button = Report: I did not ask for this
families-report-if-you-asked = If you asked the school for this change, you need do nothing.
families-reported-title = Thank you: the district was told
families-reported-done = Your report went to the district's administrators. Email consent for the student is on hold until they have checked the contact with your family. Nothing more is needed from you here.
families-reported-already = This change was already reported; the district's administrators were told. Nothing more is needed.
families-hold-cleared = The hold on email consent was lifted. { $asked ->
    [0] No placement waits for consent.
    [one] The guardians were asked again for one placement.
   *[other] The guardians were asked again for { $asked } placements.
}
families-hold-none = Email consent for this student is not on hold.
families-record-held = On hold: a family reported a change of guardian contact as unwanted (reported { $date }). No consent link is sent for this student until an administrator has checked the contacts with the family and lifted the hold; a paper form can still be recorded.
families-record-held-admin = Lift the hold
families-language-not-known = Not known
families-language-mail-in-english = { $language } (mail in English)
families-guardian-language-not-written = The school records { $language } for this family. STEMbridge does not write whole emails in { $language } yet: ours to them are in English, with one line on top in { $language } about getting help in their language. The pages our links open show that line too. Reach them through the school's interpreter for anything that needs an answer, such as consent.
families-guardian-language-english-only = The school records { $language } for this family, and we have no line in { $language }: they get our emails in English only, with nothing in a language they read. They need an interpreter: call them through the school's interpreter, and for consent go through the paper form with them and the interpreter, then record it on the placements page.
families-guardian-language-signed = The school records { $language } for this family: it has no written form, so our emails to them are in English, which they read.
families-guardian-signed-interpreter = Meetings and calls need a sign-language interpreter (a call goes through a video relay service); never ask the student to interpret.
families-counselor-language-not-written = A guardian's home language is { $language }: the consent mail went in English with one line in { $language }. An interpreter may help them answer.
families-counselor-language-english-only = A guardian's home language is { $language }: we have no line in { $language }, so the consent mail went in English only. Call them through an interpreter, or go through the paper form with them and an interpreter.
families-counselor-language-signed = A guardian's home language is { $language }, which has no written form: a meeting or a call about this consent needs a sign-language interpreter.
families-counselor-held = Email consent is on hold: a family reported a change of guardian contact. An administrator must check it with the family first; a paper form can still be recorded.
families-counselor-open-record = Open the student's record
families-roster-unwritten-languages = Some families' home language is one STEMbridge does not write whole emails in yet. They get our emails in English with one line on top in their language about getting help in it, or in English only where the list below says we have no line in it; the school may reach them through an interpreter, above all for consent.
families-roster-unwritten-language = { $language }: { $count ->
    [one] 1 guardian
   *[other] { $count } guardians
}
families-roster-unwritten-language-english-only = { $language }, in English only (we have no line in { $language }): { $count ->
    [one] 1 guardian
   *[other] { $count } guardians
}
families-roster-unwritten-language-signed = { $language }, in English, which they read (it has no written form; meetings and calls need a sign-language interpreter): { $count ->
    [one] 1 guardian
   *[other] { $count } guardians
}
families-held-admin-only = A family reported a change of guardian contact for this student, so consent is on hold: only an administrator can record consent or start a placement without it until the hold is lifted.
families-link-held-title = Consent for this student is on hold
families-link-held = A parent or guardian reported a change of contact details they did not ask for, so consent by email waits until the district's administrators have checked the contacts with the family. They will be in touch; you do not need to ask the school for a new link.
families-resend-held = A family reported a change of guardian contact for this student, so no consent email is sent until an administrator has checked it with the family.
families-student-consent-held = Your family asked the district to check a change of their contact details, so no consent email goes out for now. The district will be in touch with your family.
# The admins' list of students whose email consent a family's report holds.
families-holds-title = Email consent on hold
families-holds-intro = Each student below has email consent on hold because a family reported a change of guardian contact they did not ask for. Check the contacts with the family through a channel the school does not control, correct them if needed, then lift the hold on the student's record. Oldest first; every administrator is reminded by email of holds older than { $days } days, once a day.
families-holds-search = Find a student (name or number)
families-holds-search-submit = Find
families-holds-caption = Students whose email consent is on hold, oldest first
families-holds-col-student = Student (opens the record, where the hold is lifted)
families-holds-col-school = School
families-holds-col-since = On hold since
families-holds-col-notices = Reported notices
families-holds-notice = { $guardian }: the notice sent { $sent } to { $email }, reported { $reported }
families-holds-notice-gone = A contact no longer on file: the notice sent { $sent } to { $email }, reported { $reported }
families-holds-none = No student's email consent is on hold.
families-holds-none-found = No student on hold matches this search.
families-holds-pages = Pages of students on hold
families-holds-link = Email consent on hold (families' reports)

# A guardian withdraws consent (placements::withdrawal).
families-withdraw-title = Withdraw consent for { $student }'s placement
families-withdraw-intro = You can withdraw the consent given for { $student }'s placement “{ $title }” with { $organization }. The placement then ends at once, and { $student } should not go there any more. { $student }, the organization and { $student }'s school, { $school }, are told, and every parent or guardian on file gets an email saying who withdrew it.
families-withdraw-dates = The placement runs from { $start } to { $end }.
families-withdraw-date = The placement is on { $date }.
families-withdraw-confirm = I withdraw consent: { $student } will not take part in this placement.
families-withdraw-note-hint = Only the school reads this.
families-withdraw-submit = Withdraw consent
withdraw-note = Anything you want the school to know
withdraw-error-confirm = Tick the box to confirm that you withdraw consent.
families-withdraw-unknown-title = This link does not work
families-withdraw-unknown = It may be incomplete, or the school has changed the family's contact details since we sent it. To withdraw consent, contact the student's school.
families-withdraw-closed-title = This placement has already ended
families-withdraw-closed = There is no consent left to withdraw. You do not need to do anything.
families-withdraw-adult-title = A guardian's consent is not needed
families-withdraw-adult = By the school's records the student is 18 or older on the placement's first day, so the decision is the student's. If you have concerns, contact the student's school.
families-withdraw-held-title = Consent for this student is on hold
families-withdraw-held = A parent or guardian reported a change of contact details they did not ask for, so the district's administrators are checking the contacts with the family. To stop this placement now, contact the student's school.
families-withdrawn-title = Consent withdrawn
families-withdrawn = The placement has ended, and { $student } should not go there any more. { $student }'s school, { $school }, has been told. If you have questions, contact the school.
families-err-already-contact = This address is already on the record as { $name }. Correct that contact instead of adding another.

# On every page a guardian's mailed link opens (admin::contact).
families-school-contact = Questions? Contact { $school }:

# The counselor's prompt when a family we write to in English gets a notice they must understand (families::interpreter).
families-interpreter-prompt = Call the family of { $student } through an interpreter: { $guardian } reads { $language }, which we do not write, and was just emailed in English { $what }.
families-interpreter-prompt-signed = Call the family of { $student } through a sign-language interpreter (a video relay service): { $guardian } signs { $language }, and was just emailed { $what }.
families-interpreter-what-paused = that the student should not go to their placement for now, while the host is under review
families-interpreter-what-resumed = that the review of the host is over, and what happens next with the placement
families-interpreter-what-called-off = that the placement was called off
families-interpreter-what-paper = that the school recorded a paper consent form, asking them to say so if it was not them
families-interpreter-what-declined = that consent was declined through their link, asking them to say so if that was not the family's decision
families-interpreter-what-withdrawn = that consent was withdrawn and the placement has ended
families-interpreter-what-reminder = a reminder that their consent is still needed
families-interpreter-what-contact = that the school changed the family's contact details, with a button to report it if they did not ask for it
families-roster-warning-decomposed-language = { $file }, line { $line }: metadata.language “{ $id }” is not a language we recognize, so it was kept as written and this guardian will get messages in English. Its accents are typed as separate marks after their letters (as some Mac exports and copies from PDF files write them), so it may look like a name we know: retype it in the file, or write a code such as es or vi.

# A consent link made moot by someone else's answer (eyes18b F8): who, without naming them.
families-link-used-yours-title = You already answered
families-link-used-yours = You already answered through another email we sent you about this placement (a reminder, or the request sent again), so this link no longer works. To take back a consent given, use the link in the confirmation we emailed (or in your email settings); to change anything else, contact the student's school counselor.
families-link-used-another-title = Another parent or guardian already answered
families-link-used-another = Another parent or guardian of the student already answered through the link we emailed them, so this link no longer works; nobody used yours. To take back a consent given, use the link in the confirmation we emailed (or in your email settings); to change anything else, contact the student's school counselor.
families-link-used-paper-title = The school recorded a paper form
families-link-used-paper = The student's school recorded a paper consent form for this placement, so this link no longer works; nobody used yours. If no one in your family signed that form, contact the student's school counselor right away.
