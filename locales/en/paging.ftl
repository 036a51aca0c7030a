# Lists in pages (src/paging.rs, templates/macros/paging.html).
paging-previous = Previous page
paging-next = Next page
paging-page = Page { $number }
paging-search = Search by name or ID
paging-search-submit = Search
paging-clear = Show everyone
paging-no-match = Nothing matches this search.
paging-empty = Nothing on this page.
paging-error-page = “page” must be a whole number from 1 to { $last }.
paging-error-search = The search text can have at most { $max } characters.
paging-students = Pages of students
paging-placements = Pages of placements
paging-applicants = Pages of applicants
paging-audit = Pages of the audit log
paging-notifications = Pages of notifications
paging-postings = Pages of postings
paging-organizations = Pages of organizations
