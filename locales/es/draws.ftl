# Sorteos justos de cupos escasos (issue 19).

vocab-allocation-first_come = Por orden de llegada
vocab-allocation-fair_draw = Sorteo justo después de la fecha límite

draws-allocation-label = Cómo se asignan los cupos
draws-allocation-hint = Un sorteo justo reúne las solicitudes hasta la fecha límite y luego sortea los cupos, primero entre estudiantes que nunca han tenido una práctica. Es lo habitual para las jornadas de observación y las experiencias virtuales; las pasantías y los aprendizajes los elige usted.
draws-allocation-default = Lo habitual para este tipo de publicación
draws-how-link = Cómo funciona el sorteo
draws-error-allocation = Elija por orden de llegada o sorteo justo.
draws-error-allocation-kind = Un sorteo justo asigna cupos, así que solo sirve para jornadas de observación y experiencias virtuales. Elija por orden de llegada para pasantías y aprendizajes.
draws-error-deadline-earlier = Las solicitudes para este sorteo se reciben hasta el { $deadline }, como se publicó: la fecha límite puede pasar a un día posterior, pero no a uno anterior.
draws-error-deadline-past = La fecha límite no puede ser un día que ya pasó: elija hoy o un día posterior.
draws-error-close-early = Hay estudiantes inscritos en este sorteo, y las solicitudes se reciben hasta el { $deadline }, como se publicó: no se puede cerrar antes, porque cerrarlo antes elegiría quién participa en el sorteo.
draws-employer-no-early-close = Hay estudiantes inscritos en el sorteo, así que esta publicación sigue abierta hasta su fecha límite ({ $deadline }), como se publicó.
draws-error-allocation-locked = Ya hay estudiantes que se postularon, así que la forma de asignar los cupos ya no puede cambiar.
draws-error-not-fair-draw = Esta publicación asigna sus cupos por orden de llegada: no tiene sorteo.
draws-error-org-not-verified = Esta organización no está verificada por ahora, así que su sorteo espera: ningún estudiante recibe un cupo hasta que vuelva a estar verificada.
draws-error-not-due = El sorteo se hace después de la fecha límite ({ $deadline }): todavía se están reuniendo solicitudes.
draws-error-entry = Esta solicitud espera el sorteo justo después de la fecha límite: los lugares se sortean, no se eligen, y nadie se saca del sorteo. El estudiante puede retirarse; los requisitos se comprobaron cuando presentó la solicitud.
draws-error-wait-list = Este lugar en la lista de espera se asignó por sorteo: los lugares que se liberan van a la lista de espera en el orden del sorteo, así que no se puede rechazar.
draws-applicants-collecting = Las solicitudes se sortean después de la fecha límite: antes del sorteo no se elige a nadie ni se saca a nadie del sorteo.
draws-error-priority-value = Elija si marcar al estudiante como prioritario (sí o no).

draws-fact = Cómo se asignan los cupos
draws-fact-draw = Con un sorteo justo después de la fecha límite ({ $deadline }); postularse antes no da ventaja.
draws-fact-first-come = Por orden de llegada.

draws-notice-seat = Saliste sorteado: tienes un cupo en “{ $title }”.
draws-notice-wait = Ya se hizo el sorteo de “{ $title }”: eres el número { $position } en la lista de espera.
draws-notice-clash = Ya se hizo el sorteo de “{ $title }”. No participaste: ya tienes un lugar en el mismo horario esos días. Estás al final de su lista de espera, y puedes obtener un cupo si devuelves el otro lugar.
draws-flash-drawn = Sorteo hecho: { $seated } estudiantes obtuvieron un cupo y { $waiting } pasaron a la lista de espera en el orden del sorteo.
draws-flash-already = El sorteo ya se había hecho; no cambió nada.
draws-flash-priority-marked = El estudiante quedó marcado como prioritario para los sorteos justos.
draws-flash-priority-cleared = Se quitó la marca de prioridad.

draws-student-heading = Sorteo justo
draws-student-pending = Estás en el sorteo. Los cupos se sortean el día después de la fecha límite ({ $deadline }); postularte antes o después no cambia nada.
draws-student-seated = Saliste sorteado: tienes un cupo.
draws-student-waiting = Estás en la lista de espera, con el número { $position }. Si se libera un cupo, pasa al siguiente estudiante en el orden del sorteo.
draws-student-not-seated = Estuviste en el sorteo; tu solicitud avanzó desde entonces (mira su estado arriba).
draws-student-tier-1 = Por qué: estabas en el primer grupo, estudiantes que nunca han tenido una práctica en STEMbridge (no cuenta una que devolviste, que tu padre, madre o tutor no aceptó o que tu escuela canceló antes de que empezara).
draws-student-tier-2 = Por qué: estabas en el segundo grupo, estudiantes que tu orientador marcó como prioritarios (o, donde tu distrito lo decidió, de familias de bajos ingresos). El primer grupo, estudiantes que nunca han tenido una práctica, participó antes.
draws-student-tier-3 = Por qué: estabas en el tercer grupo, estudiantes que tienen o ya tuvieron una práctica, aunque haya terminado antes de tiempo. Primero participaron quienes nunca han tenido una y luego los estudiantes prioritarios.
draws-student-code = Tu código de participación es { $code }: búscalo en el registro público del sorteo.
draws-student-record-link = Ver el registro del sorteo

draws-employer-heading = Sorteo justo
draws-employer-collecting = { $entries } solicitudes hasta ahora. El sorteo se hace solo el día después de la fecha límite ({ $deadline }).
draws-employer-run = Hacer el sorteo ahora
draws-employer-drawn = Sorteo hecho: { $entries } participantes para { $seats } cupos.
draws-record-link = Registro público del sorteo

draws-how-title = Cómo funciona un sorteo justo
draws-how-intro = Algunos cupos son escasos: una jornada de observación, una experiencia virtual con pocos lugares. Dárselos a quien se postula primero favorece a quienes tienen mejor internet y más tiempo libre. Un sorteo justo reúne las solicitudes hasta la fecha límite y luego sortea los cupos, en tres grupos.
draws-how-tiers-heading = Quién participa primero
draws-tier-1 = Estudiantes que nunca han tenido una práctica en STEMbridge (no cuenta una práctica que devolvieron, que su padre, madre o tutor no aceptó o que su escuela canceló antes de que empezara; una que terminó antes de tiempo sí cuenta).
draws-tier-2 = Estudiantes que su orientador escolar marcó como prioritarios.
draws-tier-2-low-income = Estudiantes que su orientador escolar marcó como prioritarios y, en este distrito, estudiantes de familias de bajos ingresos (según el registro escolar).
draws-tier-3 = Todos los demás.
draws-how-never = La raza, el origen étnico, el sexo y la discapacidad nunca forman parte de un sorteo. El registro público no muestra nombres: cada solicitud tiene un código aleatorio que solo ve su estudiante.
draws-how-order-heading = Cómo se hace el orden
draws-how-step-seed = Al publicarse una oferta con sorteo justo, antes de que nadie pueda enviar una solicitud, el servidor genera su semilla: 32 bytes aleatorios, escritos como 64 dígitos hexadecimales. Desde entonces el registro público del sorteo muestra el SHA-256 de la semilla, y la semilla misma cuando el sorteo se ha hecho, para que cualquiera compruebe que no se cambió.
draws-how-step-code = Cada solicitud recibe un código aleatorio de 12 dígitos hexadecimales al enviarse; solo su estudiante lo ve, en la página de su solicitud.
draws-how-step-key = La clave de cada solicitud es el SHA-256 de la semilla, dos puntos y su código (por ejemplo «SEMILLA:CÓDIGO»), escrito en hexadecimal en minúsculas.
draws-how-step-sort = Las solicitudes se ordenan por grupo (1, 2, 3) y luego por clave, de la menor a la mayor.
draws-how-step-seats = Las primeras obtienen los cupos libres; las demás pasan a la lista de espera en ese orden. Cuando se libera un cupo, pasa al primer estudiante que sigue esperando.
draws-how-check-heading = Compruébalo tú mismo
draws-how-check = Cuando el sorteo se ha hecho, su registro publica la semilla. Cada estudiante puede calcular su propia clave con el comando de abajo (o cualquier herramienta de SHA-256) y compararla con la página de su solicitud, y cualquiera puede comprobar que la semilla es la que se fijó de antemano. El registro muestra los códigos sin su orden, porque el orden diría quién está en qué grupo; el servidor vuelve a comprobar todo el orden cada vez que se muestra el registro.
draws-how-command = printf '%s:%s' SEMILLA CÓDIGO | sha256sum
draws-how-wait = Quienes se postulan después de un sorteo obtienen un cupo enseguida si queda alguno; si no, pasan al final de la lista de espera.

draws-record-title = El sorteo de { $title }
draws-record-intro = Sorteado el { $when }: { $entries } solicitudes para { $seats } cupos.
draws-record-seed = Semilla:
draws-record-verified = El orden de abajo es el que da la regla con esta semilla (se volvió a comprobar al generar esta página).
draws-record-not-verified = Atención: el orden guardado no coincide con el que da la regla. Avise a los administradores del sitio.
draws-record-posting = La publicación
draws-record-caption = Todas las solicitudes del sorteo, por código (no en el orden del sorteo), sin nombres
draws-record-code = Código
draws-record-groups-private = El orden del sorteo no se muestra aquí: pone primero los grupos, así que el orden (o las claves a su lado) diría qué solicitudes están en qué grupo y, por lo tanto, quién es estudiante con prioridad. Cada estudiante ve su propio grupo, su clave y su lugar en la página de su solicitud, y la verificación de arriba cubre cada línea.
draws-record-outcome = Resultado
draws-record-seat = Cupo
draws-record-wait = Lista de espera

draws-priority-column = Prioridad en sorteos justos
draws-priority-marked = Prioritario
draws-priority-mark = Marcar a { $name } como prioritario
draws-priority-clear = Quitar la prioridad de { $name }

draws-effect-heading = Los sorteos justos en acción
draws-effect-hint = Cupos en jornadas de observación y otras publicaciones con cupos que tomaron sus estudiantes este año escolar, y la proporción que fue para estudiantes en su primera práctica. Se ocultan los números menores que { $threshold }. Con varias escuelas, se deja fuera la escuela con menos cupos que eso, y un porcentaje se muestra solo cuando la vista de cada escuela lo muestra.
draws-effect-caption = Cupos según cómo se asignaron, del { $from } al { $to }
draws-effect-seats = Cupos tomados
draws-effect-share = Proporción para estudiantes primerizos

draws-record-commitment = La semilla de este sorteo se fijó el { $when }, antes de que nadie pudiera participar. Su SHA-256:
draws-record-pending = El sorteo todavía no se ha hecho: se hace el día después de la fecha límite ({ $deadline }). Entonces se publica aquí la semilla misma, y cualquiera puede comprobar que su SHA-256 es el de arriba.
draws-record-kept = El SHA-256 de la semilla es el que se publicó antes de las solicitudes: la semilla no se cambió.
draws-record-not-kept = Atención: el SHA-256 de la semilla no es el que se publicó antes de las solicitudes. Avise a los administradores del sitio.
draws-how-check-seed = Para comprobar que la semilla se fijó de antemano: printf '%s' SEMILLA | sha256sum
draws-student-key = Tu clave (el SHA-256 de la semilla, dos puntos y tu código): { $key }

draws-tier-4 = Quienes no podían tomar un cupo cuando se hizo el sorteo (ya tenían un lugar en el mismo horario, o ya no estaban en el registro de su escuela) van después de todos los demás, en orden de clave, y esperan un cupo como cualquiera en la lista de espera.
draws-student-tier-4 = Por qué: cuando se hizo el sorteo no podías tomar un cupo, porque ya tenías un lugar en el mismo horario en otro sitio (o no estabas en el registro de tu escuela): quedaste en la fila después de todos los estudiantes que sí podían. Si ese lugar termina, o lo devuelves, el siguiente cupo libre aquí es tuyo cuando te toque.
