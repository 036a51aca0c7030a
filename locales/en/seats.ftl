# Seats that come back, mentors, and evaluations that are read (issue 18).

vocab-placement_status-withdrawn = Withdrawn by the student
vocab-withdraw_reason-schedule_conflict = The schedule no longer works for me
vocab-withdraw_reason-transportation = I cannot get there
vocab-withdraw_reason-family_or_health = Family or health reasons
vocab-withdraw_reason-school_workload = Too much schoolwork
vocab-withdraw_reason-not_a_fit = It is not what I expected
vocab-withdraw_reason-other = Another reason
vocab-end_reason-student_request = The student asked to stop
vocab-end_reason-attendance = Attendance
vocab-end_reason-safety = A safety concern
vocab-end_reason-organization_change = A change at the organization
vocab-end_reason-consent_withdrawn = A guardian withdrew consent
vocab-end_reason-other = Another reason

seats-reason = Reason
seats-reason-choose = Choose a reason
seats-note = Anything to add
seats-ended-by-school = Ended by the student's school
seats-notice-ended-by-school = The placement at “{ $title }” was ended early by the student's school.
seats-note-school = A note for counselors (the organization and the student do not see it)
seats-note-employer = Anything to add (the student and their counselor read it)
seats-note-student = Anything to add (the organization and your counselor read it)
seats-error-reason = Choose a reason from the list.
seats-error-not-open = This placement is “{ $status }”: it can no longer be changed.
seats-ended-because = Ended early: { $reason }.
seats-withdraw-heading = Give back your place
seats-withdraw-intro = If you cannot take part after all, give your place back: the next student on the wait list gets it. This cannot be undone.
seats-withdraw-submit = Give back my place
seats-end-heading = End this placement early
seats-end-intro = Ending early frees the seat: the next student on the wait list gets it at once. The student is told why.
seats-end-intro-counselor = Ending early frees the seat for the next student on the wait list. The student and the employer are told why.
seats-end-submit = End the placement
seats-flash-withdrawn = You gave back your place. Thank you for telling us why.
seats-flash-ended = The placement ended early and its seat is free again.
seats-flash-before = Thank you for your answer.
seats-flash-mentor = The mentor is saved. The student can see them now.
seats-notice-withdrew = { $name } gave back their place at “{ $title }” ({ $reason }).
seats-notice-ended = The placement at “{ $title }” ended early: { $reason }.
seats-before-heading = Before you start
seats-before-submit = Send my answer
seats-before-already = You already answered this question for this placement.

seats-mentor-heading = Your mentor
seats-mentor-speaks = Speaks: { $languages }
seats-mentor-coming = This opportunity promises a named mentor: you will see who it is here before you start.
seats-mentor-required = This opportunity promises a named mentor: name the mentor before hours are logged or the placement is completed.
seats-mentor-required-employer = This posting promises a named mentor. Name one before the student starts: hours cannot be logged until you do.
seats-mentor-none = No mentor named yet.
seats-mentor-colleague = A colleague with an account
seats-mentor-not-colleague = Someone else (type the name below)
seats-mentor-name = Mentor's name
seats-mentor-name-hint = Leave empty to use the colleague's name.
seats-mentor-role = Mentor's role
seats-mentor-intro = A short introduction in the mentor's own words
seats-mentor-intro-hint = At most { $max } characters. What they do, and why they like mentoring.
seats-mentor-languages = Languages the mentor speaks
seats-mentor-languages-hint = Language codes or names, such as en, es, vi, hmn, ase (American Sign Language).
seats-mentor-submit = Save the mentor
seats-mentor-error-colleague = Choose a colleague of your organization from the list.
seats-mentor-error-languages = Name at least one language the mentor speaks.
seats-notice-mentor = { $name } is your mentor at “{ $title }”.
seats-notice-mentor-gone = Your mentor at “{ $title }” no longer works with you there. The organization will name another; if you have questions, talk to your school counselor.
seats-notice-school-mentor = { $organization } named { $name } ({ $role }) as { $student }'s mentor at “{ $title }”.
seats-notice-school-mentor-gone = An administrator took { $name } off { $organization }: { $student } has no mentor at “{ $title }” until the organization names another.
seats-notice-employer-mentor-gone = { $name } no longer mentors { $student } at “{ $title }”: name another mentor.

seats-eval-from-employer = What { $organization } wrote about you
seats-eval-from-student = The student's rating
seats-eval-yours = Your evaluation
seats-eval-comment = Comment
seats-eval-none = No evaluation yet.
seats-counselor-title = { $name }: { $title }
seats-counselor-record = Back to the student's record
seats-record-open = Open the placement “{ $title }”
seats-record-mentor = Mentor: { $name }

seats-link-quality = Employer quality
seats-quality-title = Employer quality
seats-quality-intro = Completed placements and the students' mean rating of the experience (1 to 5) for each verified organization, counted as on the organizations' public commitments. Each school's part is checked on its own: completed placements are shown only when, at every school with a placement there, both they and the placements not completed number { $threshold } or more; rated placements and their mean only when every school has { $threshold } ratings or none. Otherwise a counselor who subtracts their own school's placements could learn about a few students of another school. An organization with no number shown is not listed.
seats-quality-year = Placements made in the school year { $year }.
seats-quality-caption = Completed placements and mean rating by organization
seats-quality-organization = Organization
seats-quality-completed = Completed placements
seats-quality-rated = Rated placements
seats-quality-mean = Mean rating
seats-quality-none = No organization has a number that can be shown yet.

mail-seat-opened-subject = A place opened up for you: { $title }
mail-seat-opened-body = A seat came free at { $organization } and it is yours: you now have a place in “{ $title }”. Open your placement to see what happens next.
mail-seat-opened-button = See your placement

seats-stats-mentored = Placed with a named mentor
seats-stats-mentored-of-placed = share of the placed students
seats-stats-mentored-col = Placed with a mentor
seats-csv-mentored-share = mentored_share_of_placed
seats-mentor-commitment = Ticking this commits you to name a mentor for each placement: hours cannot be logged until you do.

# Ending before the start (eyes11a F4): only the school, and it is a cancellation.
vocab-placement_status-cancelled = Called off before it started
seats-cancelled-because = Called off before it started: { $reason }.
seats-notice-cancelled = Your school called off your placement at “{ $title }” before it started: { $reason }. It does not count as a placement, in fair draws either.
seats-notice-cancelled-by-school = The placement at “{ $title }” was called off by the student's school before it started.
seats-notice-school-ended-by-employer = { $organization } ended { $student }'s placement “{ $title }” early: { $reason }.
seats-notice-school-ended-by-family = A parent or guardian of { $student } withdrew consent for “{ $title }” at { $organization }: the placement will not go ahead, or go on. Their name, and any note, are on the placement's page.
seats-notice-school-ended-by-school = { $student }'s placement “{ $title }” at { $organization } was ended by a counselor of the school: { $reason }.
seats-error-attendance-before-start = Attendance cannot be the reason before the placement has started: choose another reason.
seats-reason-closing-form = marked “ended early” on the closing form (no reason asked)
seats-error-not-started = This placement has not started yet: its first day is { $date }. Until then only the student's school can end it, so that a seat given by a draw or by the wait list is not passed on by the organization. If something is wrong (a safety concern, or the placement cannot take place), contact the student's school counselor.
seats-error-not-started-consent = This placement has not started: it is waiting for guardian consent. Until it starts only the student's school can end it, so that a seat given by a draw or by the wait list is not passed on by the organization. If something is wrong (a safety concern, or the placement cannot take place), contact the student's school counselor.
seats-end-not-started-employer = This placement has not started yet. Until its first day (and while it waits for guardian consent) only the student's school can end it: if something is wrong, contact the student's school counselor. From the first day you can end it here, and the school is told.
seats-end-not-started-counselor = This placement has not started: ending it now calls it off. It does not count as a placement for the student (on the dashboard or in fair draws), and its seat goes to the next student on the wait list.

# A placement whose dates ended while it waited for consent, closed by the system.
vocab-end_reason-consent_not_received = No guardian's consent was recorded before its dates ended
seats-notice-lapsed = Your placement at “{ $title }” is closed: no guardian's consent was recorded before its dates ended. It does not count as a placement, in fair draws either. If you have questions, talk to your school counselor.
seats-notice-lapsed-employer = The placement at “{ $title }” is closed: no guardian's consent was recorded before its dates ended.
seats-notice-school-lapsed = { $student }'s placement “{ $title }” at { $organization } is closed: no guardian's consent was recorded before its dates ended. It no longer counts as “Placed”.
# The mentor card on a counselor's page (eyes18b F5).
seats-mentor-heading-staff = The student's mentor
seats-mentor-coming-staff = This opportunity promises a named mentor: the organization names them before the student starts, and they will be shown here.
