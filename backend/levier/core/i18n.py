"""Messages shown to people, in French (default) and English, chosen by `Accept-Language`."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Literal

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")
DEFAULT_LANGUAGE: Language = "fr"

# code → (French, English). Placeholders use str.format names.
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
    "not_found": ("Ressource introuvable.", "Resource not found."),
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
        "Trop de tentatives de connexion échouées. Réessayez dans {minutes} minute(s).",
        "Too many failed sign-in attempts. Try again in {minutes} minute(s).",
    ),
    "login_delayed": (
        "Ce compte a reçu beaucoup de tentatives de connexion échouées : patientez {seconds} "
        "seconde(s) avant d'essayer à nouveau.",
        "This account received many failed sign-in attempts: wait {seconds} second(s) before "
        "trying again.",
    ),
    "password_reset_throttled": (
        "Trop de demandes de réinitialisation. Réessayez dans {minutes} minute(s).",
        "Too many reset requests. Try again in {minutes} minute(s).",
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
    "control_character": (
        "Caractère de contrôle ou invisible interdit dans ce champ (un texte libre admet "
        "seulement tabulations et retours à la ligne).",
        "Control or invalid character in this field (a free text allows only tabs and line "
        "breaks).",
    ),
    "enum": (
        "Valeur non autorisée (valeurs possibles : {expected}).",
        "Value not allowed (expected: {expected}).",
    ),
    "too_short": ("Au moins {min_length} caractère(s).", "At least {min_length} character(s)."),
    "too_long": ("Au plus {max_length} caractère(s).", "At most {max_length} character(s)."),
    "out_of_range": ("Valeur hors des bornes permises.", "Value out of the allowed range."),
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
    # participants
    "criterion_sensitive_filter": (
        "Un critère sensible ne peut pas servir de filtre.",
        "A sensitive criterion cannot be used as a filter.",
    ),
    "phone_invalid": (
        "Numéro de téléphone invalide : 6 à 20 chiffres, espaces, points, tirets ou "
        "parenthèses, avec + en tête pour l'international (exemple : 06 12 34 56 78).",
        "Invalid phone number: 6 to 20 digits, spaces, dots, hyphens or brackets, with + "
        "first for international numbers (example: +33 6 12 34 56 78).",
    ),
    "france_travail_id_invalid": (
        "Identifiant France Travail invalide : 7 à 16 lettres ou chiffres, sans espace.",
        "Invalid France Travail identifier: 7 to 16 letters or digits, no spaces.",
    ),
    "birth_date_future": (
        "La date de naissance ne peut pas être dans le futur.",
        "The birth date cannot be in the future.",
    ),
    "participant_too_young": (
        "La personne doit avoir au moins {minimum_age} ans.",
        "The person must be at least {minimum_age} years old.",
    ),
    "birth_date_implausible": (
        "Date de naissance improbable : la personne aurait plus de {maximum_age} ans. "
        "Vérifiez l'année.",
        "Implausible birth date: the person would be over {maximum_age}. Check the year.",
    ),
    "participant_duplicate": (
        "Cette personne (mêmes nom, prénoms et date de naissance) est déjà suivie : ouvrez sa "
        "fiche existante.",
        "This person (same names and birth date) is already followed: open the existing record.",
    ),
    "participant_followed_elsewhere": (
        "Cette personne est déjà suivie par une autre structure : demandez-lui un transfert.",
        "This person is already followed by another organisation: ask it for a transfer.",
    ),
    "not_a_referent_in_scope": (
        "Référent introuvable dans votre structure ou votre réseau.",
        "No such referent in your organisation or network.",
    ),
    "date_in_future": (
        "La date ne peut pas être dans le futur.",
        "The date cannot be in the future.",
    ),
    "evidence_after_validation": (
        "Le justificatif ne peut pas être postérieur à la validation.",
        "The evidence cannot be dated after the validation.",
    ),
    "field_not_applicable": (
        "Ce champ ne s'applique pas ici.",
        "This field does not apply here.",
    ),
    "enterprise_not_on_lot": (
        "Cette entreprise n'est ni titulaire ni sous-traitante déclarée du lot.",
        "This enterprise is neither an awardee nor a declared subcontractor of the lot.",
    ),
    "criterion_not_enabled": (
        "Ce critère n'est pas retenu par votre structure (paramètres des clauses).",
        "Your structure does not use this criterion (clause settings).",
    ),
    "health_consent_required": (
        "Un critère lié à la santé exige le consentement explicite de la personne, enregistré "
        "sur sa fiche.",
        "A health-related criterion needs the person's explicit consent, recorded on the record.",
    ),
    "participant_anonymised": (
        "Cette personne a été anonymisée.",
        "This person has been anonymised.",
    ),
    "pathway_already_open": (
        "Un parcours est déjà ouvert pour cette personne.",
        "A pathway is already open for this person.",
    ),
    "entry_before_previous_exit": (
        "L'entrée ne peut pas précéder la sortie du parcours précédent ({previous_exit}).",
        "The entry cannot precede the previous pathway's exit ({previous_exit}).",
    ),
    "step_before_entry": (
        "L'étape ne peut pas commencer avant l'entrée en parcours ({entry_date}).",
        "The step cannot start before the pathway entry ({entry_date}).",
    ),
    "step_out_of_order": (
        "L'étape ne peut pas commencer avant l'étape précédente ({previous_start}).",
        "The step cannot start before the previous step ({previous_start}).",
    ),
    "end_before_start": (
        "La fin ne peut pas précéder le début.",
        "The end cannot precede the start.",
    ),
    "lot_not_found": ("Lot introuvable.", "Lot not found."),
    "pathway_closed": ("Ce parcours est clos.", "This pathway is closed."),
    "pathway_not_exited": (
        "Ce parcours n'a pas encore de sortie.",
        "This pathway has no exit yet.",
    ),
    "exit_category_required": (
        "Indiquez la catégorie de sortie pour une situation « autre ».",
        "Give the exit category for an `other` situation.",
    ),
    "exit_category_mismatch": (
        "Cette situation correspond à la catégorie {expected}.",
        "This situation belongs to the category {expected}.",
    ),
    "exit_before_last_step": (
        "La sortie ne peut pas précéder la dernière étape ({last_step}).",
        "The exit cannot precede the last step ({last_step}).",
    ),
    "follow_up_too_early": (
        "Le suivi se fait au moins six mois après la sortie (à partir du {due}).",
        "The follow-up comes at least six months after the exit (from {due}).",
    ),
    "import_unknown_columns": (
        "Colonnes inconnues : {columns}.",
        "Unknown columns: {columns}.",
    ),
    "import_missing_columns": (
        "Colonnes obligatoires absentes : {columns}.",
        "Required columns missing: {columns}.",
    ),
    "import_malformed": (
        "Le fichier n'est pas un CSV lisible ({reason}).",
        "The file is not a readable CSV ({reason}).",
    ),
    "import_too_many_rows": (
        "Au plus {limit} lignes par import.",
        "At most {limit} rows per import.",
    ),
    "import_gender_unknown": (
        "sexe non reconnu : écrivez F, Femme, H, M ou Homme (vide si non précisé).",
        "sex not recognised: write F, female, M, H or male (empty when not given).",
    ),
    "import_date_unreadable": (
        "date illisible : écrivez-la JJ/MM/AAAA (par exemple 05/03/1998) ou AAAA-MM-JJ.",
        "unreadable date: write it DD/MM/YYYY (for example 05/03/1998) or YYYY-MM-DD.",
    ),
    "import_duplicate_row": (
        "Même personne qu'à la ligne {line}.",
        "Same person as on line {line}.",
    ),
    "import_too_large": (
        "Fichier trop volumineux (au plus {limit} octets).",
        "File too large (at most {limit} bytes).",
    ),
    "import_rejected": (
        "Import refusé : des lignes sont en erreur, rien n'a été enregistré.",
        "Import rejected: some rows have errors, nothing was saved.",
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
    "enterprise_kind_not_applicable": (
        "Le type d'entreprise ne s'applique qu'aux entreprises.",
        "The enterprise kind applies to enterprises only.",
    ),
    "not_an_enterprise": (
        "Cette organisation n'est pas une entreprise active.",
        "This organisation is not an active enterprise.",
    ),
    "award_member_duplicate": (
        "Une entreprise n'apparaît qu'une fois parmi les attributaires.",
        "An enterprise appears once among the awardees.",
    ),
    "single_awardee_expected": (
        "Sans groupement, le lot est attribué à une seule entreprise.",
        "Without a consortium, the lot is awarded to one enterprise.",
    ),
    "consortium_needs_one_mandatary": (
        "Un groupement compte au moins deux membres dont un seul mandataire.",
        "A consortium has at least two members and exactly one mandatary.",
    ),
    "awardee_not_admitted": (
        "Ce lot est réservé ({reservation}) : cette entreprise ne peut pas en être attributaire.",
        "This lot is reserved ({reservation}): this enterprise cannot be awarded it.",
    ),
    "reservation_excludes_awardee": (
        "L'attributaire de ce lot n'est pas admis par cette réservation ({reservation}).",
        "This lot's awardee is not admitted by this reservation ({reservation}).",
    ),
    "subcontractor_is_awardee": (
        "Un attributaire du lot ne peut pas en être aussi sous-traitant.",
        "An awardee of the lot cannot also be its subcontractor.",
    ),
    "subcontractor_duplicate": (
        "Ce sous-traitant est déjà déclaré.",
        "This subcontractor is already declared.",
    ),
    "award_before_deadline": (
        "La notification ne peut précéder la date limite de remise des offres, ou à défaut "
        "la publication ({earliest}).",
        "The notification cannot precede the deadline for offers, or else the publication "
        "({earliest}).",
    ),
    "award_has_amendments": (
        "Ce lot a des avenants : son attribution ne peut plus être remplacée.",
        "This lot has amendments: its award can no longer be replaced.",
    ),
    "amendment_before_previous": (
        "Un avenant ne peut précéder le précédent (signé le {previous}).",
        "An amendment cannot precede the previous one (signed on {previous}).",
    ),
    "tender_has_no_award": (
        "Aucun lot n'est attribué : la consultation ne peut pas passer à l'état attribué.",
        "No lot is awarded: the tender cannot move to awarded.",
    ),
    "template_renders_badly": (
        "Le modèle d'article ne peut pas être produit : {reason}",
        "The article template cannot be rendered: {reason}",
    ),
    "too_few_items": ("Au moins {min_length} élément(s).", "At least {min_length} item(s)."),
    "technique_duplicate": (
        "Chaque technique d'achat n'apparaît qu'une fois.",
        "Each purchasing technique appears once.",
    ),
    "technique_none_alone": (
        "« Sans objet » ne se combine pas avec une autre technique.",
        "'None' cannot be combined with another technique.",
    ),
    "target_hours_whole": (
        "Un objectif en heures est un nombre entier d'heures.",
        "A target in hours is a whole number of hours.",
    ),
    "subcontracting_exceeds_award": (
        "Les montants sous-traités dépassent le montant attribué.",
        "Subcontracted amounts exceed the awarded amount.",
    ),
    "award_needs_published_tender": (
        "Un lot s'attribue une fois la consultation publiée (état actuel : {state}).",
        "A lot is awarded once the tender is published (current state: {state}).",
    ),
    "amendment_needs_award": (
        "Un avenant porte sur un lot attribué.",
        "An amendment applies to an awarded lot.",
    ),
    "amendment_changes_nothing": (
        "Un avenant change le montant, la durée, ou les deux.",
        "An amendment changes the amount, the duration, or both.",
    ),
    "amendment_before_notification": (
        "Un avenant ne peut précéder la notification du marché.",
        "An amendment cannot precede the notification.",
    ),
    "template_invalid": (
        "Modèle d'article invalide (ligne {line}).",
        "Invalid article template (line {line}).",
    ),
    "lot_has_no_clause_article": (
        "Ce lot ne porte pas de clause d'insertion : il n'y a pas d'article à produire.",
        "This lot carries no insertion clause: there is no article to produce.",
    ),
    "labour_share_prefix_taken": (
        "Ce préfixe CPV figure déjà dans la table.",
        "This CPV prefix is already in the table.",
    ),
    "operation_target_incomplete": (
        "L'objectif d'une opération a un type et une valeur, ou aucun des deux.",
        "An operation target has both a kind and a value, or neither.",
    ),
    "not_a_buyer": (
        "Cette organisation n'est pas un acheteur actif avec un SIRET.",
        "This organisation is not an active buyer with a SIRET.",
    ),
    "not_a_facilitation_structure": (
        "Cette organisation n'est pas une structure d'animation active.",
        "This organisation is not an active facilitation structure.",
    ),
    "operation_not_found": (
        "Opération introuvable dans votre structure.",
        "Operation not found in your structure.",
    ),
    "dates_out_of_order": (
        "La date limite ne peut pas précéder la date de publication.",
        "The deadline cannot be before the publication date.",
    ),
    "tender_reference_taken": (
        "Cet acheteur a déjà une consultation avec cette référence.",
        "This buyer already has a tender with this reference.",
    ),
    "tender_frozen": (
        "Cette consultation est close ou annulée : elle ne peut plus être modifiée.",
        "This tender is closed or cancelled: it can no longer be changed.",
    ),
    "tender_not_draft": (
        "Seule une consultation en brouillon peut être modifiée ainsi.",
        "Only a draft tender can be changed this way.",
    ),
    "transition_not_allowed": (
        "Passage de « {current} » à « {target} » non autorisé.",
        "Moving from '{current}' to '{target}' is not allowed.",
    ),
    "tender_has_no_lots": (
        "Une consultation sans lot ne peut pas être publiée.",
        "A tender without lots cannot be published.",
    ),
    "consideration_duplicate": (
        "Chaque considération sociale n'apparaît qu'une fois par lot.",
        "Each social consideration appears once per lot.",
    ),
    "reservations_exclusive": (
        "Un lot est réservé aux SIAE, aux EA/ESAT, ou aux deux : choisissez une seule réservation.",
        "A lot is reserved to SIAE, to EA/ESAT, or to both: choose one reservation.",
    ),
    "criterion_weight_range": (
        "Le poids d'un critère social est compris entre 1 et 100 %.",
        "A social award criterion weighs between 1 and 100 %.",
    ),
    "weight_not_applicable": (
        "Un poids ne s'applique qu'à un critère social d'attribution.",
        "A weight applies only to a social award criterion.",
    ),
    "lot_number_taken": (
        "Ce numéro de lot existe déjà dans la consultation.",
        "This lot number already exists in the tender.",
    ),
    "override_needs_reason": (
        "Un ajustement des heures doit être justifié.",
        "An hours override needs a reason.",
    ),
    "lot_has_no_clause": (
        "Ce lot ne porte pas de clause d'insertion : il n'a pas d'heures à ajuster.",
        "This lot carries no insertion clause: it has no hours to override.",
    ),
    # lots closed without an awardee, and the lifecycle's states (labels of enum parameters)
    "clause_entry_before_notification": (
        "Une affectation sur la clause commence après la notification du lot ({notified_on}).",
        "A clause assignment starts after the lot's award notification ({notified_on}).",
    ),
    "clause_entry_not_eligible": (
        "La personne n'a pas d'éligibilité validée le {on} : le facilitateur peut accorder une "
        "dérogation motivée pour ce lot.",
        "The person has no validated eligibility on {on}: the facilitator may grant a "
        "justified exception for this lot.",
    ),
    "clause_entry_restriction_not_met": (
        "La personne ne remplit pas la condition de l'opération (résidence en QPV) le {on} : "
        "le facilitateur peut accorder une dérogation motivée pour ce lot.",
        "The person does not meet the operation's condition (living in a QPV) on {on}: the "
        "facilitator may grant a justified exception for this lot.",
    ),
    "tender_lots_pending": (
        "Chaque lot doit être attribué, ou déclaré infructueux ou sans suite, avant que la "
        "consultation soit attribuée (lots en attente : {lots}).",
        "Each lot must be awarded, or declared unsuccessful or abandoned, before the tender is "
        "awarded (lots pending: {lots}).",
    ),
    "lot_outcome_needs_published_tender": (
        "Un lot se déclare infructueux ou sans suite une fois la consultation publiée "
        "(état actuel : {state}).",
        "A lot is declared unsuccessful or abandoned once the tender is published "
        "(current state: {state}).",
    ),
    "lot_already_awarded": (
        "Ce lot est attribué : il ne peut pas être déclaré infructueux ou sans suite.",
        "This lot is awarded: it cannot be declared unsuccessful or abandoned.",
    ),
    "lot_closed_without_award": (
        "Ce lot a été déclaré infructueux ou sans suite : rouvrez-le avant de l'attribuer.",
        "This lot was declared unsuccessful or abandoned: reopen it before awarding it.",
    ),
    "outcome_before_publication": (
        "La décision ne peut pas précéder la publication ({earliest}).",
        "The decision cannot precede the publication ({earliest}).",
    ),
    "TenderStatus.draft": ("brouillon", "draft"),
    "TenderStatus.published": ("publiée", "published"),
    "TenderStatus.awarded": ("attribuée", "awarded"),
    "TenderStatus.in_execution": ("en exécution", "in execution"),
    "TenderStatus.closed": ("close", "closed"),
    "TenderStatus.cancelled": ("annulée", "cancelled"),
}


def negotiate(accept_language: str | None) -> Language:
    """The best of our languages for an Accept-Language header (French when nothing matches)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, tag))
    for negative_quality, _position, tag in sorted(ranked):
        primary = tag.split("-")[0]
        if negative_quality < 0 and primary in LANGUAGES:
            return primary  # type: ignore[return-value]
    return DEFAULT_LANGUAGE


def shown(value: object, language: Language) -> object:
    """A message parameter as people read it: an enum member by its translated label (the
    catalogue's `Class.member` entry), a date as dd/mm/yyyy."""
    if isinstance(value, enum.Enum):
        key = f"{type(value).__name__}.{value.value}"
        return translate(key, language) if key in MESSAGES else value.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return value


def translate(code: str, language: Language, **params: object) -> str:
    """The message for `code` in `language`, with its parameters filled in."""
    french, english = MESSAGES.get(code, MESSAGES["field_invalid"])
    template = french if language == "fr" else english
    try:
        return template.format(**{name: shown(v, language) for name, v in params.items()})
    except (KeyError, IndexError):
        return template
