# Límites de intentos, carreras y exportaciones (issue 11, puntos 5-7).

integrity-wait =
    { $seconds ->
        [one] 1 segundo
       *[other] { $seconds } segundos
    }
integrity-wait-minutes =
    { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }
integrity-too-many-logins = Demasiados intentos fallidos de inicio de sesión. Espera { $wait } y vuelve a intentarlo, o pide ayuda a tu orientador.
integrity-too-many-forms = Demasiados intentos desde tu red. Espera { $wait } y vuelve a intentarlo.
integrity-application-changed = Otra persona cambió esta solicitud hace un momento. Vuelve a cargar la página para ver en qué estado está.
integrity-placement-closed = Otra persona cerró esta práctica hace un momento.
integrity-hours-reviewed = Estas horas ya fueron revisadas.
integrity-feedback-given = Ya diste tu opinión sobre esta práctica.
integrity-slots-taken =
    { $taken ->
        [one] 1 estudiante ya tiene un lugar: no puede haber menos de 1.
       *[other] { $taken } estudiantes ya tienen un lugar: no puede haber menos de { $taken }.
    }
integrity-roster-too-many-rows = Este archivo tiene más de { $max } filas. Divide la lista por escuela y sube cada parte.
integrity-roster-more-errors = … y { $more } más. Corrija estos primero y vuelva a subir los archivos para ver los demás.
