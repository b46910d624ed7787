"""Messages (code → French, English): Participants, eligibility, pathways and the CSV import."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "period_year_or_dates": (
        "Choisissez une année ou des dates de début et de fin, pas les deux.",
        "Choose a year or start and end dates, not both.",
    ),
    "follow_up_recorded": (
        "Le suivi à 6 mois est enregistré : la sortie qu'il confirme ne se corrige plus.",
        "The 6-month follow-up is recorded: the exit it confirms can no longer be corrected.",
    ),
    "later_pathway_exists": (
        "Un parcours plus récent existe : celui-ci ne peut pas être rouvert.",
        "A later pathway exists: this one cannot be reopened.",
    ),
    "exit_after_next_entry": (
        "La sortie ne peut pas suivre l'entrée du parcours suivant ({next_entry}).",
        "The exit cannot follow the next pathway's entry ({next_entry}).",
    ),
    "entry_before_minimum_age": (
        "La personne n'avait pas encore {minimum_age} ans : un parcours commence au plus tôt "
        "le {on}.",
        "The person was not {minimum_age} yet: a pathway starts on {on} at the earliest.",
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
    "import_not_text": (
        "Ce fichier n'est pas un fichier texte CSV (un classeur Excel, un PDF ?) : dans le "
        "tableur, enregistrez-le au format « CSV UTF-8 » puis importez ce fichier.",
        "This file is not a CSV text file (an Excel workbook, a PDF?): in the spreadsheet, save "
        "it as “CSV UTF-8” and import that file.",
    ),
    "import_empty": (
        "Ce fichier est vide : il doit contenir la ligne d'en-tête puis une ligne par "
        "déclaration ou par personne.",
        "This file is empty: it must hold the header line, then one line per declaration or "
        "person.",
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
    "import_date_not_in_calendar": (
        "ce jour n'existe pas dans le calendrier : corrigez le jour ou le mois.",
        "this day is not in the calendar: correct the day or the month.",
    ),
    "format_commune_code": (
        "Le code INSEE de la commune est attendu (5 chiffres, ou 2A/2B et 3 chiffres en Corse, "
        "par exemple 37261), pas son nom.",
        "The commune's INSEE code is expected (5 digits, or 2A/2B and 3 digits in Corsica, for "
        "example 37261), not its name.",
    ),
    "import_qpv_unreadable": (
        "écrivez oui ou non (ou 1 / 0).",
        "write yes or no (or 1 / 0).",
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
    "entry_before_birth": (
        "L'entrée en parcours ne peut pas précéder la naissance de la personne ({birth_date}).",
        "The pathway entry cannot precede the person's birth ({birth_date}).",
    ),
    "date_before_birth": (
        "La date ne peut pas précéder la naissance de la personne ({birth_date}).",
        "The date cannot precede the person's birth ({birth_date}).",
    ),
    "birth_after_entry": (
        "La naissance ne peut pas suivre l'entrée en parcours ({entry_date}).",
        "The birth cannot follow the pathway entry ({entry_date}).",
    ),
    "entry_after_first_step": (
        "L'entrée en parcours ne peut pas suivre sa première étape ({first_step}).",
        "The pathway entry cannot follow its first step ({first_step}).",
    ),
    "follow_up_not_due": (
        "Le suivi à 6 mois se fait à partir du {due}.",
        "The 6-month follow-up is due from {due}.",
    ),
    "validation_withdrawn": (
        "Cette validation a déjà été retirée.",
        "This validation has already been withdrawn.",
    ),
}
