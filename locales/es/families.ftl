# Familias: contactos de tutores, fechas de nacimiento, consentimiento.

families-roster-summary = Tutores: { $created ->
    [one] 1 nuevo
   *[other] { $created } nuevos
}, { $updated ->
    [one] 1 actualizado
   *[other] { $updated } actualizados
}, { $deactivated ->
    [one] 1 ya no está en la lista (queda inactivo)
   *[other] { $deactivated } ya no están en la lista (quedan inactivos)
}.
families-accepted = Oferta aceptada: ¡te damos la bienvenida!
families-guardian-added-asked = Contacto del tutor agregado. Una práctica de este estudiante espera el consentimiento: se envió una solicitud de consentimiento al nuevo contacto.
families-guardian-added = Contacto del tutor agregado.
families-guardian-corrected = Contacto del tutor guardado.
families-birth-date-saved = Fecha de nacimiento guardada.
families-resend-too-soon = El correo de consentimiento se envió hace menos de { $minutes } minutos. Espera un poco antes de pedirlo de nuevo.
families-resend-wait-day = El correo de consentimiento se envió dos veces en el último día, y el enlace del más antiguo de los dos todavía funciona para tu madre, padre o tutor: un correo nuevo lo anularía. Puedes pedirlo de nuevo desde el { $when }.
families-resend-enough = Tu familia ya recibió { $count } veces el correo de consentimiento de esta práctica, así que no se puede enviar de nuevo desde aquí. Habla con tu orientador: puede enviarlo de nuevo, llamar a tu familia o ayudarte con un formulario de consentimiento en papel.
families-resend-org-not-verified = No se envió el correo de consentimiento: la organización de esta práctica no está verificada en STEMbridge por ahora. Se podrá enviar de nuevo cuando la organización esté verificada.
families-consent-not-pending = Esta práctica ya no está esperando consentimiento.
families-resend-adult = Según los registros de la escuela, el estudiante tiene 18 años o más el primer día de la práctica: no se pregunta a la familia. Un orientador puede iniciar la práctica desde el expediente del estudiante.
families-resend-left = La lista de la escuela ya no incluye al estudiante: no se envía ninguna solicitud de consentimiento.
families-no-guardian-email = Ningún tutor de este estudiante tiene un correo electrónico registrado. Un orientador puede agregarlo o registrar un formulario de consentimiento en papel.
families-decline-reason = El tutor explicó por qué no dio su consentimiento: { $reason }
families-err-guardian-is-staff = Esta dirección inicia sesión en una cuenta de personal o de empleador de STEMbridge. El consentimiento debe venir de un tutor: escriba la dirección de correo propia del tutor, o déjela vacía y use el formulario de consentimiento en papel.
families-err-guardian-is-student = Esta dirección es la dirección de inicio de sesión de un estudiante. El consentimiento debe darlo un tutor: escriba el correo del propio tutor, o déjelo vacío y use el formulario de consentimiento en papel.
families-err-guardian-unfit = Esta dirección no puede recibir el correo de consentimiento para este estudiante. El consentimiento debe darlo un tutor: escriba el correo del propio tutor, o déjelo vacío y use el formulario de consentimiento en papel.
families-err-shared-contact = Este contacto también es tutor de un estudiante de una escuela que usted no atiende, así que cambiarlo aquí cambiaría aquello en lo que esa escuela confía. Pida al administrador de STEMbridge de su distrito que lo corrija, o agregue un contacto nuevo para este estudiante.
families-err-changed-meanwhile = Alguien cambió este contacto después de que usted abrió la página, así que no se guardó nada. Vuelva a cargar el expediente del estudiante para ver el cambio y, si todavía hace falta, haga el suyo de nuevo.
families-resent = El correo de consentimiento se envió de nuevo.

families-profile-birth-date = Fecha de nacimiento: { $date }.
families-profile-no-birth-date = Tu escuela no ha registrado tu fecha de nacimiento, así que cuentas como menor de 18 años.
families-profile-birth-date-who = Solo tu escuela puede cambiarla: pregunta a tu orientador si no es correcta.

families-record-birth-date = Fecha de nacimiento
families-record-no-birth-date = Desconocida: este estudiante cuenta como menor de 18 años.
families-record-birth-date-label = Fecha de nacimiento (deje vacío si no se conoce)
families-record-birth-date-save = Guardar la fecha de nacimiento
families-record-placements = Prácticas
families-record-consent-by = consentimiento: { $guardian }
families-record-paper-by = formulario en papel registrado por { $counselor }
families-record-link-to = respondido con el enlace enviado a { $email }
families-record-no-placements = Todavía no hay prácticas.
families-record-guardians = Tutores
families-record-no-guardians = Todavía no hay contactos de tutores.
families-guardian-inactive = inactivo
families-guardian-inactive-hint = No es un contacto de la familia: la escuela quitó a esta persona de los contactos a los que llama y escribe. No la llame ni le escriba sobre el estudiante.
families-field-given-name = Nombre
families-field-family-name = Apellido
families-field-email = Correo electrónico
families-field-phone = Teléfono
families-field-language = Idioma de los mensajes
families-field-active = Activo
families-active-yes = Sí
families-active-no = No (sin más mensajes)
families-guardian-save = Guardar contacto
families-guardian-add = Agregar un contacto de tutor
families-guardian-language-chosen = Esta persona eligió { $language } para nuestros correos en su propia configuración: su elección va primero, y ni la lista escolar ni este formulario la cambian.
families-guardian-language-unknown = La lista escolar no indica un idioma para este contacto: nuestros correos van en inglés hasta que se registre un idioma aquí o la persona elija uno.
families-guardian-add-button = Agregar contacto

families-consent-title = Consentimiento del tutor para { $student }
families-consent-hello = Hola, { $guardian }:
families-consent-intro = A { $student } le ofrecieron un lugar en { $organization }. Por favor, lea los detalles y díganos si está de acuerdo.
families-consent-org-on-hold = Tenga en cuenta: la organización de esta práctica no está verificada en STEMbridge por ahora, así que no se puede dar el consentimiento. Usted todavía puede rechazarlo.
families-consent-expires = Este enlace funciona una sola vez, hasta el { $date }.
families-consent-your-name = Su nombre completo
families-consent-relationship = Parentesco con el estudiante
families-consent-relationship-hint = Por ejemplo: madre, padre, abuela, tutor legal.
families-consent-decision = Su decisión
families-consent-give = Doy mi consentimiento
families-consent-decline = No doy mi consentimiento
families-consent-reason = Si no da su consentimiento, puede decirle a la escuela del estudiante por qué (solo lo leen sus orientadores)
families-consent-mail-language = Idioma de nuestros correos para usted: { $language }.
families-consent-mail-language-change = Cambiar el idioma de nuestros correos
families-consent-submit = Registrar mi decisión

families-recorded-title = Gracias: su decisión quedó registrada
families-recorded-given = Usted dio su consentimiento. La práctica puede comenzar. Si cambia de opinión, la confirmación que le enviamos por correo tiene un enlace para retirarlo en cualquier momento.
families-recorded-declined = Usted no dio su consentimiento. La práctica no se realizará.
families-recorded-link-dead = Este enlace ya no funciona.

families-link-unknown-title = Este enlace de consentimiento no es válido
families-link-unknown = Revise que copió el enlace completo del correo.
families-link-used-title = Este enlace de consentimiento ya se usó
families-link-used = Ya se registró una decisión para esta práctica, y cada enlace funciona una sola vez. Para retirar un consentimiento dado, use el enlace de la confirmación que le enviamos por correo (o de su página de ajustes de correo); para cambiar cualquier otra cosa, comuníquese con el orientador escolar del estudiante.
families-link-closed-title = Esta práctica ya no se realizará
families-link-closed = El estudiante renunció al lugar, o la escuela canceló la práctica, así que no hay nada que decidir. No tiene que hacer nada.
families-link-past-title = Las fechas de esta práctica ya pasaron
families-link-past = El último día de la práctica ya pasó, así que no queda nada que autorizar. No tiene que hacer nada; si tiene preguntas, comuníquese con la escuela del estudiante.
families-link-expired-title = Este enlace de consentimiento venció
families-link-expired = Los enlaces de consentimiento funcionan durante { $days } días, y solo cuenta el enlace del correo más reciente.
families-link-replaced-title = Un correo más reciente reemplazó este enlace
families-link-replaced = Le enviamos un enlace de consentimiento más reciente el { $date }, y solo funciona el enlace del correo más reciente. Abra el correo más reciente de STEMbridge sobre esta práctica y use su enlace.
families-link-student-title = Esta página es para la madre, el padre o el tutor
families-link-student = El consentimiento debe venir de la madre, el padre o el tutor, no de la cuenta de un estudiante. Cierra tu sesión y deja que tu tutor abra el enlace desde su propio correo.
families-link-staff-title = Esta página es para la madre, el padre o el tutor
families-link-staff = Usted tiene una sesión abierta en STEMbridge con una cuenta de la escuela o de una empresa. El consentimiento viene de la madre, el padre o el tutor, desde su propio navegador, así que este enlace no funciona mientras haya una cuenta con la sesión abierta aquí. Si usted es el tutor, cierre la sesión primero. El personal escolar que tenga un formulario firmado en papel lo registra en la página de la práctica, con su propio nombre.
families-link-adult-title = No se necesita el consentimiento de un tutor
families-link-adult = Según los registros de la escuela, el estudiante tiene 18 años o más el primer día de la práctica, así que la decisión es del estudiante. No tiene que hacer nada.
families-link-left-title = Esta práctica espera a la escuela
families-link-left = La lista de la escuela ya no incluye al estudiante, así que no hay nada que decidir con este enlace. No tiene que hacer nada; si tiene preguntas, comuníquese con la escuela del estudiante.
families-link-help = Para recibir un enlace nuevo, el estudiante puede pedir que se envíe el correo otra vez desde la página de su práctica, o el orientador de la escuela puede enviarlo de nuevo o registrar un formulario en papel.

families-student-needs-consent = Como tienes menos de 18 años (o tu escuela no ha registrado tu fecha de nacimiento), tu madre, padre o tutor debe dar su consentimiento antes de que empieces.
families-student-links-dead = Ese enlace ya no funciona. Puedes pedir que se envíe el correo de nuevo.
families-student-waiting = Esperando el consentimiento de tu tutor, enviado a { $email } el { $date }.
families-student-queued = Esperando el consentimiento de tu tutor: el correo a { $email } (pedido el { $date }) todavía no ha salido. Se envía en cuanto nuestro servidor de correo lo acepte.
families-student-undelivered = No se pudo entregar el correo de consentimiento a { $email } del { $date }. Puedes pedir que se envíe de nuevo o pedir ayuda a tu orientador.
families-student-held-back = El correo de consentimiento a { $email } (pedido el { $date }) está retenido mientras el distrito escolar revisa la organización. La dirección no tiene ningún problema y este correo no cuenta entre los tuyos: tu tutor recibirá un correo de consentimiento cuando termine la revisión.
families-student-resend-under-review = Mientras la organización está en revisión, no se envía ningún correo de consentimiento. Tu tutor recibirá uno cuando termine la revisión.
families-student-no-guardian-email = Tu escuela no tiene el correo electrónico de ninguno de tus tutores. Tu orientador te ayudará con un formulario de consentimiento en papel.
families-student-resend = Enviar de nuevo el correo a mi tutor
families-student-resend-hint = Puedes pedirlo { $minutes } minutos después del último correo, dos veces al día como máximo (así el enlace que ya tiene tu madre, padre o tutor sigue funcionando un día), y hasta { $most } correos en total.
families-student-consent-given = Consentimiento del tutor: { $guardian }

families-counselor-title = Prácticas que esperan el consentimiento del tutor
families-counselor-intro = Cada tutor con correo electrónico recibió un enlace de consentimiento. Cuando un tutor entregue un formulario en papel, regístrelo aquí.
families-counselor-held-back = Correo de consentimiento a { $email } del { $date }: retenido mientras la organización está en revisión (la dirección no tiene ningún problema y no cuenta para ningún límite). Se escribirá al tutor cuando la organización vuelva a estar verificada.
families-counselor-resend-under-review = No se puede enviar ningún correo de consentimiento mientras la organización está en revisión; se escribirá a los tutores cuando vuelva a estar verificada.
families-counselor-links-dead = Ninguno de estos enlaces funciona ya: vencieron, o el contacto del tutor cambió desde entonces. Envíe el correo de nuevo o registre un formulario en papel.
families-counselor-sent = Correo de consentimiento enviado a { $email } el { $date }.
families-counselor-queued = Correo de consentimiento a { $email } del { $date }: todavía no se ha enviado (espera al servidor de correo).
families-counselor-undelivered = No se pudo entregar el correo de consentimiento a { $email } del { $date }. Revise la dirección, envíelo de nuevo o registre un formulario en papel.
families-counselor-no-email = Ningún tutor de este estudiante tiene un correo al que pueda ir un enlace de consentimiento (la dirección de inicio de sesión de un estudiante o del personal no cuenta): registre un formulario en papel o agregue un contacto.
families-counselor-add-contact = Abrir el expediente del estudiante
families-counselor-resend = Enviar de nuevo el correo de consentimiento
families-counselor-none = Ninguna práctica está esperando consentimiento.
families-paper-guardian = Nombre completo del tutor
families-paper-relationship = Parentesco
families-paper-decision = Decisión en el formulario
families-paper-given = Consentimiento dado
families-paper-declined = Consentimiento negado
families-paper-record = Registrar el consentimiento en papel

families-roster-warnings-title = Importado, con { $count ->
    [one] una referencia
   *[other] { $count } referencias
} para revisar
families-roster-warning-corrected-address = { $file }, línea { $line }: un orientador corrigió a mano la dirección de correo de { $id }, y esta lista todavía tiene otra. Se conserva la dirección del orientador y el correo de consentimiento va allí. Si la lista tiene razón, cambie la dirección en el registro del estudiante; si no, corríjala en el sistema de información estudiantil.
families-roster-warning-removed-address = { $file }, línea { $line }: { $id } es una dirección que un orientador quitó a mano de un contacto de tutor, así que este contacto nuevo se añade sin ella y no recibe correos de consentimiento. Si la dirección es correcta, añádala en el registro del estudiante.
families-roster-warning-staff-address = { $file }, línea { $line }: la dirección del tutor { $id } inicia sesión en una cuenta de personal o de empleador, así que no se enviará allí ningún correo de consentimiento. Pida a la familia su propia dirección o use el formulario de consentimiento en papel.
families-roster-warning-guardian = { $file }, línea { $line }: agentSourcedIds nombra a “{ $id }”, que no está en { $file }, así que no se vinculó ningún tutor por esa referencia.
families-roster-warning-student = { $file }, línea { $line }: agentSourcedIds nombra a “{ $id }”, que no está en { $file }, así que este tutor no se vinculó con ese estudiante.
families-roster-warning-grade = { $file }, línea { $line }: el estudiante “{ $id }” no está en un grado que STEMbridge atiende (de 6.º grado en adelante), así que se dejó fuera.
families-roster-warning-demographics = { $file }, línea { $line }: “{ $id }” no está en users.csv, así que esta fila se dejó fuera.
families-roster-warning-zip = { $file }, línea { $line }: el código postal de la escuela tiene menos de 5 dígitos, así que se leyó como { $id } (una hoja de cálculo quita los ceros iniciales de códigos como 02134). Si ese no es el código postal de la escuela, corríjalo en el sistema de información estudiantil.
families-roster-warning-language = { $file }, línea { $line }: metadata.language “{ $id }” no es un idioma que reconozcamos; se guardó tal como está escrito y este tutor recibirá los mensajes en inglés. Escríbalo como un código, por ejemplo es o spa, o como un nombre, por ejemplo Spanish o Español.
families-roster-warning-schools = { $file }, línea { $line }: el estudiante figura en varias escuelas ({ $id }). En STEMbridge cada estudiante pertenece a una escuela: si ya está en una de las indicadas, se queda allí; si es nuevo, va a la primera.
families-roster-warning-adopted = { $file }, línea { $line }: { $id }, agregado a mano, tiene el mismo nombre y grado en esta escuela, así que ese registro tomó el sourcedId de esta fila (su cuenta e historial se mantienen; nadie se cuenta dos veces). Si son estudiantes distintos, avise a un administrador.
families-roster-warning-rekeyed = { $file }, línea { $line }: { $id } tomó el nuevo sourcedId de esta fila en lugar del que figura entre paréntesis, como se confirmó: su cuenta, tutores y prácticas se quedan con el registro.
families-roster-warning-guardian-rekeyed = { $file }, línea { $line }: el contacto de tutor { $id } tomó el nuevo sourcedId de esta fila en lugar del que figura entre paréntesis: los mismos nombres y dirección, vinculado al mismo estudiante. Su idioma, consentimiento y preferencias de correo se quedan con el contacto, y no se avisa a la familia de un contacto nuevo.
families-roster-warning-school-other-source = { $file }, línea { $line }: el roster de otro distrito tiene una escuela con el mismo sourcedId ({ $id }); la escuela de este roster se guardó como una escuela aparte. Si es la misma escuela, importe este roster indicando esa fuente.
families-roster-warning-columns = { $file }, línea { $line }: el archivo no tiene la columna { $id }, así que lo registrado de cada estudiante se queda como estaba. (Una columna presente con la celda vacía borra el valor.)
families-roster-warning-race-columns = { $file }, línea { $line }: el archivo no tiene la columna { $id }. La raza y el origen étnico se leen de las columnas que tiene; un estudiante sin marca en ninguna de ellas conserva lo registrado, y sin hispanicOrLatinoEthnicity no se lee nada.
families-roster-more-warnings = … y { $more } más.
families-roster-warnings-hint = Las exportaciones a menudo omiten a los tutores que no aceptaron compartir sus datos. Un estudiante sin contacto de tutor sigue el camino del consentimiento en papel; puedes agregar un contacto en el expediente del estudiante.
# A birth date changed after a placement went ahead without consent.
families-consent-needed-again = Tu práctica «{ $title }» queda en pausa hasta que tu madre, padre o tutor dé su consentimiento: tu escuela actualizó tu fecha de nacimiento. Enviamos un correo a tus tutores.
families-consent-needed-again-employer = La práctica de un estudiante en «{ $title }» queda en pausa hasta que su tutor dé su consentimiento. No la empiece ni la continúe hasta que vuelva a aparecer como activa.
families-birth-date-saved-placements = Fecha de nacimiento guardada.{ $waiting ->
    [0] {""}
    [one] {" "}Una práctica de este estudiante espera ahora el consentimiento del tutor: los tutores con correo electrónico recibieron un enlace (vea Formularios de consentimiento).
   *[other] {" "}{ $waiting } prácticas de este estudiante esperan ahora el consentimiento del tutor: los tutores con correo electrónico recibieron un enlace (vea Formularios de consentimiento).
}{ $started ->
    [0] {""}
    [one] {" "}Una práctica ya no espera el consentimiento: el estudiante tiene 18 años al empezar, así que está activa y sus enlaces de consentimiento ya no funcionan.
   *[other] {" "}{ $started } prácticas ya no esperan el consentimiento: el estudiante tiene 18 años al empezar, así que están activas y sus enlaces de consentimiento ya no funcionan.
}
families-consent-not-needed = Tu práctica «{ $title }» ya no espera el consentimiento de un tutor: tu escuela actualizó tu fecha de nacimiento y tendrás 18 años al empezar. Está activa.
families-consent-not-needed-employer = La práctica de un estudiante en «{ $title }» ya no necesita el consentimiento de un tutor y está activa.
families-roster-consent-adults = { $count ->
    [one] Una práctica sigue esperando el consentimiento del tutor aunque, por una fecha de nacimiento cambiada, el estudiante tiene 18 años al empezar: una lista nunca inicia una práctica; un orientador puede iniciarla desde el expediente del estudiante
   *[other] { $count } prácticas siguen esperando el consentimiento del tutor aunque, por fechas de nacimiento cambiadas, los estudiantes tienen 18 años al empezar: una lista nunca inicia una práctica; un orientador puede iniciar cada una desde el expediente del estudiante
}.
families-roster-guardians-unlisted = users.csv no tiene filas de padres ni tutores, así que no dice nada de los tutores: todos los contactos de tutor y sus vínculos quedaron como estaban.
families-roster-consent-requested = { $count ->
    [one] Se envió una solicitud de consentimiento para una práctica, a tutores con un contacto o una dirección nuevos en esta lista
   *[other] Se enviaron solicitudes de consentimiento para { $count } prácticas, a tutores con un contacto o una dirección nuevos en esta lista
} (vea Formularios de consentimiento).
families-roster-consent-resent = { $count ->
    [one] Se volvió a enviar una solicitud de consentimiento para una práctica: la anterior a la misma dirección no se pudo entregar
   *[other] Se volvieron a enviar solicitudes de consentimiento para { $count } prácticas: las anteriores a las mismas direcciones no se pudieron entregar
} (vea Formularios de consentimiento). A una dirección cuyo servidor de correo rechaza nuestros correos de forma definitiva no se le vuelve a escribir hasta que cambie.
families-guardian-bounced = El servidor de correo de { $email } rechazó nuestros correos de forma definitiva el { $date }, así que no se envía allí ningún correo hasta que cambie la dirección. Corrija la dirección, vuelva a intentarlo si la familia dice que funciona, o registre un formulario de consentimiento en papel en la página de formularios de consentimiento.
families-counselor-bounced = El servidor de correo de { $email } rechazó nuestros correos de forma definitiva el { $date }: no se envía allí ningún correo hasta que cambie la dirección. Registre un formulario de consentimiento en papel, o corrija la dirección (o vuelva a intentarlo) en el registro del estudiante.
families-retry-address = Volver a intentar con esta dirección
families-retry-done = Volveremos a escribir a esta dirección. { $asked ->
    [0] Ninguna práctica espera el consentimiento de esta familia.
    [one] Se le envió por correo una solicitud de consentimiento para la práctica que espera consentimiento.
   *[other] Se le envió por correo una solicitud de consentimiento para { $asked } prácticas que esperan consentimiento.
} Si su servidor de correo vuelve a rechazar nuestros correos, el registro lo indicará.
families-retry-not-refused = Esta dirección no está marcada como rechazada (cambió, o un colega ya pidió volver a intentarlo): no hay nada que volver a intentar.
families-resend-bounced = No se envió ningún correo de consentimiento: el servidor de correo de { $email }, la única dirección registrada de los tutores de este estudiante, rechazó nuestros correos de forma definitiva el { $date }. Corrija la dirección en el registro del estudiante (o vuelva a intentarlo allí si la familia dice que funciona), o registre un formulario de consentimiento en papel.
families-roster-consent = { $count ->
    [one] Una práctica espera ahora el consentimiento del tutor porque cambió una fecha de nacimiento
   *[other] { $count } prácticas esperan ahora el consentimiento del tutor porque cambiaron fechas de nacimiento
} (vea Formularios de consentimiento).
families-birth-date-confirm-start = Esta fecha hace que el estudiante tenga 18 años al empezar una práctica que espera el consentimiento del tutor, así que guardarla la inicia sin consentimiento. Si la fecha es correcta, marque «Iniciarla sin el consentimiento de un tutor» y guarde de nuevo; no se guardó nada.
families-birth-date-org-not-verified = Esta fecha hace que el estudiante tenga 18 años al comienzo de “{ $title }”, lo que la iniciaría sin el consentimiento de un tutor, pero la organización que la recibe está en revisión y no está verificada en este momento: ninguna práctica comienza allí, con consentimiento o sin él. No se guardó nada. Guarde la fecha de nuevo cuando la organización esté verificada.
families-record-start-without-consent = Iniciarla sin el consentimiento de un tutor si esta fecha hace que el estudiante tenga 18 años al empezar una práctica en espera
families-consent-held = Tu práctica «{ $title }» queda en pausa hasta que tu madre, padre o tutor vuelva a dar su consentimiento: tu familia pidió al distrito revisar un cambio de sus datos de contacto. Tu escuela se comunicará contigo.
families-report-title = ¿Un cambio que usted no pidió?
families-report-intro = Su escuela cambió a quién escribe sobre un estudiante del contacto { $name }: dejó de escribir a esta dirección o añadió otro contacto.
families-report-what-happens = Si usted no lo pidió, repórtelo. Se avisa a los administradores del distrito, no solo a la escuela. Hasta que revisen el contacto con su familia, nadie podrá dar consentimiento por correo para ese estudiante, y una práctica que empezó con un consentimiento dado por correo desde el cambio queda en pausa. El contacto no se devuelve a esta dirección: lo decide un administrador.
families-report-button = Reportar: no pedí esto
families-report-if-you-asked = Si usted pidió este cambio a la escuela, no tiene que hacer nada.
families-reported-title = Gracias: se avisó al distrito
families-reported-done = Su reporte llegó a los administradores del distrito. El consentimiento por correo para el estudiante queda retenido hasta que revisen el contacto con su familia. No tiene que hacer nada más aquí.
families-reported-already = Este cambio ya fue reportado; se avisó a los administradores del distrito. No tiene que hacer nada más.
families-hold-cleared = Se levantó la retención del consentimiento por correo. { $asked ->
    [0] Ninguna práctica espera consentimiento.
    [one] Se volvió a pedir el consentimiento a los tutores para una práctica.
   *[other] Se volvió a pedir el consentimiento a los tutores para { $asked } prácticas.
}
families-hold-none = El consentimiento por correo para este estudiante no está retenido.
families-record-held = Retenido: una familia reportó como no deseado un cambio de contacto de tutor (reportado el { $date }). No se envía ningún enlace de consentimiento para este estudiante hasta que un administrador revise los contactos con la familia y levante la retención; todavía se puede registrar un formulario en papel.
families-record-held-admin = Levantar la retención
families-language-not-known = No se sabe
families-language-mail-in-english = { $language } (correo en inglés)
families-guardian-language-not-written = La escuela registra { $language } para esta familia. STEMbridge todavía no escribe correos completos en { $language }: los nuestros les llegan en inglés, con una línea arriba en { $language } sobre cómo recibir ayuda en su idioma. Las páginas que abren nuestros enlaces también muestran esa línea. Comuníquese con ellos por medio del intérprete de la escuela para todo lo que necesite respuesta, como el consentimiento.
families-guardian-language-english-only = La escuela registra { $language } para esta familia, y no tenemos ninguna línea en { $language }: reciben nuestros correos solo en inglés, sin nada en un idioma que lean. Necesitan un intérprete: llámelos por medio del intérprete de la escuela y, para el consentimiento, revise con ellos el formulario en papel junto con el intérprete y regístrelo en la página de prácticas.
families-guardian-language-signed = La escuela registra { $language } para esta familia: no tiene forma escrita, así que nuestros correos les llegan en inglés, que sí leen.
families-guardian-signed-interpreter = Las reuniones y las llamadas necesitan un intérprete de lengua de señas (una llamada, por medio de un servicio de video retransmisión); nunca le pida al estudiante que interprete.
families-counselor-language-not-written = El idioma del hogar de un tutor es { $language }: el correo de consentimiento se envió en inglés con una línea en { $language }. Un intérprete puede ayudarle a responder.
families-counselor-language-english-only = El idioma del hogar de un tutor es { $language }: no tenemos ninguna línea en { $language }, así que el correo de consentimiento se envió solo en inglés. Llámelo por medio de un intérprete, o revise con él el formulario en papel junto con un intérprete.
families-counselor-language-signed = El idioma del hogar de un tutor es { $language }, que no tiene forma escrita: una reunión o una llamada sobre este consentimiento necesita un intérprete de lengua de señas.
families-counselor-held = El consentimiento por correo está retenido: una familia reportó un cambio de contacto de tutor. Un administrador debe revisarlo primero con la familia; todavía se puede registrar un formulario en papel.
families-counselor-open-record = Abrir el expediente del estudiante
families-roster-unwritten-languages = El idioma del hogar de algunas familias es uno en el que STEMbridge todavía no escribe correos completos. Reciben nuestros correos en inglés con una línea arriba en su idioma sobre cómo recibir ayuda en él, o solo en inglés cuando la lista de abajo dice que no tenemos ninguna línea en ese idioma; la escuela puede comunicarse con ellas por medio de un intérprete, sobre todo para el consentimiento.
families-roster-unwritten-language = { $language }: { $count ->
    [one] 1 tutor
   *[other] { $count } tutores
}
families-roster-unwritten-language-english-only = { $language }, solo en inglés (no tenemos ninguna línea en { $language }): { $count ->
    [one] 1 tutor
   *[other] { $count } tutores
}
families-roster-unwritten-language-signed = { $language }, en inglés, que sí leen (no tiene forma escrita; las reuniones y las llamadas necesitan un intérprete de lengua de señas): { $count ->
    [one] 1 tutor
   *[other] { $count } tutores
}
families-held-admin-only = Una familia reportó un cambio de contacto de tutor para este estudiante, así que el consentimiento está retenido: solo un administrador puede registrar el consentimiento o iniciar una práctica sin él hasta que se levante la retención.
families-link-held-title = El consentimiento para este estudiante está retenido
families-link-held = Un padre, madre o tutor reportó un cambio de datos de contacto que no pidió, así que el consentimiento por correo espera hasta que los administradores del distrito revisen los contactos con la familia. Ellos se comunicarán; no tiene que pedir un enlace nuevo a la escuela.
families-resend-held = Una familia reportó un cambio de contacto de tutor para este estudiante, así que no se envía ningún correo de consentimiento hasta que un administrador lo revise con la familia.
families-student-consent-held = Tu familia pidió al distrito revisar un cambio de sus datos de contacto, así que por ahora no se envía ningún correo de consentimiento. El distrito se comunicará con tu familia.
# The admins' list of students whose email consent a family's report holds.
families-holds-title = Consentimiento por correo retenido
families-holds-intro = Cada estudiante de esta lista tiene el consentimiento por correo retenido porque una familia reportó un cambio de contacto de tutor que no pidió. Revise los contactos con la familia por un medio que la escuela no controle, corríjalos si hace falta y luego levante la retención en el expediente del estudiante. Los más antiguos primero; cada administrador recibe un recordatorio por correo, una vez al día, de las retenciones de más de { $days } días.
families-holds-search = Buscar un estudiante (nombre o número)
families-holds-search-submit = Buscar
families-holds-caption = Estudiantes con el consentimiento por correo retenido, los más antiguos primero
families-holds-col-student = Estudiante (abre el expediente, donde se levanta la retención)
families-holds-col-school = Escuela
families-holds-col-since = Retenido desde
families-holds-col-notices = Avisos reportados
families-holds-notice = { $guardian }: el aviso enviado el { $sent } a { $email }, reportado el { $reported }
families-holds-notice-gone = Un contacto que ya no está en el registro: el aviso enviado el { $sent } a { $email }, reportado el { $reported }
families-holds-none = Ningún estudiante tiene el consentimiento por correo retenido.
families-holds-none-found = Ningún estudiante con retención coincide con esta búsqueda.
families-holds-pages = Páginas de estudiantes con retención
families-holds-link = Consentimiento por correo retenido (reportes de familias)

# Un tutor retira su consentimiento (placements::withdrawal).
families-withdraw-title = Retirar el consentimiento para la práctica de { $student }
families-withdraw-intro = Puede retirar el consentimiento dado para la práctica de { $student }, “{ $title }” con { $organization }. La práctica termina en ese momento y { $student } ya no debe ir allí. Se avisa a { $student }, a la organización y a la escuela de { $student }, { $school }, y cada padre, madre o tutor registrado recibe un correo que dice quién lo retiró.
families-withdraw-dates = La práctica va del { $start } al { $end }.
families-withdraw-date = La práctica es el { $date }.
families-withdraw-confirm = Retiro mi consentimiento: { $student } no participará en esta práctica.
families-withdraw-note-hint = Solo la escuela lee esto.
families-withdraw-submit = Retirar el consentimiento
withdraw-note = Algo que quiera que la escuela sepa
withdraw-error-confirm = Marque la casilla para confirmar que retira su consentimiento.
families-withdraw-unknown-title = Este enlace no funciona
families-withdraw-unknown = Puede estar incompleto, o la escuela cambió los datos de contacto de la familia después de que lo enviamos. Para retirar el consentimiento, comuníquese con la escuela del estudiante.
families-withdraw-closed-title = Esta práctica ya terminó
families-withdraw-closed = No queda ningún consentimiento que retirar. No tiene que hacer nada.
families-withdraw-adult-title = No se necesita el consentimiento de un tutor
families-withdraw-adult = Según los registros de la escuela, el estudiante tiene 18 años o más el primer día de la práctica, así que la decisión es del estudiante. Si tiene dudas, comuníquese con la escuela del estudiante.
families-withdraw-held-title = El consentimiento para este estudiante está en espera
families-withdraw-held = Un padre, madre o tutor informó un cambio de datos de contacto que no pidió, así que los administradores del distrito están revisando los contactos con la familia. Para detener esta práctica ahora, comuníquese con la escuela del estudiante.
families-withdrawn-title = Consentimiento retirado
families-withdrawn = La práctica terminó y { $student } ya no debe ir allí. Se avisó a la escuela de { $student }, { $school }. Si tiene preguntas, comuníquese con la escuela.
families-err-already-contact = Esta dirección ya figura en el registro como { $name }. Corrija ese contacto en lugar de añadir otro.

# On every page a guardian's mailed link opens (admin::contact).
families-school-contact = ¿Preguntas? Comuníquese con { $school }:

# The counselor's prompt when a family we write to in English gets a notice they must understand (families::interpreter).
families-interpreter-prompt = Llame a la familia de { $student } con un intérprete: { $guardian } lee { $language }, que no escribimos, y acaba de recibir un correo en inglés { $what }.
families-interpreter-prompt-signed = Llame a la familia de { $student } con un intérprete de lengua de señas (un servicio de video relay): { $guardian } se comunica en { $language }, y acaba de recibir un correo { $what }.
families-interpreter-what-paused = que el estudiante no debe ir a su práctica por ahora, mientras se revisa la organización
families-interpreter-what-resumed = que terminó la revisión de la organización, y lo que sigue con la práctica
families-interpreter-what-called-off = que la práctica se canceló
families-interpreter-what-paper = que la escuela registró un formulario de consentimiento en papel, pidiéndoles que avisen si no fueron ellos
families-interpreter-what-declined = que el consentimiento se rechazó con su enlace, pidiéndoles que avisen si esa no fue la decisión de la familia
families-interpreter-what-withdrawn = que el consentimiento se retiró y la práctica terminó
families-interpreter-what-reminder = un recordatorio de que todavía se necesita su consentimiento
families-interpreter-what-contact = que la escuela cambió los datos de contacto de la familia, con un botón para informarlo si no lo pidieron
families-roster-warning-decomposed-language = { $file }, línea { $line }: metadata.language “{ $id }” no es un idioma que reconozcamos; se guardó tal como está escrito y este tutor recibirá los mensajes en inglés. Sus acentos están escritos como marcas separadas después de sus letras (como escriben algunas exportaciones de Mac y copias de archivos PDF), así que puede parecer un nombre que conocemos: vuelva a escribirlo en el archivo, o escriba un código, por ejemplo es o vi.

# A consent link made moot by someone else's answer (eyes18b F8): who, without naming them.
families-link-used-yours-title = Usted ya respondió
families-link-used-yours = Usted ya respondió con otro correo que le enviamos sobre esta práctica (un recordatorio, o la solicitud enviada de nuevo), así que este enlace ya no funciona. Para retirar un consentimiento dado, use el enlace del correo de confirmación que enviamos (o su configuración de correo); para cambiar cualquier otra cosa, comuníquese con el consejero escolar del estudiante.
families-link-used-another-title = Otro padre, madre o tutor ya respondió
families-link-used-another = Otro padre, madre o tutor del estudiante ya respondió con el enlace que le enviamos, así que este enlace ya no funciona; nadie usó el suyo. Para retirar un consentimiento dado, use el enlace del correo de confirmación que enviamos (o su configuración de correo); para cambiar cualquier otra cosa, comuníquese con el consejero escolar del estudiante.
families-link-used-paper-title = La escuela registró un formulario en papel
families-link-used-paper = La escuela del estudiante registró un formulario de consentimiento en papel para esta práctica, así que este enlace ya no funciona; nadie usó el suyo. Si nadie de su familia firmó ese formulario, comuníquese de inmediato con el consejero escolar del estudiante.
