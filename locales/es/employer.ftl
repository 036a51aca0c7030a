# Las páginas del empleador (usted): organización, publicaciones, solicitantes, prácticas.

employer-status = Estado:
employer-col-title = Título
employer-col-applicants = Solicitantes
employer-col-slots-left = Cupos libres
employer-col-deadline = Fecha límite
employer-applicants-for = { $count ->
    [one] solicitante de { $title }
   *[other] solicitantes de { $title }
}
employer-slots-of = { $left } de { $slots }

employer-dashboard-pending = Su organización está esperando la verificación de un orientador o administrador. Puede preparar borradores; podrá publicarlos cuando esté verificada.
employer-dashboard-blocked = Su organización está en estado «{ $status }»{ $reason }. Comuníquese con un orientador para resolverlo.
employer-dashboard-new = Publicar una nueva oportunidad
employer-dashboard-profile = Perfil de la organización y colegas
employer-dashboard-public = Página pública
employer-dashboard-yours = Sus oportunidades
employer-dashboard-caption = Oportunidades de { $organization }, las modificadas más recientemente primero
employer-dashboard-none = Todavía no hay oportunidades.
employer-dashboard-first = Publique la primera

employer-posting-new-title = Publicar una oportunidad
employer-posting-edit-title = Editar la oportunidad
employer-posting-edit-heading = Editar «{ $title }»
employer-posting-draft-note = Se guarda como borrador; los estudiantes la ven solo después de que usted la publique.
employer-posting-what = Qué es
employer-posting-title = Título
employer-posting-description = Descripción
employer-posting-description-hint = Lo que el estudiante hará y aprenderá. Deje una línea en blanco entre párrafos. Sin números de teléfono, direcciones de correo electrónico, enlaces ni nombres de usuario de redes sociales: los estudiantes se comunican con usted a través de STEMbridge.
employer-posting-kind = Tipo
employer-posting-kind-name = Tipo
employer-posting-kind-hint = Una observación laboral dura uno o pocos días.
employer-posting-field = Campo STEM
employer-posting-field-name = Campo STEM
employer-posting-skills = Habilidades que usará el estudiante
employer-posting-skills-name = Habilidades
employer-posting-skills-hint = Por ejemplo: soldadura, Python, seguridad en el laboratorio.
employer-posting-where = Dónde
employer-posting-mode = Modalidad de trabajo
employer-posting-mode-name = Modalidad de trabajo
employer-posting-address = Dirección
employer-posting-address-name = Dirección
employer-posting-address-hint = Obligatoria salvo que el trabajo sea totalmente a distancia.
employer-posting-zip = Código postal
employer-posting-zip-hint = Sirve para mostrar a los estudiantes a qué distancia está.
employer-posting-pay = Pago
employer-posting-compensation = Tipo de pago
employer-posting-compensation-name = Tipo de pago
employer-posting-hourly-wage = Pago por hora en dólares
employer-posting-hourly-wage-name = Pago por hora
employer-posting-hourly-wage-hint = Si se paga por hora, por ejemplo 18.50.
employer-posting-stipend = Estipendio en dólares
employer-posting-stipend-name = Estipendio
employer-posting-stipend-hint = Si se paga con un estipendio: el monto total.
employer-posting-when = Cuándo
employer-posting-start-date = Fecha de inicio
employer-posting-end-date = Fecha de fin
employer-posting-end-date-hint = Para una observación laboral de un día, la misma que la fecha de inicio.
employer-posting-start-time = Hora de inicio (observaciones laborales)
employer-posting-start-time-name = Hora de inicio
employer-posting-end-time = Hora de fin (observaciones laborales)
employer-posting-end-time-name = Hora de fin
employer-posting-hours-per-week = Horas por semana
employer-posting-schedule = Horario
employer-posting-schedule-hint = Por ejemplo: martes y jueves de 4 a 6 p. m.
employer-posting-deadline = Fecha límite para solicitar
employer-posting-deadline-hint = Debe ser anterior a la fecha de inicio.
employer-posting-min-grade = Grado más bajo
employer-posting-min-grade-hint = Del 6 al 12, o 13 para universidad temprana.
employer-posting-max-grade = Grado más alto
employer-posting-min-age = Edad mínima
employer-posting-slots = Cupos (lugares en una observación laboral)
employer-posting-slots-name = Cupos
employer-posting-seats-name = Lugares
employer-posting-languages = Idiomas que habla su equipo
employer-posting-languages-hint = Códigos o nombres de idiomas separados por comas, por ejemplo: en, es, vi, hmn (hmong), ase (lengua de señas americana).
employer-posting-features = Características de acceso que ofrece
employer-posting-features-hint = Los estudiantes filtran por estas características, así que ofrezca solo lo que pueda cumplir. «Con pago» y «Se puede hacer a distancia» se marcan según el pago y la modalidad de arriba.
employer-posting-save-changes = Guardar cambios
employer-posting-save-draft = Guardar borrador
employer-posting-error-languages-empty = Indique al menos un idioma que hable el equipo, como en.
employer-posting-error-features = Una de las características de acceso no está en la lista.
employer-posting-error-end-before-start = La fecha de fin debe ser igual o posterior a la fecha de inicio.
employer-posting-error-shadow-days = Una observación laboral dura como máximo { $days } días; publique una más larga como pasantía.
employer-posting-error-deadline = La fecha límite para solicitar debe ser anterior a la fecha de inicio.
employer-posting-error-end-time = La hora de fin debe ser posterior a la hora de inicio.
employer-posting-error-grades = El grado más alto debe ser igual o mayor que el grado más bajo.
employer-posting-refused = Una publicación en estado «{ $status }» no se puede { $verb }.
employer-posting-verb-publish = publicar
employer-posting-verb-close = cerrar
employer-posting-verb-reopen = reabrir
employer-posting-verb-archive = archivar
employer-posting-verb-delete = eliminar
employer-posting-must-be-verified = Un orientador debe verificar su organización antes de que pueda publicar.
employer-posting-deadline-passed = La fecha límite para solicitar ya pasó. Edite las fechas antes de publicar.
employer-flash-draft-saved = Borrador «{ $title }» guardado. Publíquelo cuando esté listo.
employer-flash-draft-saved-before = Este formulario ya se guardó como el borrador “{ $title }”, así que no se guardó dos veces. Aquí está: haga cualquier cambio con “Editar”.
employer-flash-changes-saved = Cambios en «{ $title }» guardados.
employer-flash-posting-published = «{ $title }» se publicó.
employer-flash-posting-closed = «{ $title }» se cerró.
employer-flash-posting-reopened = «{ $title }» se reabrió.
employer-flash-posting-archived = «{ $title }» se archivó.
employer-flash-posting-deleted = «{ $title }» se eliminó.

employer-manage-applicants = Solicitantes y prácticas
employer-manage-edit = Editar
employer-manage-publish = Publicar
employer-manage-publish-later = Podrá publicar cuando un orientador verifique su organización.
employer-manage-delete = Eliminar borrador
employer-manage-close = Cerrar solicitudes
employer-manage-as-students = Verla como la ven los estudiantes
employer-manage-reopen = Reabrir
employer-manage-archive = Archivar
employer-manage-back = Volver a sus oportunidades

employer-applicants-title = Solicitantes: { $title }
employer-applicants-taken = { $taken } de { $slots } cupos ocupados.
employer-applicants-accommodations = Adaptaciones solicitadas: { $text }
employer-applicants-review = Empezar la revisión
employer-applicants-interview = Invitar a entrevista
employer-applicants-offer = Hacer una oferta
employer-applicants-reject = Rechazar solicitud
employer-applicants-none = Todavía no hay solicitantes.
employer-applicants-over = Esta solicitud ya no puede llevar a una práctica, así que lo que el estudiante envió con ella, y su grado y escuela, ya no se muestran.
employer-applicants-placements = Prácticas
employer-flash-application-moved = La solicitud pasó a: { $status }.

employer-placement-title = Práctica: { $name }
employer-hours-summary = Aprobadas: { $approved } horas. Esperando su revisión: { $pending } horas.
employer-hours-caption = Horas registradas por el estudiante
employer-hours-col-what = Lo que hizo
employer-hours-approve = Aprobar
employer-hours-reject = No aprobar
employer-flash-hours-approved = Horas aprobadas.
employer-flash-hours-rejected = Horas no aprobadas.
employer-close-heading = Cerrar la práctica
employer-close-outcome = Resultado
employer-close-communication = Comunicación (del 1 al 5)
employer-close-communication-name = Comunicación
employer-close-teamwork = Trabajo en equipo (del 1 al 5)
employer-close-teamwork-name = Trabajo en equipo
employer-close-technical = Habilidades técnicas (del 1 al 5)
employer-close-technical-name = Habilidades técnicas
employer-close-reliability = Responsabilidad (del 1 al 5)
employer-close-reliability-name = Responsabilidad
employer-close-comment = Comentario para el estudiante
employer-close-error-outcome = Indique si la práctica se completó o terminó antes de tiempo.
employer-close-not-active = Una práctica en estado «{ $status }» no se puede cerrar.
employer-close-hours-pending = { $count ->
    [one] Un registro de horas sigue
   *[other] { $count } registros de horas siguen
} esperando su revisión: { $count ->
    [one] apruébelo o rechácelo
   *[other] apruébelos o rechácelos
} primero y después cierre la práctica.
employer-flash-placement-closed = Práctica cerrada. ¡Gracias por recibir a un estudiante!

employer-org-title = Perfil de la organización
employer-org-heading = { $name }: perfil
employer-org-about = Acerca de su organización
employer-org-about-hint = Se muestra en su página pública. Sin números de teléfono, direcciones de correo electrónico, enlaces ni nombres de usuario de redes sociales: los estudiantes se comunican con usted a través de STEMbridge.
employer-org-contact-email = Correo electrónico de contacto
employer-org-contact-phone = Teléfono de contacto
employer-org-save = Guardar perfil
employer-invite-heading = Invitar a un colega
employer-invite-email = Correo electrónico del colega
employer-invite-email-hint = Recibirá un enlace para enviarle; funciona durante 14 días.
employer-invite-create = Crear invitación
employer-invited-title = Invitación creada
employer-invited-send = Envíe este enlace a { $email }. Funciona una sola vez, durante 14 días:
employer-invited-back = Volver al perfil
employer-join-title = Unirse a { $organization }
employer-join-heading = Unirse a { $organization } en STEMbridge
employer-join-invited-as = Recibió la invitación como { $email }.
employer-join-password = Contraseña
employer-join-password-hint = Al menos 10 caracteres.
employer-join-submit = Crear mi cuenta
employer-public-website = Sitio web: { $website }
employer-public-open = Oportunidades abiertas
employer-public-apply-by = solicitar antes del { $date }
employer-public-none = No hay oportunidades abiertas en este momento.
employer-flash-profile-saved = Perfil de la organización guardado.
employer-flash-welcome-registered = ¡Bienvenido! Su organización está esperando la verificación de un orientador. Mientras tanto, puede preparar borradores.
employer-posting-archived-edit = Una publicación archivada no se puede editar.

# El nombre y el sitio web de una organización verificada cambian a través de quien revisa.
employer-flash-change-waits = Perfil guardado. El nuevo nombre o sitio web espera la revisión de un orientador; mientras tanto, los estudiantes y las familias ven los verificados.
employer-org-name-reviewed = Un orientador revisa primero el nuevo nombre o sitio web de una organización verificada; mientras tanto, los estudiantes y las familias ven los verificados.
employer-org-change-waits = Su nuevo nombre «{ $requested }» espera la revisión de un orientador. Hasta que se apruebe, los estudiantes y las familias ven «{ $name }».
employer-org-change-waits-website = El nuevo sitio web { $requested } espera con él (ahora se muestra: { $website }).
employer-org-locked = Mientras su organización esté suspendida o no aprobada, su perfil no se puede cambiar.
employer-org-locked-reason = Motivo indicado por quien revisó: { $reason }
employer-close-not-started = Esta práctica todavía no ha empezado: su primer día es el { $date }. Se puede cerrar como completada cuando haya empezado.
employer-hours-error-suspended = Estas horas tienen fecha del { $day }, cuando su organización estaba suspendida en STEMbridge (del { $from } al { $to }, incluidos el primero y el último día) y se había pedido al estudiante no ir al lugar. No se pueden aprobar; rechácelas y consulte con el orientador del estudiante si de verdad trabajó ese día.
employer-hours-error-day-cap = Estas { $hours } horas no se pueden aprobar: con ellas, el estudiante tendría más de { $max } horas aprobadas el { $day } (ya hay { $approved } aprobadas, { $elsewhere } de ellas en otra práctica). Cuentan como máximo { $max } horas por día, sumando todas las prácticas de un estudiante. Rechace el registro, y el estudiante podrá registrar las horas que de verdad trabajó ese día.
employer-posting-changed-meanwhile = Esta publicación cambió, en otra pestaña o por un colega, después de que abrió esta página, así que no se guardó nada: guardar habría deshecho ese cambio. Vuelva atrás para copiar lo que escribió y abra la publicación de nuevo para ver su versión actual.
