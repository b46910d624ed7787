"""Messages (code → French, English): HTTP problems, sign-in and the rules of single fields."""

MESSAGES: dict[str, tuple[str, str]] = {
    # generic HTTP problems
    "bad_request": ("Requête invalide.", "Bad request."),
    "not_authenticated": ("Authentification requise.", "Authentication required."),
    "invalid_token": (
        "Jeton d'accès invalide ou expiré.",
        "Invalid or expired access token.",
    ),
    "forbidden": (
        "Vous n'avez pas le droit d'effectuer cette action.",
        "You are not allowed to perform this action.",
    ),
    # Said the same whether the record never existed, was deleted meanwhile (another tab) or
    # is out of the caller's scope: a 404 reveals nothing.
    "not_found": (
        "Introuvable : ce que vous cherchez n'existe pas ou plus (supprimé entre-temps ?), "
        "ou ne vous est pas accessible.",
        "Not found: what you are looking for does not exist or no longer does (deleted "
        "meanwhile?), or is not available to you.",
    ),
    "method_not_allowed": ("Méthode non autorisée.", "Method not allowed."),
    "conflict": ("Conflit avec l'état actuel de la ressource.", "Conflict with the resource."),
    "precondition_failed": (
        "Cet enregistrement a été modifié entre-temps par quelqu'un d'autre : "
        "rechargez-le avant de le modifier.",
        "This record was changed by someone else in the meantime: reload it before editing.",
    ),
    "precondition_required": (
        "L'en-tête If-Match (ETag de la version lue) est obligatoire pour modifier "
        "cet enregistrement.",
        "The If-Match header (the ETag of the version you read) is required to change this record.",
    ),
    "validation_failed": (
        "Certaines données sont invalides.",
        "Some of the data is invalid.",
    ),
    "too_many_requests": ("Trop de requêtes.", "Too many requests."),
    "internal_error": ("Erreur interne du serveur.", "Internal server error."),
    "payload_too_large": ("Requête trop volumineuse.", "Request too large."),
    "service_unavailable": ("Service momentanément indisponible.", "Service unavailable."),
    # authentication
    "invalid_credentials": (
        "Adresse e-mail ou mot de passe incorrect.",
        "Incorrect email address or password.",
    ),
    "login_throttled": (
        "Trop de tentatives de connexion échouées depuis cet appareil. Réessayez dans {wait} "
        "(chaque nouvel échec allonge l'attente).",
        "Too many failed sign-in attempts from this device. Try again in {wait} (each new "
        "failure makes the wait longer).",
    ),
    "login_delayed": (
        "Ce compte a reçu beaucoup de tentatives de connexion échouées : patientez {wait} avant "
        "d'essayer à nouveau.",
        "This account received many failed sign-in attempts: wait {wait} before trying again.",
    ),
    "password_reset_throttled": (
        "Trop de demandes de réinitialisation. Réessayez dans {wait}.",
        "Too many reset requests. Try again in {wait}.",
    ),
    "invitation_throttled": (
        "Trop de liens envoyés à ce compte dans l'heure. Réessayez dans {wait}.",
        "Too many links were sent to this account within the hour. Try again in {wait}.",
    ),
    "password_unchanged": (
        "Choisissez un mot de passe différent de l'actuel.",
        "Choose a password different from the current one.",
    ),
    "cross_site_refused": (
        "Requête refusée : elle ne vient pas de l'application Levier.",
        "Request refused: it does not come from the Levier application.",
    ),
    "invalid_refresh_token": (
        "Session expirée ou révoquée : reconnectez-vous.",
        "Session expired or revoked: please sign in again.",
    ),
    "wrong_password": ("Le mot de passe actuel est incorrect.", "The current password is wrong."),
    "invalid_reset_token": (
        "Ce lien de réinitialisation est invalide ou a expiré.",
        "This reset link is invalid or has expired.",
    ),
    "account_inactive": ("Ce compte est désactivé.", "This account is deactivated."),
    # field rules
    "field_required": ("Champ obligatoire.", "This field is required."),
    "field_unknown": ("Champ inconnu : {field}.", "Unknown field: {field}."),
    "field_invalid": ("Valeur invalide.", "Invalid value."),
    "field_type": ("Type de valeur invalide.", "Invalid value type."),
    "number_expected": (
        "Un nombre est attendu, en chiffres (par exemple 120 000 ou 45,50).",
        "A number is expected, in digits (for example 120,000 or 45.50).",
    ),
    "date_expected": (
        "Une date est attendue (AAAA-MM-JJ, par exemple 2027-03-31).",
        "A date is expected (YYYY-MM-DD, for example 2027-03-31).",
    ),
    "datetime_expected": (
        "Une date et une heure sont attendues (ISO 8601, par exemple 2027-03-31T14:30:00Z).",
        "A date and time are expected (ISO 8601, for example 2027-03-31T14:30:00Z).",
    ),
    "control_character": (
        "Ce champ contient un caractère invisible ou de contrôle (souvent venu d'un "
        "copier-coller) : retirez-le.",
        "This field holds an invisible or control character (often from a copy and paste): "
        "remove it.",
    ),
    "enum": (
        "Valeur non autorisée (valeurs possibles : {expected}).",
        "Value not allowed (expected: {expected}).",
    ),
    "too_short": (
        "Au moins {min_length} {min_length:caractère|caractères}.",
        "At least {min_length} {min_length:character|characters}.",
    ),
    "too_long": (
        "Au plus {max_length} {max_length:caractère|caractères}.",
        "At most {max_length} {max_length:character|characters}.",
    ),
    "too_many_items": (
        "Au plus {max_length} {max_length:élément|éléments}.",
        "At most {max_length} {max_length:item|items}.",
    ),
    # Said only when no bound is known: every rule gives its bounds (the wordings below).
    "out_of_range": ("Valeur hors des bornes permises.", "Value out of the allowed range."),
    # Wordings of out_of_range that say the bounds (the code stays out_of_range).
    "bound_ge": ("Au moins {ge}.", "At least {ge}."),
    "bound_gt": ("Doit être supérieur à {gt}.", "Must be greater than {gt}."),
    "bound_le": ("Au plus {le}.", "At most {le}."),
    "bound_lt": ("Doit être inférieur à {lt}.", "Must be less than {lt}."),
    "bound_ge_le": ("Entre {ge} et {le}.", "Between {ge} and {le}."),
    "bound_gt_le": (
        "Doit être supérieur à {gt} et au plus {le}.",
        "Must be greater than {gt} and at most {le}.",
    ),
    "bound_ge_lt": (
        "Au moins {ge} et doit être inférieur à {lt}.",
        "At least {ge} and must be less than {lt}.",
    ),
    "bound_gt_lt": (
        "Doit être supérieur à {gt} et inférieur à {lt}.",
        "Must be greater than {gt} and less than {lt}.",
    ),
    "bound_digits": (
        "Au plus {max_digits} {max_digits:chiffre|chiffres} en tout.",
        "At most {max_digits} {max_digits:digit|digits} in all.",
    ),
    "bound_whole_digits": (
        "Au plus {whole_digits} {whole_digits:chiffre|chiffres} avant la virgule.",
        "At most {whole_digits} {whole_digits:digit|digits} before the decimal point.",
    ),
    "decimal_places": (
        "Au plus {decimal_places} {decimal_places:décimale|décimales}.",
        "At most {decimal_places} {decimal_places:decimal place|decimal places}.",
    ),
    "email_invalid": ("Adresse e-mail invalide.", "Invalid email address."),
    "siret_invalid": (
        "SIRET invalide : 14 chiffres avec une clé de contrôle correcte.",
        "Invalid SIRET: 14 digits with a valid check digit.",
    ),
    "siret_not_applicable": (
        "Un SIRET ne s'applique pas à ce type d'organisation.",
        "A SIRET does not apply to this kind of organisation.",
    ),
    "siret_taken": (
        "Une autre organisation porte déjà ce SIRET.",
        "Another organisation already has this SIRET.",
    ),
    "not_a_coordinator": (
        "Cette organisation ne peut pas coordonner un réseau (structure d'animation ou réseau "
        "actif attendu).",
        "This organisation cannot coordinate a network (an active facilitation structure or "
        "network is expected).",
    ),
}
