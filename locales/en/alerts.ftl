# Saved searches, their alerts and feeds; news of verification decisions.

alerts-title = Saved searches
alerts-intro = When a new opportunity matches a saved search, you get a notification here in STEMbridge (and in your weekly email digest, if you chose that for the search).
alerts-none = You have no saved searches yet. Run a search and save it from the results page.
alerts-go-search = Search opportunities
alerts-saved-on = saved { $date }
alerts-alerted = { $count ->
    [0] nothing new yet
    [one] 1 new opportunity so far
   *[other] { $count } new opportunities so far
}
alerts-by-email = also by email
alerts-delete = Delete
alerts-name-label = Name of this search
alerts-name-default = My search
alerts-email-label = Also send new matches in my weekly email digest
alerts-email-hint = This turns on the weekly digest; its unsubscribe link stops it.
alerts-save = Save this search
alerts-flash-saved = Search “{ $name }” saved. New matches will show up in your notifications.
alerts-flash-deleted = Saved search deleted.
alerts-error-heading = The search was not saved
alerts-error-email = The email choice must be on or off.
alerts-error-query = This search cannot be saved: { $message }
alerts-error-too-many = You already have { $max } saved searches. Delete one before saving another.
alerts-error-duplicate = You already saved this search.
alerts-chip-field = Field: { $field }
alerts-notify-new = { $count ->
    [one] 1 new opportunity matches your saved search “{ $name }”.
   *[other] { $count } new opportunities match your saved search “{ $name }”.
}
alerts-feed-link = Follow this search (Atom feed)
alerts-feed-title = STEMbridge: opportunities for “{ $q }”
alerts-feed-title-all = STEMbridge: new opportunities
alerts-feed-summary = { $organization } · { $kind } · { $field } · { $mode } · { $pay } · apply by { $deadline }
alerts-digest-search = { $count ->
    [one] New for your saved search “{ $name }”: 1 opportunity
   *[other] New for your saved search “{ $name }”: { $count } opportunities
}
alerts-digest-open = See this search

alerts-org-employer-verified = { $organization } is now verified: you can publish opportunities and students can find them.
alerts-org-employer-verified-subject = { $organization } is verified on STEMbridge
alerts-org-employer-rejected = The registration of { $organization } was not approved.
alerts-org-employer-rejected-subject = { $organization } was not approved on STEMbridge
alerts-org-employer-suspended = { $organization } is suspended: its opportunities are hidden and students' details are out of reach until it is reinstated.
alerts-org-employer-suspended-subject = { $organization } is suspended on STEMbridge
alerts-org-employer-reinstated = { $organization } is verified again: its opportunities are visible to students.
alerts-org-employer-reinstated-subject = { $organization } is verified again on STEMbridge
alerts-org-counselor-verified = { $organization }, where some of your students applied, is now verified.
alerts-org-counselor-verified-subject = { $organization } is verified
alerts-org-counselor-rejected = { $organization }, where some of your students applied, was not approved.
alerts-org-counselor-rejected-subject = { $organization } was not approved
alerts-org-counselor-suspended = { $organization }, where some of your students applied, is suspended.
alerts-org-counselor-suspended-subject = { $organization } is suspended
alerts-org-counselor-reinstated = { $organization }, where some of your students applied, is verified again.
alerts-org-counselor-reinstated-subject = { $organization } is verified again
alerts-org-mail-reason = The reviewer's reason: { $reason }
alerts-org-mail-button = Open STEMbridge
alerts-org-mail-footer = STEMbridge connects school students with STEM internships. You receive this email because it concerns an organization on STEMbridge you work with; it is always sent and has no tracking.

# Roster uploads from the web, imported in the background.
alerts-roster-missing-file = The upload needs all three files: { $file } is missing or empty.
alerts-roster-upload-title = Roster upload
alerts-roster-upload-checking = Checking the files…
alerts-roster-upload-progress = { $done } of { $total } students imported
alerts-roster-upload-refresh = This page updates itself every five seconds until the import is done. You can leave it and come back.
alerts-roster-upload-stop = Stop updating this page
alerts-roster-upload-still = This page no longer updates itself.
alerts-roster-upload-check = Check the progress now
alerts-roster-upload-failed = The import stopped before it finished, and nothing was changed. Please upload the files again.
alerts-roster-upload-back = Back to the roster page
vocab-roster_upload-running = Importing
vocab-roster_upload-imported = Imported
vocab-roster_upload-refused = Not imported: the files have errors
vocab-roster_upload-failed = Stopped

alerts-org-employer-change-approved = Your organization's new name and website were approved: students and families now see { $organization } ({ $website }).
alerts-org-employer-change-declined = The requested new name “{ $requested }” was not approved: your organization is still shown as { $organization }.
