# Listas por páginas (src/paging.rs, templates/macros/paging.html).
paging-previous = Página anterior
paging-next = Página siguiente
paging-page = Página { $number }
paging-search = Buscar por nombre o ID
paging-search-submit = Buscar
paging-clear = Mostrar a todos
paging-no-match = Nada coincide con esta búsqueda.
paging-empty = No hay nada en esta página.
paging-error-page = “page” debe ser un número entero de 1 a { $last }.
paging-error-search = El texto de búsqueda puede tener como máximo { $max } caracteres.
paging-students = Páginas de estudiantes
paging-placements = Páginas de prácticas
paging-applicants = Páginas de postulantes
paging-audit = Páginas del registro de auditoría
paging-notifications = Páginas de notificaciones
paging-postings = Páginas de publicaciones
paging-organizations = Páginas de organizaciones
