# Fair draws for scarce seats (issue 19).

vocab-allocation-first_come = First come, first served
vocab-allocation-fair_draw = Fair draw after the deadline

draws-allocation-label = How seats are given
draws-allocation-hint = A fair draw collects applications until the deadline, then draws the seats by lot, students who have never had a placement first. It is the default for job shadows and virtual experiences; internships and apprenticeships are chosen by you.
draws-allocation-default = The usual choice for this kind of posting
draws-how-link = How the draw works
draws-error-allocation = Choose first come, first served or a fair draw.
draws-error-allocation-kind = A fair draw gives seats, so it is only for job shadows and virtual experiences. Choose first come, first served for internships and apprenticeships.
draws-error-allocation-locked = Students have already applied, so how seats are given can no longer change.
draws-error-not-fair-draw = This posting gives its seats first come, first served: it has no draw.
draws-error-org-not-verified = This organization is not verified at the moment, so its draw waits: no student is given a seat until it is verified again.
draws-error-not-due = The draw runs after the deadline ({ $deadline }): applications are still being collected.
draws-error-entry = This application waits for the fair draw after the deadline: seats are drawn by lot, not chosen, and nobody is taken out of the lot. The student can withdraw; eligibility was checked when they applied.
draws-error-wait-list = This wait-list place was drawn by lot: freed seats go to the wait list in draw order, so it cannot be declined.
draws-applicants-collecting = Entries are drawn by lot after the deadline: nobody is chosen, or taken out of the lot, before the draw.
draws-error-priority-value = Choose whether to mark the student as priority (yes or no).
draws-error-deadline-earlier = Entries to this fair draw are collected until { $deadline }, as published: the deadline can move later, but not earlier.
draws-error-deadline-past = The deadline cannot be a day that has passed: choose today or a later day.
draws-error-close-early = Students have entered this fair draw, and entries are collected until { $deadline }, as published: it cannot close before then, since closing early would choose who is in the draw.
draws-employer-no-early-close = Students have entered the draw, so this posting stays open until its deadline ({ $deadline }), as published.

draws-fact = How seats are given
draws-fact-draw = By a fair draw after the deadline ({ $deadline }); applying early gives no advantage.
draws-fact-first-come = First come, first served.

draws-notice-seat = You were drawn for a seat in “{ $title }”.
draws-notice-wait = The draw for “{ $title }” is done: you are number { $position } on the wait list.
draws-notice-clash = The draw for “{ $title }” is done. You were not in it: you already have a place at the same hours on those days. You are at the end of its wait list, and can get a seat if you give the other place back.
draws-flash-drawn = The draw is done: { $seated } students got a seat and { $waiting } joined the wait list in draw order.
draws-flash-already = The draw had already run; nothing changed.
draws-flash-priority-marked = The student is marked as priority for fair draws.
draws-flash-priority-cleared = The priority mark was removed.

draws-student-heading = Fair draw
draws-student-pending = You are in the draw. Seats are drawn by lot the day after the deadline ({ $deadline }); applying early or late makes no difference.
draws-student-seated = You were drawn: you have a seat.
draws-student-waiting = You are on the wait list, number { $position }. If a seat frees up, it goes to the next student in draw order.
draws-student-not-seated = You were in the draw; your application has moved on since (see its status above).
draws-student-tier-1 = Why: you were in the first group, students who have never had a placement on STEMbridge (one you gave back, that a guardian declined or that your school called off before it started does not count).
draws-student-tier-2 = Why: you were in the second group, students your counselor marked as priority (or, where your district chose it, from low-income families). The first group, students who have never had a placement, drew before it.
draws-student-tier-3 = Why: you were in the third group, students who have or have had a placement, even one that ended early. Students who have never had one, then priority students, drew first.
draws-student-code = Your entry code is { $code }: find it on the public record of the draw.
draws-student-record-link = See the record of the draw

draws-employer-heading = Fair draw
draws-employer-collecting = { $entries } applications entered so far. The draw runs by itself the day after the deadline ({ $deadline }).
draws-employer-run = Run the draw now
draws-employer-drawn = The draw is done: { $entries } entries for { $seats } seats.
draws-record-link = Public record of the draw

draws-how-title = How a fair draw works
draws-how-intro = Some seats are scarce: a job shadow day, a virtual experience with a few places. Giving them to whoever applies first favours students with the best internet and the most free time. A fair draw collects applications until the deadline and then draws the seats by lot, in three groups.
draws-how-tiers-heading = Who draws first
draws-tier-1 = Students who have never had a placement on STEMbridge (a placement they gave back, that a guardian declined or that their school called off before it started does not count; one that ended early does).
draws-tier-2 = Students their school counselor marked as priority.
draws-tier-2-low-income = Students their school counselor marked as priority, and in this district students from low-income families (from the school roster).
draws-tier-3 = Everyone else.
draws-how-never = Race, ethnicity, sex and disability are never part of a draw. The public record shows no names: each application has a random code that only its student sees.
draws-how-order-heading = How the order is made
draws-how-step-seed = When a posting with a fair draw is published, before anyone can apply, the server draws its seed: 32 random bytes, written as 64 hexadecimal digits. The draw's public record shows the seed's SHA-256 from then on, and the seed itself once the draw has run, so everyone can check it was not changed.
draws-how-step-code = Each application gets a random code of 12 hexadecimal digits when it is sent; only its student sees it, on their application page.
draws-how-step-key = Each application's key is the SHA-256 of the seed, a colon and its code (for example “SEED:CODE”), written in lowercase hexadecimal.
draws-how-step-sort = Applications are put in order by group (1, 2, 3), then by key, from the smallest to the largest.
draws-how-step-seats = The first ones get the free seats; the others join the wait list in that order. When a seat frees up, it goes to the first student still waiting.
draws-how-check-heading = Check it yourself
draws-how-check = Once the draw has run, its record publishes the seed. Each student can compute their own key with the command below (or any SHA-256 tool) and compare it with their application page, and anyone can check that the seed is the one fixed in advance. The record lists the codes without their order, since the order would tell who is in which group; the server checks the whole order again each time the record is shown.
draws-how-command = printf '%s:%s' SEED CODE | sha256sum
draws-how-wait = Students who apply after a draw, when seats are left, get one at once; otherwise they join the end of the wait list.

draws-record-title = The draw for { $title }
draws-record-intro = Drawn on { $when }: { $entries } applications for { $seats } seats.
draws-record-seed = Seed:
draws-record-verified = The order below is the one the rule gives from this seed (checked again as this page was made).
draws-record-not-verified = Warning: the stored order differs from the one the rule gives. Please tell the site's administrators.
draws-record-posting = The posting
draws-record-caption = Every application in the draw, by code (not in draw order), without names
draws-record-code = Code
draws-record-groups-private = The draw order is not shown here: it puts the groups first, so the order (or the keys beside it) would tell which applications are in which group, and so who is a priority student. Each student sees their own group, key and place on their application page, and the check above covers every line.
draws-record-outcome = Outcome
draws-record-seat = Seat
draws-record-wait = Wait list

draws-priority-column = Priority for fair draws
draws-priority-marked = Priority
draws-priority-mark = Mark { $name } as priority
draws-priority-clear = Remove { $name }'s priority mark

draws-effect-heading = Fair draws at work
draws-effect-hint = Seats at job shadows and other seat-based postings that your students took this school year, and the share that went to students on their first placement. Numbers under { $threshold } are hidden. With several schools, a school with fewer seats than that is left out, and a share shows only when each school's own view shows it.
draws-effect-caption = Seats by how they were given, { $from } to { $to }
draws-effect-seats = Seats taken
draws-effect-share = Share to first-time students

draws-record-commitment = The seed of this draw was fixed on { $when }, before anyone could enter. Its SHA-256:
draws-record-pending = The draw has not run yet: it runs the day after the deadline ({ $deadline }). Then the seed itself is published here, and anyone can check that its SHA-256 is the one above.
draws-record-kept = The seed's SHA-256 is the one published before the entries: the seed was not changed.
draws-record-not-kept = Warning: the seed's SHA-256 is not the one published before the entries. Please tell the site's administrators.
draws-how-check-seed = To check the seed was fixed in advance: printf '%s' SEED | sha256sum
draws-student-key = Your key (the SHA-256 of the seed, a colon and your code): { $key }

draws-tier-4 = Students who could not take a seat when the draw ran (they held a place at the same hours, or were no longer on their school's roster) come after everyone else, in key order, and wait for a seat like anyone on the wait list.
draws-student-tier-4 = Why: when the draw ran you could not take a seat, because you held a place at the same hours elsewhere (or were not on your school's roster): you were put in line after every student who could. If that place ends, or you give it back, the next free seat here is yours when your turn comes.
