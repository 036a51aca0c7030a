# The employer's pages: organization, postings, applicants, placements.

employer-status = Status:
employer-col-title = Title
employer-col-applicants = Applicants
employer-col-slots-left = Slots left
employer-col-deadline = Deadline
employer-applicants-for = { $count ->
    [one] applicant for { $title }
   *[other] applicants for { $title }
}
employer-slots-of = { $left } of { $slots }

employer-dashboard-pending = Your organization is waiting for verification by a counselor or administrator. You can prepare drafts; publishing opens once you are verified.
employer-dashboard-blocked = { $state ->
    [rejected] Your organization is rejected
   *[other] Your organization is suspended
}{ $reason }. Contact a counselor to resolve this.
employer-dashboard-new = Post a new opportunity
employer-dashboard-profile = Organization profile and colleagues
employer-dashboard-public = Public page
employer-dashboard-yours = Your opportunities
employer-dashboard-caption = Opportunities of { $organization }, most recently changed first
employer-dashboard-none = No opportunities yet.
employer-dashboard-first = Post your first one

employer-posting-new-title = Post an opportunity
employer-posting-edit-title = Edit opportunity
employer-posting-edit-heading = Edit “{ $title }”
employer-posting-draft-note = It is saved as a draft; students see it only after you publish it.
employer-posting-what = What it is
employer-posting-title = Title
employer-posting-description = Description
employer-posting-description-hint = What the student will do and learn. Leave a blank line between paragraphs. No phone numbers, email addresses, links or social media handles: students reach you through STEMbridge.
employer-posting-kind = Kind
employer-posting-kind-name = kind
employer-posting-kind-hint = A job shadow lasts a day or a few.
employer-posting-field = STEM field
employer-posting-field-name = STEM field
employer-posting-skills = Skills the student will use
employer-posting-skills-name = Skills
employer-posting-skills-hint = For example: soldering, Python, lab safety.
employer-posting-where = Where
employer-posting-mode = Work mode
employer-posting-mode-name = work mode
employer-posting-address = Street address
employer-posting-address-name = Address
employer-posting-address-hint = Required unless the work is fully remote.
employer-posting-zip = ZIP code
employer-posting-zip-hint = Used to show students how far it is.
employer-posting-pay = Pay
employer-posting-compensation = Kind of pay
employer-posting-compensation-name = kind of pay
employer-posting-hourly-wage = Hourly wage in dollars
employer-posting-hourly-wage-name = Hourly wage
employer-posting-hourly-wage-hint = When paid hourly, e.g. 18.50.
employer-posting-stipend = Stipend in dollars
employer-posting-stipend-name = Stipend
employer-posting-stipend-hint = When paid with a stipend: the total amount.
employer-posting-when = When
employer-posting-start-date = Start date
employer-posting-end-date = End date
employer-posting-end-date-hint = For a one-day job shadow, the same as the start date.
employer-posting-start-time = Start time (job shadows)
employer-posting-start-time-name = Start time
employer-posting-end-time = End time (job shadows)
employer-posting-end-time-name = End time
employer-posting-hours-per-week = Hours per week
employer-posting-schedule = Schedule
employer-posting-schedule-hint = For example: Tuesdays and Thursdays 4-6 pm.
employer-posting-deadline = Application deadline
employer-posting-deadline-hint = Must be before the start date.
employer-posting-min-grade = Lowest grade
employer-posting-min-grade-hint = 6 to 12, or 13 for early college.
employer-posting-max-grade = Highest grade
employer-posting-min-age = Minimum age
employer-posting-slots = Slots (seats for a job shadow)
employer-posting-slots-name = Slots
employer-posting-seats-name = Seats
employer-posting-languages = Languages your team speaks
employer-posting-languages-hint = Language codes or names separated by commas, e.g. en, es, vi, hmn (Hmong), ase (American Sign Language).
employer-posting-features = Access features you offer
employer-posting-features-hint = Students filter by these, so offer only what you can promise. “Paid” and “Can be done remotely” are set from the pay and work mode above.
employer-posting-save-changes = Save changes
employer-posting-save-draft = Save draft
employer-posting-error-languages-empty = Name at least one language the team speaks, like en.
employer-posting-error-features = One of the access features is not in the list.
employer-posting-error-end-before-start = End date must be on or after the start date.
employer-posting-error-shadow-days = A job shadow lasts at most { $days } days; post a longer one as an internship.
employer-posting-error-deadline = The application deadline must be before the start date.
employer-posting-error-end-time = End time must be after the start time.
employer-posting-error-grades = Highest grade must be at least the lowest grade.
employer-posting-refused = { $state ->
    [draft] A draft posting
    [published] A published posting
    [closed] A closed posting
   *[other] An archived posting
} cannot be { $verb }.
employer-posting-verb-publish = published
employer-posting-verb-close = closed
employer-posting-verb-reopen = re-opened
employer-posting-verb-archive = archived
employer-posting-verb-delete = deleted
employer-posting-must-be-verified = Your organization must be verified by a counselor before it can publish.
employer-posting-deadline-passed = The application deadline has passed. Edit the dates before publishing.
employer-flash-draft-saved = Draft “{ $title }” saved. Publish it when it is ready.
employer-flash-draft-saved-before = This form was already saved as the draft “{ $title }”, so it was not saved twice. Here it is: make any change with “Edit”.
employer-flash-changes-saved = Changes to “{ $title }” saved.
employer-flash-posting-published = “{ $title }” was published.
employer-flash-posting-closed = “{ $title }” was closed.
employer-flash-posting-reopened = “{ $title }” was re-opened.
employer-flash-posting-archived = “{ $title }” was archived.
employer-flash-posting-deleted = “{ $title }” was deleted.

employer-manage-applicants = Applicants and placements
employer-manage-edit = Edit
employer-manage-publish = Publish
employer-manage-publish-later = Publishing opens once a counselor verifies your organization.
employer-manage-delete = Delete draft
employer-manage-close = Close applications
employer-manage-as-students = See it as students do
employer-manage-reopen = Re-open
employer-manage-archive = Archive
employer-manage-back = Back to your opportunities

employer-applicants-title = Applicants: { $title }
employer-applicants-taken = { $taken } of { $slots } slots taken.
employer-applicants-accommodations = Accommodations asked for: { $text }
employer-applicants-review = Start review
employer-applicants-interview = Invite to interview
employer-applicants-offer = Make an offer
employer-applicants-reject = Decline applicant
employer-applicants-none = No applicants yet.
employer-applicants-over = This application can no longer lead to a placement, so what the student sent with it, and their grade and school, are no longer shown.
employer-applicants-placements = Placements
employer-flash-application-moved = Application moved to: { $status }.

employer-placement-title = Placement: { $name }
employer-hours-summary = Approved: { $approved } hours. Waiting for you: { $pending } hours.
employer-hours-caption = Hours logged by the student
employer-hours-col-what = What they did
employer-hours-approve = Approve
employer-hours-reject = Reject
employer-flash-hours-approved = Hours approved.
employer-flash-hours-rejected = Hours not approved.
employer-close-heading = Close the placement
employer-close-outcome = Outcome
employer-close-communication = Communication (1 to 5)
employer-close-communication-name = Communication
employer-close-teamwork = Teamwork (1 to 5)
employer-close-teamwork-name = Teamwork
employer-close-technical = Technical skills (1 to 5)
employer-close-technical-name = Technical skills
employer-close-reliability = Reliability (1 to 5)
employer-close-reliability-name = Reliability
employer-close-comment = Comment for the student
employer-close-error-outcome = Choose whether the placement was completed or ended early.
employer-close-not-active = A placement that is “{ $status }” cannot be closed.
employer-close-hours-pending = { $count ->
    [one] One hours entry is
   *[other] { $count } hours entries are
} still waiting for your review: approve or reject { $count ->
    [one] it
   *[other] them
} first, then close the placement.
employer-flash-placement-closed = Placement closed. Thank you for hosting a student!

employer-org-title = Organization profile
employer-org-heading = { $name }: profile
employer-org-about = About your organization
employer-org-about-hint = Shown on your public page. No phone numbers, email addresses, links or social media handles: students reach you through STEMbridge.
employer-org-contact-email = Contact email
employer-org-contact-phone = Contact phone
employer-org-save = Save profile
employer-invite-heading = Invite a colleague
employer-invite-email = Colleague's email
employer-invite-email-hint = You get a link to send them; it works for 14 days.
employer-invite-create = Create invitation
employer-invited-title = Invitation created
employer-invited-send = Send this link to { $email }. It works once, for 14 days:
employer-invited-back = Back to the profile
employer-join-title = Join { $organization }
employer-join-heading = Join { $organization } on STEMbridge
employer-join-invited-as = You were invited as { $email }.
employer-join-password = Password
employer-join-password-hint = At least 10 characters.
employer-join-submit = Create my account
employer-public-website = Website: { $website }
employer-public-open = Open opportunities
employer-public-apply-by = apply by { $date }
employer-public-none = No open opportunities right now.
employer-flash-profile-saved = Organization profile saved.
employer-flash-welcome-registered = Welcome! Your organization is waiting for verification by a counselor. You can prepare drafts meanwhile.
employer-posting-archived-edit = An archived posting cannot be edited.

# A verified organization's name and website change through a reviewer.
employer-flash-change-waits = Profile saved. The new name or website waits for a counselor's review; until then students and families see the verified ones.
employer-org-name-reviewed = A verified organization's new name or website is checked by a counselor first; until then students and families see the verified ones.
employer-org-change-waits = Your new name “{ $requested }” waits for a counselor's review. Until it is approved, students and families see “{ $name }”.
employer-org-change-waits-website = The new website { $requested } waits with it (now shown: { $website }).
employer-org-locked = While your organization is suspended or not approved, its profile cannot be changed.
employer-org-locked-reason = Reason given by the reviewer: { $reason }
employer-close-not-started = This placement has not started yet: its first day is { $date }. It can be closed as completed once it has started.
employer-hours-error-suspended = These hours are dated { $day }, when your organization was suspended on STEMbridge (from { $from } to { $to }, the first and last day included) and the student had been asked not to come to the site. They cannot be approved; reject them, and ask the student's counselor if the student did work that day.
employer-hours-error-day-cap = These { $hours } hours cannot be approved: with them, the student would have more than { $max } approved hours on { $day } ({ $approved } approved already, { $elsewhere } of them on another placement). At most { $max } hours a day count, over all of a student's placements. Reject the entry, and the student can log the hours they really worked that day.
employer-posting-changed-meanwhile = This posting was changed, in another tab or by a colleague, after you opened this page, so nothing was saved: saving would have undone that change. Go back to copy what you typed, then open the posting again to see its current version.
