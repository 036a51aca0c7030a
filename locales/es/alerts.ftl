# Búsquedas guardadas, sus avisos y canales; noticias de las decisiones de verificación.

alerts-title = Búsquedas guardadas
alerts-intro = Cuando una oportunidad nueva coincide con una búsqueda guardada, recibes una notificación aquí en STEMbridge (y en tu resumen semanal por correo, si lo elegiste para esa búsqueda).
alerts-none = Todavía no tienes búsquedas guardadas. Haz una búsqueda y guárdala desde la página de resultados.
alerts-go-search = Buscar oportunidades
alerts-saved-on = guardada el { $date }
alerts-alerted = { $count ->
    [0] nada nuevo todavía
    [one] 1 oportunidad nueva hasta ahora
   *[other] { $count } oportunidades nuevas hasta ahora
}
alerts-by-email = también por correo
alerts-delete = Eliminar
alerts-name-label = Nombre de esta búsqueda
alerts-name-default = Mi búsqueda
alerts-email-label = Enviar también las novedades en mi resumen semanal por correo
alerts-email-hint = Esto activa el resumen semanal; su enlace para darte de baja lo detiene.
alerts-save = Guardar esta búsqueda
alerts-flash-saved = Búsqueda «{ $name }» guardada. Las novedades aparecerán en tus notificaciones.
alerts-flash-deleted = Búsqueda guardada eliminada.
alerts-error-heading = La búsqueda no se guardó
alerts-error-email = La opción de correo debe estar activada o desactivada.
alerts-error-query = Esta búsqueda no se puede guardar: { $message }
alerts-error-too-many = Ya tienes { $max } búsquedas guardadas. Elimina una antes de guardar otra.
alerts-error-duplicate = Ya guardaste esta búsqueda.
alerts-chip-field = Área: { $field }
alerts-notify-new = { $count ->
    [one] 1 oportunidad nueva coincide con tu búsqueda guardada «{ $name }».
   *[other] { $count } oportunidades nuevas coinciden con tu búsqueda guardada «{ $name }».
}
alerts-feed-link = Seguir esta búsqueda (canal Atom)
alerts-feed-title = STEMbridge: oportunidades para «{ $q }»
alerts-feed-title-all = STEMbridge: oportunidades nuevas
alerts-feed-summary = { $organization } · { $kind } · { $field } · { $mode } · { $pay } · postular antes del { $deadline }
alerts-digest-search = { $count ->
    [one] Novedades de tu búsqueda guardada «{ $name }»: 1 oportunidad
   *[other] Novedades de tu búsqueda guardada «{ $name }»: { $count } oportunidades
}
alerts-digest-open = Ver esta búsqueda

alerts-org-employer-verified = { $organization } ya está verificada: puede publicar oportunidades y los estudiantes pueden encontrarlas.
alerts-org-employer-verified-subject = { $organization } está verificada en STEMbridge
alerts-org-employer-rejected = El registro de { $organization } no fue aprobado.
alerts-org-employer-rejected-subject = { $organization } no fue aprobada en STEMbridge
alerts-org-employer-suspended = { $organization } está suspendida: sus oportunidades están ocultas y los datos de los estudiantes quedan fuera de su alcance hasta que se restablezca.
alerts-org-employer-suspended-subject = { $organization } está suspendida en STEMbridge
alerts-org-employer-reinstated = { $organization } está verificada de nuevo: sus oportunidades son visibles para los estudiantes.
alerts-org-employer-reinstated-subject = { $organization } está verificada de nuevo en STEMbridge
alerts-org-counselor-verified = { $organization }, donde se postularon algunos de sus estudiantes, ya está verificada.
alerts-org-counselor-verified-subject = { $organization } está verificada
alerts-org-counselor-rejected = { $organization }, donde se postularon algunos de sus estudiantes, no fue aprobada.
alerts-org-counselor-rejected-subject = { $organization } no fue aprobada
alerts-org-counselor-suspended = { $organization }, donde se postularon algunos de sus estudiantes, está suspendida.
alerts-org-counselor-suspended-subject = { $organization } está suspendida
alerts-org-counselor-reinstated = { $organization }, donde se postularon algunos de sus estudiantes, está verificada de nuevo.
alerts-org-counselor-reinstated-subject = { $organization } está verificada de nuevo
alerts-org-mail-reason = Motivo indicado por quien revisó: { $reason }
alerts-org-mail-button = Abrir STEMbridge
alerts-org-mail-footer = STEMbridge conecta a estudiantes con prácticas en ciencia y tecnología. Usted recibe este correo porque se refiere a una organización de STEMbridge con la que trabaja; se envía siempre y no tiene rastreo.

# Cargas de la lista escolar desde la web, importadas en segundo plano.
alerts-roster-missing-file = La carga necesita los tres archivos: falta { $file } o está vacío.
alerts-roster-upload-title = Carga de la lista escolar
alerts-roster-upload-checking = Revisando los archivos…
alerts-roster-upload-progress = { $done } de { $total } estudiantes importados
alerts-roster-upload-refresh = Esta página se actualiza sola cada cinco segundos hasta que termine la importación. Puede salir y volver más tarde.
alerts-roster-upload-stop = Dejar de actualizar esta página
alerts-roster-upload-still = Esta página ya no se actualiza sola.
alerts-roster-upload-check = Ver el avance ahora
alerts-roster-upload-failed = La importación se detuvo antes de terminar y no se cambió nada. Vuelva a cargar los archivos.
alerts-roster-upload-back = Volver a la página de la lista escolar
vocab-roster_upload-running = Importando
vocab-roster_upload-imported = Importada
vocab-roster_upload-refused = No importada: los archivos tienen errores
vocab-roster_upload-failed = Detenida

alerts-org-employer-change-approved = Se aprobaron el nuevo nombre y el sitio web de su organización: los estudiantes y las familias ahora ven { $organization } ({ $website }).
alerts-org-employer-change-declined = No se aprobó el nuevo nombre solicitado «{ $requested }»: su organización se sigue mostrando como { $organization }.
