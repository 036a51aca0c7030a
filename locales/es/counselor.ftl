# Las páginas del orientador (usted): estudiantes, códigos, importación de la lista, expediente, revisión de empleadores.

counselor-no-school = Todavía no tiene ninguna escuela asignada. Pida a un administrador que le asigne una.
counselor-add-student = Agregar un estudiante
counselor-add-student-submit = Agregar al estudiante y generar un código
counselor-codes-school = Escuela
counselor-codes-first-name = Nombre
counselor-codes-last-name = Apellido
counselor-codes-grade = Grado
counselor-codes-sis-id = ID del estudiante en su sistema de información estudiantil
counselor-codes-sis-id-hint = El sourcedId que el roster del distrito da a este estudiante, si lo tiene: la próxima importación del roster actualizará este registro en lugar de agregar otro. Sin él, la importación lo empareja por nombre y grado.
counselor-error-sis-id-taken = { $name } ya tiene el ID «{ $id }» en el roster de esta escuela. Si es este estudiante, genere un nuevo código desde la lista en lugar de agregarlo de nuevo.
counselor-error-sis-id-taken-elsewhere = El ID «{ $id }» pertenece a un estudiante de otra escuela de este roster. Revise el ID en su SIS; si el estudiante se cambió a su escuela, la próxima importación del roster lo traslada.
counselor-roster-heading = Lista de estudiantes
counselor-roster-caption = Estudiantes activos de sus escuelas
counselor-roster-account = Cuenta
counselor-roster-id = ID del estudiante
counselor-roster-same-name = Mismo nombre y grado que otro estudiante: compruebe el ID antes de entregar un código.
counselor-code-for-id = ID del estudiante: { $id }. Compruébelo antes de entregar el código: los estudiantes con el mismo nombre tienen ID distintos.
counselor-roster-claimed = Activada
counselor-roster-code-valid = Código válido hasta el { $date }
counselor-roster-no-code = Todavía sin código
counselor-roster-new-code = Nuevo código
counselor-roster-for = para { $name }
counselor-roster-none = Todavía no hay estudiantes.

counselor-code-title = Código de activación para { $name }
counselor-code-give = Entregue este código al estudiante. Se muestra una sola vez y funciona hasta el { $date }.
counselor-code-how = El estudiante abre STEMbridge, elige «{ $link }» y escribe el código.
counselor-code-back = Volver a mis estudiantes
counselor-codes-title = Códigos de activación, { $grade }
counselor-codes-intro = Recorte por las líneas y entregue a cada estudiante su código. Cada código funciona una vez y vence en la fecha indicada.
counselor-codes-caption = Códigos para los estudiantes que no han activado su cuenta
counselor-codes-code = Código
counselor-codes-valid-until = Válido hasta
counselor-codes-all-claimed = Todos los estudiantes de este grado ya activaron su cuenta.
counselor-codes-print-heading = Imprimir códigos de activación
counselor-codes-print-intro = Los códigos se muestran una sola vez, así que al imprimir se generan códigos nuevos para todos los estudiantes del grado que todavía no activaron su cuenta.
counselor-codes-print = Imprimir códigos

counselor-roster-imported = Importación lista: { $created ->
    [one] 1 estudiante nuevo
   *[other] { $created } estudiantes nuevos
}, { $updated ->
    [one] 1 actualizado
   *[other] { $updated } actualizados
}, { $deactivated ->
    [one] 1 que ya no está en la lista (quedó inactivo)
   *[other] { $deactivated } que ya no están en la lista (quedaron inactivos)
}.
counselor-roster-nothing-imported = { $count ->
    [one] No se importó nada: hay 1 problema que corregir
   *[other] No se importó nada: hay { $count } problemas que corregir
}
counselor-roster-error = { $file }, línea { $line }: { $message }
counselor-roster-intro = Suba los archivos CSV de OneRoster 1.1 que exporta su sistema de información estudiantil. Los estudiantes se identifican por su sourcedId, así que una nueva importación los actualiza; los estudiantes que falten en una lista nueva quedan inactivos. Consulte el README para ver las columnas, incluidas las columnas de extensión de bajos ingresos, aprendiz de inglés, discapacidad y primera generación.
counselor-roster-submit = Revisar e importar

counselor-record-summary = { $grade } en { $school } · { $hours } horas aprobadas.
counselor-record-roster = Según la lista escolar
counselor-record-timeline = Cronología
counselor-record-nothing = Nada todavía: este estudiante no ha enviado ninguna solicitud.
counselor-record-audited = Abrir este expediente queda anotado en el registro de auditoría.
counselor-event-applied = Envió una solicitud a «{ $title }»
counselor-event-claimed = Cuenta activada con el código de activación; inicia sesión como { $email }
counselor-event-application = «{ $title }»: { $status }
counselor-event-placement = Práctica en «{ $title }»: { $status }
counselor-event-hours = Registró { $hours } horas en «{ $title }» ({ $status })
counselor-yes = Sí
counselor-no = No
counselor-not-reported = No informado
counselor-stage-not-engaged = Todavía sin participar
counselor-stage-applied = Envió solicitudes
counselor-stage-placed = Con práctica
counselor-stage-completed = Práctica completada
counselor-birth-date-invalid = La fecha de nacimiento debe ser una fecha pasada, como 2010-04-23.
counselor-guardian-language-choose = Elija un idioma de la lista, o «No se sabe».
counselor-guardian-active-choose = «Activo» debe ser verdadero o falso.
counselor-flash-paper-consent = Consentimiento en papel registrado.

counselor-review-intro = Compruebe que cada organización sea real y segura para los estudiantes (sitio web, contacto, a qué se dedica) antes de que pueda publicar.
counselor-review-reason = Motivo (la organización lo verá)
counselor-review-waiting = Esperando verificación ({ $count })
counselor-review-zip = Código postal { $zip }
counselor-review-verify = Verificar
counselor-review-reject = Rechazar
counselor-review-suspend = Suspender
counselor-review-reinstate = Restablecer
counselor-review-nothing = No hay nada pendiente.
counselor-review-reviewed = Revisadas
counselor-review-caption = Organizaciones ya revisadas
counselor-review-organization = Organización
counselor-review-none-yet = Ninguna todavía.
counselor-review-reason-needed = Indique un motivo: la organización lo verá.
counselor-review-refused = Esta organización está en estado «{ $status }» y no se puede cambiar de esa manera.
counselor-review-stale = Esta organización cambió sus datos desde que usted abrió esta página. No se decidió nada: vuelva a mirar lo que muestra ahora.
counselor-review-admin-barred = Un administrador suspendió o rechazó esta organización: solo un administrador puede volver a verificarla.
counselor-flash-organization-reviewed = { $name } ahora está: { $status }.

# Nombres de los grupos de la lista escolar tal como los muestra el panel.
stats-group-yes = Sí
stats-group-no = No
stats-group-not-reported = No informado
stats-group-male = Masculino
stats-group-female = Femenino
stats-group-another-gender = Otro género
stats-group-american-indian-or-alaska-native = Indígena americano o nativo de Alaska
stats-group-asian = Asiático
stats-group-black-or-african-american = Negro o afroamericano
stats-group-native-hawaiian-or-pacific-islander = Nativo de Hawái o de otras islas del Pacífico
stats-group-white = Blanco
stats-group-hispanic-or-latino = Hispano o latino
stats-group-two-or-more-races = Dos o más razas

# Exportaciones CSV: encabezados (`lang=en|es` en el enlace de exportación los elige).
csv-dimension = dimensión
csv-group = grupo
csv-students = estudiantes
csv-engagement-rate = tasa_participacion
csv-engagement-gap = brecha_participacion
csv-placement-rate = tasa_practicas
csv-placement-gap = brecha_practicas
csv-completion-rate = tasa_completadas
csv-completion-gap = brecha_completadas
csv-belonging-change = cambio_pertenencia
csv-key = clave
csv-student-id = id_estudiante
csv-name = nombre
csv-grade = grado
csv-school = escuela
csv-status = estado
csv-account-claimed = cuenta_activada
csv-yes = sí
csv-no = no
csv-error-lang = «lang» debe ser en o es.

# Problemas de una lista escolar subida (los nombres de columna quedan como los escribe OneRoster).
roster-error-not-utf8 = Este archivo no es texto UTF-8 ni Windows-1252. Guárdelo como CSV UTF-8 y vuelva a subirlo.
roster-error-zip-archive = Este archivo es un archivo comprimido (zip), no un archivo CSV (los sistemas de información estudiantil suelen entregar OneRoster en un solo zip). Ábralo y suba los archivos CSV que contiene: orgs.csv, users.csv y, si los tiene, demographics.csv y manifest.csv.
roster-error-workbook = Este archivo es un libro de Excel, no un archivo CSV. Ábralo en Excel, guárdelo como "CSV UTF-8" y suba ese archivo.
roster-error-school-emptied = users.csv no incluye ningún estudiante activo de { $name } ({ $id }) y, { $moved ->
    [0] como lista completa, dejaría inactivos a { $count ->
        [one] 1 estudiante
       *[other] { $count } estudiantes
    } de la escuela, y a sus tutores con ellos.
   *[other] sin embargo, sacaría de la escuela a { $count ->
        [one] 1 estudiante
       *[other] { $count } estudiantes
    }, { $moved } de ellos trasladándolos a otra escuela de orgs.csv (cuyos orientadores verían entonces sus expedientes).
} Esto ocurre con una exportación mal filtrada (el período o la escuela equivocados, solo el personal): revise la exportación y vuelva a subirla. Para dejar estudiantes inactivos a propósito, incluya a cada uno con enabledUser false o status tobedeleted.
roster-error-many-inactive = { $moved ->
    [0] Esta lista dejaría inactivos de una vez a { $count } de los { $active } estudiantes activos de { $name } ({ $id }), y a sus tutores que no figuran en ella.
   *[other] Esta lista sacaría de una vez a { $count } de los { $active } estudiantes activos de { $name } ({ $id }): { $moved } de ellos trasladados a otra escuela de orgs.csv, los demás inactivos.
} Si es correcto (el fin de un curso, una escuela que cierra), confírmelo y vuelva a subir los archivos; si no, revise el filtro y la columna de escuela de la exportación (período, escuela, rol).
roster-error-many-guardians = Esta lista daría de baja de una vez { $count } de los { $active } contactos de tutor activos de estudiantes de { $name } ({ $id }) que siguen en la lista: quedarían inactivos o desvinculados de su estudiante. A cada uno se le avisaría por correo. Un users.csv sin ninguna fila de padre, madre o tutor no dice nada de los tutores y no da de baja a ninguno; uno que incluye algunos tutores y omite los demás hace esto. Si es correcto, confírmelo y vuelva a subir los archivos; si no, compruebe que la exportación incluye todos los contactos.
roster-confirm-title = Volver a subir, con confirmación
roster-confirm-hint = Elija de nuevo los mismos archivos: el navegador no puede conservarlos.
roster-confirm-inactive = { $count ->
    [one] Sí, dejar inactivo a 1 estudiante (y a sus tutores que no figuran en la lista).
   *[other] Sí, dejar inactivos a { $count } estudiantes (y a sus tutores que no figuran en la lista).
}
roster-confirm-moving = { $count ->
    [one] Sí, sacar de una vez a 1 estudiante de su escuela ({ $moved } trasladado a otra escuela de orgs.csv).
   *[other] Sí, sacar de una vez a { $count } estudiantes de sus escuelas ({ $moved } de ellos trasladados a otra escuela de orgs.csv).
}
roster-confirm-guardians = { $count ->
    [one] Sí, dar de baja 1 contacto de tutor de un estudiante que sigue en la lista (se le avisa por correo).
   *[other] Sí, dar de baja { $count } contactos de tutor de estudiantes que siguen en la lista (a cada uno se le avisa por correo).
}
roster-moved = { $count ->
    [one] 1 estudiante pasó a otra escuela de orgs.csv.
   *[other] { $count } estudiantes pasaron a otra escuela de orgs.csv.
}
roster-confirm-inactive-cli = Si es correcto, vuelva a ejecutar la importación con --confirm-inactive { $count }.
roster-cli-zip = { $path } es un archivo zip. Descomprímalo en una carpeta (unzip { $path } -d roster) y ejecute import-roster con esa carpeta: debe contener orgs.csv y users.csv (y demographics.csv y manifest.csv si la exportación los trae).
roster-cli-not-folder = { $path } es un archivo, no una carpeta: ejecute import-roster con la carpeta que contiene orgs.csv y users.csv.
roster-encodings-title = Cómo se leyeron los archivos:
roster-encoding-utf-8 = { $file }: UTF-8.
roster-encoding-mac-roman = { $file }: Mac Roman (no UTF-8: el «CSV (Macintosh)» de Excel para Mac). Compruebe que los nombres con acentos se leen bien; «CSV UTF-8» evita la duda.
roster-encoding-windows-1252 = { $file }: Windows-1252 (no UTF-8: el "CSV" simple de Excel). Compruebe que los nombres con tilde se leen bien; "CSV UTF-8" evita la duda.
roster-error-empty = El archivo está vacío: necesita una línea de encabezado y filas.
roster-error-header = No se puede leer la línea de encabezado: { $detail }.
roster-error-oneroster-12 = Parece una exportación de OneRoster 1.2 (tiene primaryOrgSourcedId). STEMbridge lee OneRoster 1.1: elija la versión 1.1 al exportar desde su sistema de información estudiantil.
roster-error-clever = Parece el formato propio de Clever (tiene Student_id o School_id). Exporte en su lugar archivos OneRoster 1.1 desde su sistema de información estudiantil.
roster-error-missing-columns = Faltan columnas: { $columns }.
roster-error-missing-columns-separator = Faltan columnas: { $columns }. Los valores de este archivo están separados por { $separator ->
    [tab] tabulaciones
   *[semicolon] punto y coma
}, y a su línea de encabezado, leída así, le faltan.
roster-error-values = Se esperaban { $expected } valores y hay { $found }.
roster-error-line = No se puede leer esta línea: { $detail }.
roster-error-boolean = { $column } debe ser true o false (también se leen yes, no, Y, N, 1 y 0), no «{ $value }».
roster-error-no-id = sourcedId está vacío.
roster-error-id-long = sourcedId puede tener como máximo { $max } caracteres.
roster-error-zip = metadata.zip debe ser un código postal de EE. UU., como 60609 o 60609-1234, no «{ $value }».
roster-error-duplicate = sourcedId repetido: «{ $id }».
roster-error-school-name = name debe tener entre 1 y 200 caracteres.
roster-error-birth-date = birthDate debe ser una fecha como 2010-04-23, no «{ $value }».
roster-error-birth-date-slashes = birthDate debe ser una fecha como 2010-04-23, no «{ $value }»: con barras, una fecha puede leerse como dos días distintos. Excel escribe así las fechas cada vez que guarda: en Excel, seleccione la columna, elija Formato de celdas, Personalizada, escriba aaaa-mm-dd y guarde como «CSV UTF-8».
roster-error-sex = sex debe ser male (o M), female (o F), other (o X, nonbinary), o unspecified (o U, unknown, o vacío) si no se sabe, no «{ $value }».
roster-error-no-school = orgSourcedIds «{ $ids }» no corresponde a ninguna escuela de orgs.csv.
roster-error-grades = grades debe contener grados del 06 al 13 (como 09, 9th o Grade 9), varios separados por comas, no «{ $value }».
roster-error-names = givenName y familyName deben tener entre 1 y 100 caracteres.
roster-error-names-control = givenName y familyName no pueden contener saltos de línea, tabulaciones ni otros caracteres de control.
roster-error-names-question-mark = givenName o familyName contiene «?»: este archivo no es UTF-8 (el «CSV» simple de Excel), que no puede guardar letras fuera de los alfabetos de Europa occidental, así que Excel escribió «?» en su lugar. En Excel, elija Guardar como, «CSV UTF-8», y suba ese archivo.
roster-error-email = email «{ $value }» no es un correo electrónico como nombre@ejemplo.org.
roster-error-phone = sms y phone pueden tener como máximo 40 caracteres.
roster-error-not-your-school = Usted no está asignado a la escuela «{ $name }» ({ $id }); consulte a un administrador.
roster-error-student-elsewhere = El estudiante «{ $id }» está inscrito en una escuela a la que usted no está asignado; consulte a un administrador.
roster-error-guardian-elsewhere = El tutor «{ $id }» es contacto de un estudiante de una escuela a la que usted no está asignado; consulte a un administrador.
roster-error-source-admin-only = Solo un administrador indica la fuente de un roster. Deje la fuente vacía: sus escuelas indican de dónde viene su roster.
roster-error-source-long = La fuente del roster debe tener como máximo { $max } caracteres.
roster-error-several-districts = orgs.csv nombra varios distritos ({ $ids }), y los sourcedId solo son únicos dentro del sistema de un distrito. Importe un distrito a la vez o indique la fuente del roster (administradores: el campo Fuente, o --source en la línea de comandos).
roster-error-school-other-source = La escuela «{ $id }» figura como { $name }, del roster de la fuente «{ $source }», y este roster no indica ninguna fuente (no tiene org de distrito), así que no podemos saber si es la misma escuela. Si es el roster de ese distrito, impórtelo indicando la fuente «{ $source }» (el campo Fuente, o --source); si es de otro distrito, indique la fuente propia de ese distrito.
roster-error-student-unsourced = El estudiante «{ $id }» figura en { $school }, de un roster importado antes de que los rosters indicaran su distrito, así que no podemos saber si es el mismo estudiante. Si ese estudiante es de otro distrito, importe primero el roster de ese distrito indicando su fuente (su org de distrito, el campo Fuente o --source) para distinguirlos; si es de este distrito, incluya { $school } en este roster.
roster-error-student-other-source = El estudiante «{ $id }» figura en { $school }, del roster de la fuente «{ $source }», y este roster no indica ninguna fuente, así que no podemos saber si es el mismo estudiante. Si es el roster de ese distrito, impórtelo indicando la fuente «{ $source }» (el campo Fuente, o --source); si es de otro distrito, indique la fuente propia de ese distrito.
roster-review-names = El estudiante «{ $id }» figura como { $was }; este roster lo llama { $now }. Que cambien ambos nombres suele significar que el id pertenece ahora a otro estudiante: su fecha de nacimiento, datos demográficos, tutores, consentimiento y cuenta pasarían a { $now }.
roster-review-grade = El estudiante «{ $id }» ({ $name }) figura en el grado { $was }; este roster lo pone en el grado { $now }. Ningún estudiante baja de grado: el id puede pertenecer ahora a otro estudiante.
roster-review-school-name = La escuela «{ $id }» figura como { $was }; este roster la llama { $now }. Si es otra escuela con el mismo id, sus estudiantes y orientadores pasarían a ella.
roster-review-school-unsourced = La escuela «{ $id }» figura como { $was }, de un roster importado antes de que los rosters indicaran su distrito; este roster la llama { $now }. Al confirmar, esa escuela pasa a la fuente de este roster con sus estudiantes y los contactos de sus tutores; si es una escuela de otro distrito, no confirme: importe primero el roster de ese distrito indicando su fuente.
roster-review-hand-added = { $name } («{ $id }») tiene el mismo nombre y grado que { $records }, agregado a mano en esta escuela{ $rows ->
    [1] {""}
   *[other] {" "}(también { $rows } filas de este roster)
}, así que no podemos saber cuál es su registro. Al confirmar se agrega un registro nuevo y los agregados a mano quedan como están: confirme solo si son estudiantes distintos.
roster-review-hand-added-unproven = { $name } («{ $id }») tiene el mismo nombre y grado que { $record }, agregado a mano en esta escuela, que tiene una cuenta o tutores registrados, y no hay fecha de nacimiento en ambos lados que diga si es el mismo niño. Al confirmar, { $record } recibe el id de este roster: su cuenta e historial se mantienen, y se le agregan los tutores y la fecha de nacimiento de este roster. Si son niños distintos, no confirme: agregue la fecha de nacimiento de { $record } en su registro e importe de nuevo.
roster-review-rekeyed = { $name } figura con un nuevo id del sistema de información estudiantil (SIS) «{ $id }»; el registro existente ({ $record }, { $school }, grado { $grade }) tiene el id «{ $old }», que esta exportación { $leaving ->
    [0] ya no incluye
   *[other] da de baja
}. { $proof } Confirme para mover el registro (la cuenta, los tutores y las prácticas se quedan con él){ $moving ->
    [0] {""}
   *[other] {" "}y pasarlo a { $to }
}. Si son niños distintos, no confirme: agregue la fecha de nacimiento del registro existente en la página del estudiante (o corrija la exportación) e importe de nuevo; entonces el roster agrega un estudiante nuevo y «{ $old }» { $delta ->
    [0] queda inactivo.
   *[other] también queda como está (esta exportación es un delta).
}
roster-rekey-proof-birth-date = Tienen los mismos nombres y la misma fecha de nacimiento.
roster-rekey-proof-grade = Tienen los mismos nombres y el mismo grado, pero falta la fecha de nacimiento en uno de los dos: compruebe que es el mismo niño.
roster-rekey-proof-next-grade = Tienen los mismos nombres, y el grado del registro es uno menos, como el de todos en un nuevo año escolar, pero falta la fecha de nacimiento en uno de los dos: compruebe que es el mismo niño.
roster-review-rekeyed-ambiguous = { $name } figura con un nuevo id del sistema de información estudiantil (SIS) «{ $id }», y más de un registro podría ser suyo ({ $records }: registros cuyos ids esta exportación ya no incluye, o agregados a mano){ $rows ->
    [1] {""}
   *[other] {" "}mientras { $rows } filas de este roster podrían ser el mismo registro
}. No podemos saber cuál, así que no se mueve ningún registro, aunque confirme: el roster agrega un estudiante nuevo, y los registros que ya no incluye quedan inactivos. Si uno de ellos es este estudiante, agregue las fechas de nacimiento de los registros (o corrija la exportación) e importe de nuevo.
roster-confirm-review = { $count ->
    [one] Sí, la fila de arriba es correcta: importarla tal como está.
   *[other] Sí, las { $count } filas de arriba son correctas: importarlas tal como están.
}
roster-review-title = No se importó nada: algunas filas pueden ser otras personas u otras escuelas
roster-confirm-review-cli = Si cada fila indicada es correcta, vuelva a ejecutar la importación con --confirm-review { $count }.
roster-source-label = Fuente (opcional)
roster-source-hint = El distrito o sistema del que vienen estos archivos. Los sourcedId solo son únicos dentro del sistema de un distrito, así que un roster solo actualiza registros de su propia fuente. Déjelo vacío para usar la org de distrito de orgs.csv.
roster-source-summary = { $source ->
    [none] El roster no indica ninguna fuente (no tiene org de distrito), así que sus ids se compararon con registros sin fuente.
   *[other] Sus ids se compararon con registros de la fuente de roster «{ $source }».
}
roster-schools-adopted = { $count ->
    [one] 1 escuela importada antes de que los rosters indicaran su distrito pasó a la fuente de este roster, con sus estudiantes y los contactos de sus tutores.
   *[other] { $count } escuelas importadas antes de que los rosters indicaran su distrito pasaron a la fuente de este roster, con sus estudiantes y los contactos de sus tutores.
}
roster-adopted = { $count ->
    [one] 1 estudiante agregado a mano se emparejó con su fila del roster por nombre y grado: el registro tomó el id del roster (nada se cuenta dos veces).
   *[other] { $count } estudiantes agregados a mano se emparejaron con sus filas del roster por nombre y grado: cada registro tomó el id del roster (nada se cuenta dos veces).
}
roster-rekeyed = { $count ->
    [one] 1 estudiante con un nuevo id del sistema de información estudiantil (SIS) conservó su registro, como usted confirmó: tomó el id nuevo, con su cuenta, tutores y prácticas, y el registro no quedó inactivo (nadie se cuenta dos veces).
   *[other] { $count } estudiantes con nuevos ids del SIS conservaron sus registros, como usted confirmó: cada uno tomó su id nuevo, con su cuenta, tutores y prácticas, y los registros no quedaron inactivos (nadie se cuenta dos veces).
}
counselor-code-already-claimed = Este estudiante ya activó su cuenta.
counselor-error-status = Estado desconocido: «{ $value }».
counselor-error-grade = «grade» debe ser un número.
counselor-error-group = Grupo desconocido: «{ $value }».
counselor-error-group-shape = “group” debe tener la forma low_income:Yes.
counselor-error-upload = No se pudo leer el archivo subido: { $detail }.
counselor-error-upload-too-large = El archivo subido pesa más de { $max } MB. Suba los archivos de una escuela a la vez, o pida a un administrador que importe la lista desde la línea de comandos.
counselor-roster-optional = (opcional)
counselor-roster-demographics-hint = Sin este archivo, los datos demográficos ya guardados se quedan como están.
counselor-roster-manifest-hint = Envíelo cuando su sistema lo exporte: un manifiesto que marca users.csv como delta (solo las personas que cambiaron) deja como están a todas las personas que no incluye, en vez de marcarlas como fuera de la lista.
counselor-error-choose-school = Elija una escuela.
counselor-error-choose-grade = Elija un grado.

# Cambios de nombre solicitados y organizaciones que se parecen a una suspendida o rechazada.
counselor-change-waiting = Cambios de nombre y sitio web solicitados ({ $count })
counselor-change-nothing = No hay ningún cambio pendiente.
counselor-change-name = Nombre
counselor-change-website = Sitio web
counselor-change-from-to = «{ $old }» → «{ $new }»
counselor-change-approve = Aprobar el cambio
counselor-change-decline = Rechazar el cambio
counselor-change-gone = Este cambio ya se decidió, o la organización ha pedido otro desde entonces. No se cambió nada: vuelva a mirar la lista.
counselor-flash-change-approve = Se aprobó el cambio: la organización ahora se llama { $name }.
counselor-flash-change-decline = Se rechazó el cambio: la organización se sigue llamando { $name }.
counselor-lookalike-heading = Se parece a una organización que fue suspendida o rechazada:
counselor-lookalike-item = { $name }, { $status }.
counselor-lookalike-reason = Motivo: { $reason }
counselor-lookalike-same = Mismo dato:
counselor-lookalike-same-name = nombre
counselor-lookalike-same-website = sitio web
counselor-lookalike-same-email = dominio del correo
counselor-lookalike-admin-decides = Puede ser la misma organización que vuelve: solo un administrador puede verificarla o aprobar este cambio.
counselor-lookalike-needs-admin = Esta organización se parece a una que fue suspendida o rechazada: solo un administrador puede verificarla o aprobar este cambio.
