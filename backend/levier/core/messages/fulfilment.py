"""Messages (code → French, English): referrals, hires and assignments."""

MESSAGES: dict[str, tuple[str, str]] = {
    "participant_not_found": (
        "Cette personne est introuvable parmi celles que vous suivez.",
        "This person is not among those you follow.",
    ),
    "referral_offer_unknown": (
        "Cette offre est introuvable parmi celles que vous voyez.",
        "This offer is not among those you see.",
    ),
    "referral_offer_not_open": (
        "Cette offre n'est plus ouverte ({status}).",
        "This offer is no longer open ({status}).",
    ),
    "referral_no_open_pathway": (
        "Cette personne n'a pas de parcours en cours : ouvrez-en un avant de la proposer.",
        "This person has no open pathway: open one before proposing them.",
    ),
    "referral_other_structure": (
        "Cette personne n'est pas orientée vers la structure qui suit cette offre : "
        "modifiez d'abord sa structure d'accompagnement sur sa fiche.",
        "This person is not referred to the structure following this offer: change their "
        "facilitation structure on their record first.",
    ),
    "referral_exists": (
        "Cette personne est déjà proposée pour cette offre (candidature « {status} »).",
        "This person is already proposed for this offer (referral “{status}”).",
    ),
    "referral_transition_refused": (
        "Une candidature ne passe pas de « {status} » à « {target} ».",
        "A referral does not move from “{status}” to “{target}”.",
    ),
    "referral_mode_needs_clause": (
        "Cette offre n'est liée à aucune clause : l'embauche y est directe.",
        "This offer is tied to no clause: the hire is direct.",
    ),
    "assignment_no_open_pathway": (
        "Cette personne n'a pas de parcours en cours : son référent doit en ouvrir un.",
        "This person has no open pathway: their referent must open one.",
    ),
    "assignment_start_too_far": (
        "Le début ne peut pas être à plus d'un an.",
        "The start cannot be more than a year ahead.",
    ),
    "assignment_contract_not_hire": (
        "Une embauche directe se fait en CDI, CDD, CDDI, apprentissage, professionnalisation "
        "ou contrat aidé ; un contrat d'intérim relève de la mise à disposition par une "
        "entreprise de travail temporaire.",
        "A direct hire is on a permanent, fixed-term, CDDI, apprenticeship, "
        "professionalisation or subsidised contract; an interim contract is temporary work.",
    ),
    "assignment_employer_not_placement": (
        "Une mise à disposition se fait par une association intermédiaire (AI) ou un GEIQ.",
        "A placement is made by an intermediary association (AI) or a GEIQ.",
    ),
    "assignment_employer_is_host": (
        "L'employeur est ici l'entreprise de travail temporaire, l'AI ou le GEIQ, pas "
        "l'entreprise où la personne travaille.",
        "The employer here is the temp agency, AI or GEIQ, not the enterprise the person works at.",
    ),
    "assignment_employer_must_be_host": (
        "Dans ce mode ({mode}), l'employeur est l'entreprise où la personne travaille.",
        "In this mode ({mode}), the employer is the enterprise the person works at.",
    ),
    "assignment_host_not_inclusive_subcontractor": (
        "La sous-traitance compte pour une SIAE, une EA ou un ESAT déclaré sous-traitant du lot.",
        "Subcontracting counts for an SIAE, EA or ESAT declared as the lot's subcontractor.",
    ),
    "assignment_host_not_inclusive_member": (
        "La co-traitance compte pour une SIAE ou une EA membre du groupement attributaire.",
        "Co-contracting counts for an SIAE or EA member of the awarded consortium.",
    ),
    "assignment_ended": (
        "Cette mission est terminée (le {ended_on}).",
        "This assignment has ended (on {ended_on}).",
    ),
    "step_of_assignment": (
        "Cette étape est une mission : elle se modifie depuis la mission.",
        "This step is an assignment: change it from the assignment.",
    ),
    "hours_assignment_unknown": (
        "Cette mission est introuvable parmi celles que vous suivez.",
        "This assignment is not among those you follow.",
    ),
    "hours_not_employer": (
        "Seul l'employeur de la personne déclare ses heures.",
        "Only the person's employer declares their hours.",
    ),
    "hours_month_in_future": (
        "Ce mois n'a pas encore commencé.",
        "This month has not begun yet.",
    ),
    "hours_assignment_not_started": (
        "Cette mission ne commence que le {start} : ses heures se déclarent une fois travaillées.",
        "This assignment only starts on {start}: its hours are declared once worked.",
    ),
    "hours_month_outside_assignment": (
        "Ce mois est hors de la mission (du {start} au {end}).",
        "This month is outside the assignment (from {start} to {end}).",
    ),
    "hours_over_ceiling": (
        "Au plus {ceiling} heures par mois et par personne.",
        "At most {ceiling} hours a month per person.",
    ),
    "hours_month_declared": (
        "Ce mois est déjà déclaré pour cette mission : corrigez la déclaration existante.",
        "This month is already declared for this assignment: correct the existing declaration.",
    ),
    "hours_lot_closed": (
        "Le marché de ce lot est clos : ses heures ne se déclarent plus.",
        "This lot's tender is closed: its hours are no longer declared.",
    ),
    "hours_not_editable": (
        "Cette déclaration est {status} : elle ne se corrige plus.",
        "This declaration is {status}: it can no longer be corrected.",
    ),
    "hours_not_waiting": (
        "Cette déclaration est {status}.",
        "This declaration is {status}.",
    ),
    "import_hours_unreadable": (
        "Un nombre est attendu : les heures du mois en chiffres, par exemple 151,67 ou 35.",
        "A number is expected: the month's hours in digits, for example 151.67 or 35.",
    ),
    "import_hours_person_missing": (
        "Indiquez la mission (colonne « mission » du modèle) ou le nom et les prénoms de la "
        "personne.",
        "Give the assignment (the template's “mission” column) or the person's last and first "
        "names.",
    ),
    "import_hours_person_unknown": (
        "Aucune de vos missions en cours ce mois-là n'est celle d'une personne de ce nom.",
        "None of your assignments running that month is for a person of this name.",
    ),
    "import_hours_person_ambiguous": (
        "Cette personne a {count} missions ce mois-là : indiquez le lot ou la mission.",
        "This person has {count} assignments that month: give the lot or the assignment.",
    ),
    "import_hours_duplicate_row": (
        "Même mission et même mois qu'à la ligne {line}.",
        "Same assignment and month as line {line}.",
    ),
    "import_month_unreadable": (
        "Un mois s'écrit AAAA-MM ou MM/AAAA, par exemple 2026-11 ou 11/2026.",
        "A month is written YYYY-MM or MM/YYYY, for example 2026-11 or 11/2026.",
    ),
    "import_hours_validated": (
        "Ce mois est déjà validé avec d'autres heures : il compte pour la clause, seul le "
        "facilitateur peut le refuser pour qu'il soit corrigé.",
        "This month is already validated with other hours: it counts for the clause; only the "
        "facilitator can reject it so that it is corrected.",
    ),
    "HoursStatus.declared": ("en attente de validation", "waiting for validation"),
    "HoursStatus.validated": ("validée", "validated"),
    "HoursStatus.rejected": ("refusée", "rejected"),
    "ReferralStatus.proposed": ("proposée", "proposed"),
    "ReferralStatus.interview": ("entretien", "interview"),
    "ReferralStatus.hired": ("embauchée", "hired"),
    "ReferralStatus.declined": ("non retenue", "declined"),
    "ReferralStatus.withdrawn": ("retirée", "withdrawn"),
    "FulfilmentMode.direct_hire": ("embauche directe", "direct hire"),
    "FulfilmentMode.temporary_work": ("intérim", "temporary work"),
    "FulfilmentMode.placement": ("mise à disposition", "placement"),
    "FulfilmentMode.subcontracting": ("sous-traitance", "subcontracting"),
    "FulfilmentMode.co_contracting": ("co-traitance", "co-contracting"),
    "FulfilmentMode.training": ("formation", "training"),
    "compliance_series_target": (
        "Indiquez soit un lot (lot_id), soit une opération (operation_id), pas les deux.",
        "Give either a lot (lot_id) or an operation (operation_id), not both.",
    ),
    "follow_up_not_found": (
        "Ce suivi n'est plus à faire (ce qu'il attendait a été fait) ou n'est pas à votre portée.",
        "This follow-up is no longer to do (what it waited for was done) or is out of your reach.",
    ),
    "follow_up_not_yours": (
        "Ce suivi revient à une autre organisation : seuls elle, la personne à qui il a été "
        "transmis et la structure qui le suit peuvent le reporter ou le transmettre.",
        "This follow-up belongs to another organisation: only it, the person it was handed to "
        "and the structure following it may snooze it or hand it over.",
    ),
    "follow_up_not_snoozed": (
        "Ce suivi n'est pas reporté.",
        "This follow-up is not snoozed.",
    ),
    "follow_up_snooze_past": (
        "Choisissez un jour après aujourd'hui.",
        "Choose a day after today.",
    ),
    "follow_up_snooze_note_required": (
        "Ce suivi est déjà en retard : dites pourquoi vous le reportez.",
        "This follow-up is already overdue: say why you snooze it.",
    ),
    "follow_up_snooze_too_far": (
        "Un suivi se reporte de {days} jours au plus.",
        "A follow-up is snoozed by {days} days at most.",
    ),
    "follow_up_assignee_refused": (
        "Ce suivi se transmet à une personne active de l'organisation qui doit agir ou de la "
        "structure qui le suit.",
        "This follow-up is handed to an active person of the organisation that acts or of the "
        "structure following it.",
    ),
}
