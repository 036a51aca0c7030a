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
