# El panel de participación del orientador, sus exportaciones y la lista de
# alcance: cada número sobre estudiantes pasa antes por las reglas de divulgación.

stats-title = Panel de participación
stats-school = Escuela
stats-all-schools = Todas mis escuelas
stats-year = Año escolar
stats-year-name = { $start }–{ $end }
stats-show = Mostrar
stats-rounded = Las cifras cubren años escolares completos: las fechas pedidas se ampliaron al período del { $from } al { $to }.
stats-period-note = Las cifras cubren el año escolar del { $from } al { $to }. Los períodos son años escolares completos, para que nunca se puedan restar dos períodos y aislar a un estudiante.
stats-link-outreach = Estudiantes que aún no participan
stats-link-roster = Importar una lista de estudiantes
stats-link-verify = Verificar empleadores
stats-link-export = Exportar la tabla de grupos (CSV)
stats-left-out = Las escuelas con menos de { $threshold } estudiantes activos no se incluyen en las cifras combinadas: { $schools }.
stats-scope-hidden = Esta selección abarca menos de { $threshold } estudiantes, así que no se muestran cifras: describirían a estudiantes concretos.
stats-hidden = no se muestra
stats-hidden-why = “No se muestra” significa menos de { $threshold } estudiantes, o un número reservado para que un grupo más pequeño no pueda deducirse de los totales ni de la vista de otra escuela.
stats-funnel = Embudo
stats-funnel-caption = Estudiantes activos de la lista, del { $from } al { $to }
stats-stage = Etapa
stats-students = Estudiantes
stats-share = Parte de la cohorte
stats-cohort = Cohorte
stats-stage-engaged = Participan (postularon)
stats-stage-placed = Con colocación
stats-stage-completed = Completaron
stats-gaps = Brechas entre grupos
stats-belonging-hint = Cambio en pertenencia: prácticas cuya pregunta final se respondió en este año escolar, publicado una sola vez, en el verano después de que cierra el año, tal como estaba entonces (un promedio que cambiara con cada respuesta revelaría la respuesta de un estudiante).
stats-gap-hint = Brecha: la tasa del grupo menos la de todos los demás, en puntos porcentuales.
stats-gaps-region = Tasas y brechas por grupo de estudiantes (se desplaza hacia los lados)
stats-gaps-caption = Tasas y brechas por grupo de estudiantes, de mayor a menor brecha
stats-group = Grupo
stats-engaged = Participan
stats-placed = Con colocación
stats-completed = Completaron
stats-gap = Brecha
stats-belonging = Cambio en pertenencia
stats-trend = Tendencia
stats-trend-legend = Línea continua: tasa de participación. Línea discontinua: tasa de colocación. Los meses que no se muestran cortan las líneas.
stats-trend-caption = Participación y colocación por mes (los datos del gráfico)
stats-month = Mes
stats-chart-title = Participación y colocación por mes
stats-chart-desc = Tasas mensuales de participación y colocación de { $from } a { $to }.
stats-chart-desc-engagement-peak = Participación máxima { $rate } %.
stats-chart-desc-engagement-hidden = Participación: ningún mes tiene estudiantes suficientes para mostrarse.
stats-chart-desc-placement-peak = Colocación máxima { $rate } %.
stats-chart-desc-placement-hidden = Colocación: ningún mes tiene estudiantes suficientes para mostrarse.
stats-dim-gender = Género
stats-dim-race-ethnicity = Raza y etnia
stats-dim-low-income = Bajos ingresos
stats-dim-english-learner = Aprendiz de inglés
stats-dim-disability = Discapacidad (IEP/504)
stats-dim-first-generation = Primera generación
stats-dim-grade = Grado
stats-dim-school = Escuela
stats-error-school = “school” debe ser el identificador de una escuela.
stats-error-date = “{ $name }” debe ser una fecha como 2026-09-01.
stats-error-order = “to” debe ser igual o posterior a “from”.
stats-error-two-years = “from” y “to” deben caer en el mismo año escolar (del 1 de agosto al 31 de julio): las cifras cubren años escolares completos, para que no se puedan restar dos períodos.
stats-error-year = “year” debe ser un año escolar como 2026 (para 2026–27).
stats-error-year-range = “year” debe ser un año escolar de 2000 a { $last }.
stats-error-hidden-group = El panel no muestra este grupo (ni su tasa para este estado) en este año escolar y alcance: tiene menos de { $threshold } estudiantes, o se reserva para proteger a uno más pequeño, así que no puede filtrar la lista. Elija un grupo que el panel muestre.
stats-error-grade-and-group = La lista no se puede filtrar por un grado y un grupo a la vez: el panel muestra grados y grupos, nunca un grado por grupo, así que esa lista podría dar el tamaño de un grupo que no muestra. Elija un grado o un grupo (los grados están en la lista de grupos).
stats-outreach-title = Contactar estudiantes
stats-outreach-heading = Llegar a los estudiantes a quienes nadie ha llegado
stats-outreach-status = Estado
stats-outreach-any = Cualquiera
stats-outreach-grade = Grado
stats-outreach-group = Grupo
stats-outreach-everyone = Todos
stats-outreach-groups-hint = Solo los grupos y grados que el panel muestra para este año escolar pueden filtrar la lista.
stats-outreach-left-out = { $columns ->
    [grade] Filtrada por un grupo, la lista omite la columna de grado: el panel nunca muestra grados dentro de un grupo, y contar las filas los daría.
    [status] Filtrada por este grado, la lista omite las columnas de estado y de “Disponibles ahora para ellos”: el panel no muestra las tasas de este grado, y contar las filas las daría.
   *[both] Filtrada por este grupo, la lista omite las columnas de grado, estado y “Disponibles ahora para ellos”: el panel no muestra grados dentro de un grupo ni las tasas de este grupo, y contar las filas los daría.
}
stats-outreach-truncated = Se muestran los primeros { $listed } estudiantes; la exportación los incluye a todos.
stats-outreach-export = Exportar esta lista (CSV)
stats-outreach-caption = Estudiantes y su situación
stats-outreach-student = Estudiante
stats-outreach-open = Disponibles ahora para ellos
stats-outreach-unclaimed = (cuenta no activada)
stats-outreach-matching = { $count ->
    [one] { $count } oportunidad que coincide
   *[other] { $count } oportunidades que coinciden
}
