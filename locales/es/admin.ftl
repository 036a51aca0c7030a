# Las páginas del administrador (usted): escuelas, orientadores, registro de auditoría.

admin-schools = Escuelas
admin-schools-none = Todavía no hay escuelas.
admin-school-add = Agregar una escuela
admin-school-name = Nombre de la escuela
admin-school-add-submit = Agregar escuela
admin-school-first = Primero agregue una escuela.
admin-counselors = Orientadores
admin-counselors-none = Todavía no hay orientadores.
admin-counselor-create = Crear una cuenta de orientador
admin-counselor-email = Correo electrónico
admin-counselor-password = Contraseña inicial
admin-counselor-password-hint = Al menos 10 caracteres; compártala en privado.
admin-counselor-create-submit = Crear orientador
admin-counselor-schools-missing = Elija al menos una escuela.
admin-counselor-schools-unknown = Una de las escuelas elegidas no existe.
admin-flash-school-added = Escuela «{ $name }» agregada.
admin-flash-counselor-created = Se creó la cuenta de orientador de { $email }.
admin-flash-welcome = Su cuenta de administrador está lista.

admin-audit-action = Acción
admin-audit-actor = Persona (correo electrónico)
admin-audit-filter = Filtrar
admin-audit-caption = Últimas 500 entradas
admin-audit-when = Cuándo
admin-audit-who = Quién
admin-audit-what = Qué
admin-audit-none = No hay nada registrado.
vocab-audit_action-view_student = Consultó el expediente de un estudiante
vocab-audit_action-export_groups = Exportó la tabla de grupos
vocab-audit_action-export_students = Exportó una lista de estudiantes
vocab-audit_action-import_roster = Importó una lista escolar
vocab-audit_action-print_codes = Imprimió códigos de activación
admin-setup-title = Configurar STEMbridge
admin-setup-intro = Todavía no existe ningún administrador. Cree la primera cuenta de administrador; esta página se cierra en cuanto exista.
admin-setup-submit = Crear administrador
