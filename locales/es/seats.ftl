# Lugares que se liberan, mentores y evaluaciones que se leen (issue 18).

vocab-placement_status-withdrawn = El estudiante se retiró
vocab-withdraw_reason-schedule_conflict = El horario ya no me sirve
vocab-withdraw_reason-transportation = No puedo llegar
vocab-withdraw_reason-family_or_health = Motivos familiares o de salud
vocab-withdraw_reason-school_workload = Demasiadas tareas escolares
vocab-withdraw_reason-not_a_fit = No es lo que esperaba
vocab-withdraw_reason-other = Otro motivo
vocab-end_reason-student_request = El estudiante pidió terminar
vocab-end_reason-attendance = Asistencia
vocab-end_reason-safety = Un problema de seguridad
vocab-end_reason-organization_change = Un cambio en la organización
vocab-end_reason-consent_withdrawn = Un tutor retiró su consentimiento
vocab-end_reason-other = Otro motivo

seats-reason = Motivo
seats-reason-choose = Elige un motivo
seats-note = Algo más que agregar
seats-ended-by-school = Terminada por la escuela del estudiante
seats-notice-ended-by-school = La escuela del estudiante terminó antes de tiempo la práctica en «{ $title }».
seats-note-school = Una nota para los orientadores (ni la organización ni el estudiante la ven)
seats-note-employer = Algo más que agregar (lo leen el estudiante y su orientador)
seats-note-student = Algo más que agregar (lo leen la organización y tu orientador)
seats-error-reason = Elige un motivo de la lista.
seats-error-not-open = Esta práctica está: { $status }. Ya no se puede cambiar.
seats-ended-because = Terminó antes de tiempo: { $reason }.
seats-withdraw-heading = Devolver tu lugar
seats-withdraw-intro = Si al final no puedes participar, devuelve tu lugar: lo recibe el siguiente estudiante de la lista de espera. No se puede deshacer.
seats-withdraw-submit = Devolver mi lugar
seats-end-heading = Terminar esta práctica antes de tiempo
seats-end-intro = Al terminarla antes de tiempo se libera el lugar: lo recibe de inmediato el siguiente estudiante de la lista de espera. Se le explica el motivo al estudiante.
seats-end-intro-counselor = Al terminarla antes de tiempo se libera el lugar para el siguiente estudiante de la lista de espera. Se les explica el motivo al estudiante y a la organización.
seats-end-submit = Terminar la práctica
seats-flash-withdrawn = Devolviste tu lugar. Gracias por contarnos el motivo.
seats-flash-ended = La práctica terminó antes de tiempo y su lugar quedó libre.
seats-flash-before = Gracias por tu respuesta.
seats-flash-mentor = Se guardó el mentor. El estudiante ya puede verlo.
seats-notice-withdrew = { $name } devolvió su lugar en «{ $title }» ({ $reason }).
seats-notice-ended = La práctica en «{ $title }» terminó antes de tiempo: { $reason }.
seats-before-heading = Antes de empezar
seats-before-submit = Enviar mi respuesta
seats-before-already = Ya respondiste esta pregunta para esta práctica.

seats-mentor-heading = Tu mentor
seats-mentor-speaks = Habla: { $languages }
seats-mentor-coming = Esta oportunidad promete un mentor con nombre: verás aquí quién es antes de empezar.
seats-mentor-required = Esta oportunidad promete un mentor con nombre: indica quién es antes de registrar horas o de completar la práctica.
seats-mentor-required-employer = Esta publicación promete un mentor con nombre. Indique quién es antes de que el estudiante empiece: no se pueden registrar horas hasta entonces.
seats-mentor-none = Todavía no se indicó un mentor.
seats-mentor-colleague = Un colega con cuenta
seats-mentor-not-colleague = Otra persona (escriba el nombre abajo)
seats-mentor-name = Nombre del mentor
seats-mentor-name-hint = Déjelo vacío para usar el nombre del colega.
seats-mentor-role = Cargo del mentor
seats-mentor-intro = Una breve presentación con las palabras del propio mentor
seats-mentor-intro-hint = Como máximo { $max } caracteres. A qué se dedica y por qué le gusta ser mentor.
seats-mentor-languages = Idiomas que habla el mentor
seats-mentor-languages-hint = Códigos o nombres de idiomas, como en, es, vi, hmn, ase (lengua de señas americana).
seats-mentor-submit = Guardar el mentor
seats-mentor-error-colleague = Elija de la lista a un colega de su organización.
seats-mentor-error-languages = Indique al menos un idioma que hable el mentor.
seats-notice-mentor = { $name } es tu mentor en «{ $title }».
seats-notice-mentor-gone = Tu mentor en «{ $title }» ya no trabaja contigo allí. La organización nombrará a otra persona; si tienes preguntas, habla con tu orientador escolar.
seats-notice-school-mentor = { $organization } nombró a { $name } ({ $role }) mentor de { $student } en «{ $title }».
seats-notice-school-mentor-gone = Un administrador sacó a { $name } de { $organization }: { $student } no tiene mentor en «{ $title }» hasta que la organización nombre a otra persona.
seats-notice-employer-mentor-gone = { $name } ya no es mentor de { $student } en «{ $title }»: nombre a otro mentor.

seats-eval-from-employer = Lo que { $organization } escribió sobre ti
seats-eval-from-student = La calificación del estudiante
seats-eval-yours = Tu evaluación
seats-eval-comment = Comentario
seats-eval-none = Todavía no hay evaluación.
seats-counselor-title = { $name }: { $title }
seats-counselor-record = Volver al expediente del estudiante
seats-record-open = Abrir la práctica «{ $title }»
seats-record-mentor = Mentor: { $name }

seats-link-quality = Calidad de las organizaciones
seats-quality-title = Calidad de las organizaciones
seats-quality-intro = Prácticas completadas y calificación media de la experiencia según los estudiantes (de 1 a 5) para cada organización verificada, contadas como en los compromisos públicos de las organizaciones. La parte de cada escuela se revisa por separado: las prácticas completadas se muestran solo cuando, en cada escuela con una práctica allí, tanto ellas como las no completadas son { $threshold } o más; las prácticas calificadas y su media, solo cuando cada escuela tiene { $threshold } calificaciones o ninguna. Si no, un orientador que restara las prácticas de su propia escuela podría saber algo de unos pocos estudiantes de otra escuela. Una organización sin ningún número que mostrar no aparece en la lista.
seats-quality-year = Prácticas iniciadas en el año escolar { $year }.
seats-quality-caption = Prácticas completadas y calificación media por organización
seats-quality-organization = Organización
seats-quality-completed = Prácticas completadas
seats-quality-rated = Prácticas calificadas
seats-quality-mean = Calificación media
seats-quality-none = Todavía ninguna organización tiene un número que se pueda mostrar.

mail-seat-opened-subject = Se liberó un lugar para ti: { $title }
mail-seat-opened-body = Se liberó un lugar en { $organization } y es tuyo: ahora tienes un puesto en «{ $title }». Abre tu práctica para ver qué sigue.
mail-seat-opened-button = Ver tu práctica

seats-stats-mentored = Con práctica y un mentor con nombre
seats-stats-mentored-of-placed = proporción de los estudiantes con práctica
seats-stats-mentored-col = Con mentor
seats-csv-mentored-share = proporcion_con_mentor
seats-mentor-commitment = Al marcarlo, se compromete a indicar un mentor para cada práctica: no se pueden registrar horas hasta hacerlo.

# Terminar antes del inicio (eyes11a F4): solo la escuela, y es una cancelación.
vocab-placement_status-cancelled = Cancelada antes de empezar
seats-cancelled-because = Cancelada antes de que empezara: { $reason }.
seats-notice-cancelled = Tu escuela canceló tu práctica en «{ $title }» antes de que empezara: { $reason }. No cuenta como una práctica, tampoco en los sorteos.
seats-notice-cancelled-by-school = La escuela del estudiante canceló la práctica en «{ $title }» antes de que empezara.
seats-notice-school-ended-by-employer = { $organization } terminó antes de tiempo la práctica «{ $title }» de { $student }: { $reason }.
seats-notice-school-ended-by-family = Un padre, madre o tutor de { $student } retiró el consentimiento para «{ $title }» en { $organization }: la práctica no se realizará o no seguirá. Su nombre, y su nota si la dejó, están en la página de la práctica.
seats-notice-school-ended-by-school = Un orientador de la escuela terminó la práctica «{ $title }» de { $student } en { $organization }: { $reason }.
seats-error-attendance-before-start = La asistencia no puede ser el motivo antes de que la práctica empiece: elija otro motivo.
seats-reason-closing-form = marcada como «terminó antes de tiempo» en el formulario de cierre (sin motivo)
seats-error-not-started = Esta práctica todavía no ha empezado: su primer día es el { $date }. Hasta entonces solo la escuela del estudiante puede terminarla, para que la organización no pase a otro estudiante un lugar dado por sorteo o por la lista de espera. Si hay algún problema (un asunto de seguridad, o la práctica no puede realizarse), comuníquese con el orientador escolar del estudiante.
seats-error-not-started-consent = Esta práctica no ha empezado: espera el consentimiento del padre, madre o tutor. Hasta que empiece solo la escuela del estudiante puede terminarla, para que la organización no pase a otro estudiante un lugar dado por sorteo o por la lista de espera. Si hay algún problema (un asunto de seguridad, o la práctica no puede realizarse), comuníquese con el orientador escolar del estudiante.
seats-end-not-started-employer = Esta práctica todavía no ha empezado. Hasta su primer día (y mientras espera el consentimiento del padre, madre o tutor) solo la escuela del estudiante puede terminarla: si hay algún problema, comuníquese con el orientador escolar del estudiante. Desde el primer día podrá terminarla aquí, y se le avisará a la escuela.
seats-end-not-started-counselor = Esta práctica no ha empezado: si la termina ahora, queda cancelada. No cuenta como una práctica del estudiante (ni en el panel ni en los sorteos), y su lugar pasa al siguiente estudiante de la lista de espera.

# Una práctica cuyas fechas terminaron mientras esperaba el consentimiento, cerrada por el sistema.
vocab-end_reason-consent_not_received = No se registró el consentimiento de un tutor antes de que terminaran sus fechas
seats-notice-lapsed = Tu práctica en «{ $title }» se cerró: no se registró el consentimiento de tu padre, madre o tutor antes de que terminaran sus fechas. No cuenta como una práctica, tampoco en los sorteos. Si tienes preguntas, habla con tu orientador escolar.
seats-notice-lapsed-employer = La práctica en «{ $title }» se cerró: no se registró el consentimiento de un tutor antes de que terminaran sus fechas.
seats-notice-school-lapsed = La práctica «{ $title }» de { $student } en { $organization } se cerró: no se registró el consentimiento de un tutor antes de que terminaran sus fechas. Ya no cuenta en «Con colocación».
# The mentor card on a counselor's page (eyes18b F5).
seats-mentor-heading-staff = El mentor del estudiante
seats-mentor-coming-staff = Esta oportunidad promete un mentor con nombre: la organización lo nombra antes de que el estudiante empiece, y aparecerá aquí.
