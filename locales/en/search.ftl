# The search page.

search-title = Find an opportunity
search-error-heading = This search could not run
search-fallback-notice = Search is partly unavailable right now. These results use every filter you chose, but they are not ranked by relevance: the newest come first.
search-q-label = What are you interested in?
search-q-placeholder = robotics, nursing, coding...
search-filters = Access needs and filters
search-needs-legend = I need (every one checked must be offered)
search-kind-legend = Kind
search-field-legend = STEM field
search-mode-legend = Work mode
search-lang-label = The team speaks
search-any-language = Any language
search-grade-label = My grade
search-any-grade = Any grade
search-zip-label = From ZIP code
search-within-label = Within
search-any-distance = Any distance
search-miles = { $miles } miles
search-sort-label = Sort by
search-submit = Search
search-active-filters = Active filters
search-remove = Remove
search-total = { $count ->
    [one] 1 opportunity
   *[other] { $count } opportunities
}
search-apply-by = Apply by { $date }
search-miles-away = { $miles } miles away
search-meets = Meets your needs: { $needs }.
search-misses = Does not offer: { $needs }.
search-offers = Offers: { $needs }
search-nothing = Nothing matches every filter. Try removing a filter or searching for a broader word.
search-chip-need = Needs: { $need }
search-chip-grade = Grade { $grade }
search-chip-within = Within { $miles } miles of { $zip }
search-chip-distance = Distance from { $zip }
search-chip-language = Team speaks { $language }

# A search parameter that cannot be used (the page, the API and the feed).
search-param-too-many = Too many values in “{ $parameter }”: at most { $max }.
search-param-unknown-kind = Unknown kind “{ $value }” in “{ $parameter }”.
search-param-unknown-field = Unknown STEM field “{ $value }” in “{ $parameter }”.
search-param-unknown-mode = Unknown work mode “{ $value }” in “{ $parameter }”.
search-param-unknown-need = Unknown access need “{ $value }” in “{ $parameter }”.
search-param-unknown-language = Unknown language “{ $value }” in “{ $parameter }”: use a code like es or hmn, or a name like Spanish.
search-param-unknown-zip = Unknown ZIP code “{ $value }”: use a 5-digit US ZIP code.
search-param-unknown-sort = Unknown sort “{ $value }”: use relevance, newest, deadline, nearest or pay.
search-param-not-a-number = “{ $parameter }” must be a number.
search-param-out-of-range = “{ $parameter }” must be between { $min } and { $max }.
search-param-query-too-long = The search parameters are too long: at most { $max } bytes.
search-param-unreadable = The search parameters could not be read.
search-param-unknown-name = “{ $name }” is not a search parameter, so nothing was filtered by it. The parameters are: { $names } (a list may also be written need[]=).
search-param-repeated = “{ $name }” can be given only once.
search-param-bad-escape = The search parameters could not be read: a “%” must be followed by two hexadecimal digits, and the text must be UTF-8.
search-param-text-too-long = The search text is too long: at most { $max } characters.
search-param-within-needs-zip = “within_miles” needs a “zip” to measure from.
search-param-nearest-needs-zip = Sorting by “nearest” needs a “zip”.
search-api-method-not-allowed = The API only reads: use GET (or HEAD).
search-api-not-found = The API has nothing at this address: it has /api/v1/opportunities, described at /api/v1/openapi.json.
