# Throttling, races and exports (issue 11, items 5-7).

integrity-wait =
    { $seconds ->
        [one] 1 second
       *[other] { $seconds } seconds
    }
integrity-wait-minutes =
    { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }
integrity-too-many-logins = Too many failed login attempts. Please wait { $wait } and try again, or ask your counselor for help.
integrity-too-many-forms = Too many attempts from your network. Please wait { $wait } and try again.
integrity-application-changed = This application was changed by someone else a moment ago. Reload the page to see where it stands.
integrity-placement-closed = This placement was closed by someone else a moment ago.
integrity-hours-reviewed = These hours were already reviewed.
integrity-feedback-given = You already gave feedback on this placement.
integrity-slots-taken =
    { $taken ->
        [one] 1 student already holds a place: there cannot be fewer than 1.
       *[other] { $taken } students already hold a place: there cannot be fewer than { $taken }.
    }
integrity-roster-too-many-rows = This file has more than { $max } rows. Split the roster by school and upload each part.
integrity-roster-more-errors = … and { $more } more. Fix these first and upload again to see the rest.
