# El idioma en que está escrita una publicación: se elige en el formulario y
# se muestra en la página; la búsqueda lee el texto en ese idioma.

vocab-written_in-en = Inglés (English)
vocab-written_in-es = Español
posting-language-label = Idioma de esta publicación
posting-language-hint = El idioma del título y la descripción. La búsqueda lee la publicación en este idioma y los lectores de pantalla la pronuncian correctamente.
posting-language-fact = Escrita en
posting-language-invalid = Elija de la lista el idioma de la publicación.
