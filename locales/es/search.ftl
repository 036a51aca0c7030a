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

# A search parameter that cannot be used (the page, the API and the feed).
search-param-too-many = Demasiados valores en “{ $parameter }”: como máximo { $max }.
search-param-unknown-kind = Tipo desconocido “{ $value }” en “{ $parameter }”.
search-param-unknown-field = Campo STEM desconocido “{ $value }” en “{ $parameter }”.
search-param-unknown-mode = Modalidad de trabajo desconocida “{ $value }” en “{ $parameter }”.
search-param-unknown-need = Necesidad de acceso desconocida “{ $value }” en “{ $parameter }”.
search-param-unknown-language = Idioma desconocido “{ $value }” en “{ $parameter }”: usa un código como es o hmn, o un nombre como español.
search-param-unknown-zip = Código postal desconocido “{ $value }”: usa un código postal de EE. UU. de 5 dígitos.
search-param-unknown-sort = Orden desconocido “{ $value }”: usa relevance, newest, deadline, nearest o pay.
search-param-not-a-number = “{ $parameter }” debe ser un número.
search-param-out-of-range = “{ $parameter }” debe estar entre { $min } y { $max }.
search-param-query-too-long = Los parámetros de búsqueda son demasiado largos: como máximo { $max } bytes.
search-param-unreadable = No se pudieron leer los parámetros de búsqueda.
search-param-unknown-name = “{ $name }” no es un parámetro de búsqueda, así que no filtró nada. Los parámetros son: { $names } (una lista también se puede escribir need[]=).
search-param-repeated = “{ $name }” solo se puede indicar una vez.
search-param-bad-escape = No se pudieron leer los parámetros de búsqueda: un “%” debe ir seguido de dos dígitos hexadecimales y el texto debe estar en UTF-8.
search-param-text-too-long = El texto de búsqueda es demasiado largo: como máximo { $max } caracteres.
search-param-within-needs-zip = “within_miles” necesita un “zip” desde donde medir.
search-param-nearest-needs-zip = Para ordenar por “nearest” hace falta un “zip”.
search-api-method-not-allowed = La API solo permite leer: usa GET (o HEAD).
search-api-not-found = La API no tiene nada en esta dirección: tiene /api/v1/opportunities, descrita en /api/v1/openapi.json.
