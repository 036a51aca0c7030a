# Notifications: stored as these ids with their arguments, written out in the
# reader's language whenever they are read.

notice-new-applicant = New applicant for “{ $title }”.
notice-application-status = Your application to “{ $title }” is now: { $status }.
notice-student-accepted = { $name } accepted the application to “{ $title }”.
notice-student-declined = { $name } declined the application to “{ $title }”.
notice-student-withdrew = { $name } withdrew the application to “{ $title }”.
notice-seat-opened = A seat opened up: you now have a place at “{ $title }”.
notice-consent-given = A guardian gave consent for the placement at “{ $title }”.
notice-consent-declined = A guardian declined consent for the placement at “{ $title }”.
notice-consent-declined-paper = Your school recorded a paper form declining consent for the placement at “{ $title }”.
notice-hours-to-approve = New hours to approve for “{ $title }”.
notice-hours-approved = Your hours at “{ $title }” were approved.
notice-hours-rejected = Your hours at “{ $title }” were not approved.
notice-placement-closed = Your placement at “{ $title }” is { $status }. Tell us how it went.
