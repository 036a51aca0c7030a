# La página pública de impacto (issue 19).

impact-title = Nuestro impacto
impact-intro = Lo que este sitio de STEMbridge ofreció a los estudiantes y lo que resultó de ello, para todas las escuelas juntas, un año escolar a la vez. Cualquier persona puede leerla; no hace falta iniciar sesión.
impact-period = Del { $from } al { $to }.
impact-published-after = Las cifras de estudiantes de { $year } se publican una sola vez, cuando termine el año escolar el { $end }, y no cambian después. Hasta entonces, esta página muestra solo lo que se ofreció.
impact-never-published = No se publicaron cifras de estudiantes para { $year }. Se publican una sola vez, en el verano justo después de que termina el año escolar, y un año que no se publicó entonces no se publica después: tomadas más tarde, sus cifras contarían una lista posterior.
impact-published-on = Estas cifras de estudiantes se publicaron el { $date }, después de terminar el año escolar, y no cambian. Para proteger a los estudiantes, nunca se muestra un número de estudiantes menor que { $threshold }, ni ningún número que permita deducirlo.
impact-download = Descargar estas cifras (CSV)
impact-offered = Oportunidades ofrecidas: { $count }
impact-kinds = Oportunidades por tipo
impact-fields = Oportunidades por área
impact-features = Oportunidades por característica de acceso
impact-item = Qué
impact-postings = Oportunidades
impact-value = Valor
impact-outcomes = Prácticas
impact-placements = Estudiantes que empezaron y que completaron una práctica
impact-started = Estudiantes que empezaron una práctica
impact-completed = Estudiantes que completaron una práctica
impact-hours = Horas trabajadas (aprobadas)
impact-shares = Proporciones de las prácticas
impact-paid-share = Proporción de prácticas pagadas
impact-access-share = Proporción de prácticas accesibles en transporte público o a distancia
impact-commitments-made = Compromisos de empleadores hechos
impact-commitments-met = Compromisos de empleadores cumplidos
impact-students = Estudiantes que participan y las brechas entre grupos
impact-gaps-chart = Brecha de prácticas por grupo, en puntos porcentuales
impact-chart-nothing = No hay nada que dibujar: todos estos números se ocultan para proteger a los estudiantes.
impact-error-year = “year” debe ser un año escolar de 2000 a { $last }, nombrado por el año en que empieza.
impact-csv-section = sección
impact-csv-item = elemento
impact-csv-value = valor
impact-csv-key = clave
impact-csv-gap = Brecha de prácticas en puntos porcentuales: { $dimension }
impact-left-out = { $count ->
    [one] Una escuela con menos de { $threshold } estudiantes queda fuera de estas cifras.
   *[other] { $count } escuelas con menos de { $threshold } estudiantes cada una quedan fuera de estas cifras.
}
