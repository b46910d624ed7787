"""Messages (code → French, English): vocabularies, organisations, accounts, limits."""

MESSAGES: dict[str, tuple[str, str]] = {
    "format_cpv_code": (
        "Un code CPV s'écrit avec 8 chiffres, suivis ou non d'un tiret et de la clé "
        "(45000000-7 ou 45000000).",
        "A CPV code is 8 digits, optionally followed by a dash and its check digit (45000000-7 "
        "or 45000000).",
    ),
    "cpv_unknown": (
        "Code CPV inconnu : {cpv_code} n'est pas dans le vocabulaire CPV 2008.",
        "Unknown CPV code: {cpv_code} is not in the CPV 2008 vocabulary.",
    ),
    "cpv_check_digit": (
        "Chiffre de contrôle erroné dans {cpv_code} : ce code CPV s'écrit {expected}.",
        "Wrong check digit in {cpv_code}: this CPV code is written {expected}.",
    ),
    "insee_code_invalid": (
        "Code INSEE inconnu : {insee_code}.",
        "Unknown INSEE code: {insee_code}.",
    ),
    "email_taken": (
        "Un compte existe déjà avec cette adresse e-mail.",
        "An account already exists with this email address.",
    ),
    "organisation_not_found": ("Organisation introuvable.", "Organisation not found."),
    "organisation_inactive": (
        "Cette organisation est désactivée.",
        "This organisation is deactivated.",
    ),
    "role_not_allowed_for_organisation": (
        "Le rôle {role} ne correspond pas à une organisation de type {kind}.",
        "Role {role} does not fit an organisation of kind {kind}.",
    ),
    "user_inactive": ("Ce compte est déjà désactivé.", "This account is already deactivated."),
    "invitation_account_inactive": (
        "Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.",
        "This account is deactivated: reactivate it before resending the invitation.",
    ),
    "password_already_chosen": (
        "Cette personne a déjà choisi son mot de passe : si elle l'a oublié, elle demande un "
        "nouveau lien depuis la page de connexion.",
        "This person has already chosen a password: if they forgot it, they ask for a new "
        "link from the sign-in page.",
    ),
    "cannot_deactivate_self": (
        "Vous ne pouvez pas désactiver votre propre compte ni changer votre propre rôle.",
        "You cannot deactivate your own account or change your own role.",
    ),
    "password_too_weak": (
        "Mot de passe trop faible : au moins 12 caractères, pas uniquement des chiffres, "
        "différent de l'adresse e-mail.",
        "Password too weak: at least 12 characters, not only digits, not the email address.",
    ),
    "invalid_cursor": (
        "Curseur de pagination invalide : reprenez la liste depuis sa première page.",
        "Invalid pagination cursor: start the list again from its first page.",
    ),
    "request_too_large": (
        "La requête dépasse la taille permise ({limit}).",
        "The request exceeds the allowed size ({limit}).",
    ),
    "database_busy": (
        "Le service est momentanément occupé : réessayez dans quelques secondes.",
        "The service is busy for a moment: try again in a few seconds.",
    ),
}
