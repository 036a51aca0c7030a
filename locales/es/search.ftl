# La página de búsqueda.

search-title = Busca una oportunidad
search-error-heading = No se pudo hacer esta búsqueda
search-fallback-notice = La búsqueda no funciona del todo en este momento. Estos resultados usan todos los filtros que elegiste, pero no están ordenados por relevancia: los más recientes van primero.
search-q-label = ¿Qué te interesa?
search-q-placeholder = robótica, enfermería, programación...
search-filters = Necesidades de acceso y filtros
search-needs-legend = Necesito (cada opción marcada debe ofrecerse)
search-kind-legend = Tipo
search-field-legend = Área STEM
search-mode-legend = Modalidad
search-lang-label = El equipo habla
search-any-language = Cualquier idioma
search-grade-label = Mi grado
search-any-grade = Cualquier grado
search-zip-label = Desde el código postal
search-within-label = A menos de
search-any-distance = Cualquier distancia
search-miles = { $miles } millas
search-sort-label = Ordenar por
search-submit = Buscar
search-active-filters = Filtros activos
search-remove = Quitar
search-total = { $count ->
    [one] 1 oportunidad
   *[other] { $count } oportunidades
}
search-apply-by = Solicita antes del { $date }
search-miles-away = a { $miles } millas
search-meets = Cumple con tus necesidades: { $needs }.
search-misses = No ofrece: { $needs }.
search-offers = Ofrece: { $needs }
search-nothing = Nada cumple con todos los filtros. Prueba quitar un filtro o buscar una palabra más general.
search-chip-need = Necesito: { $need }
search-chip-grade = Grado { $grade }
search-chip-within = A menos de { $miles } millas de { $zip }
search-chip-distance = Distancia desde { $zip }
search-chip-language = El equipo habla { $language }
