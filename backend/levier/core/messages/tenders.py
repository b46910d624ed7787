"""Messages (code → French, English): tenders, lots, awards, articles, clause entry."""

MESSAGES: dict[str, tuple[str, str]] = {
    "format_reference": (
        "Référence : lettres, chiffres et _ . / ( ) # ° : ' + - seulement, sans espace "
        "(16 caractères au plus).",
        "Reference: letters, digits and _ . / ( ) # ° : ' + - only, no space (16 characters "
        "at most).",
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
        "Ce lot est réservé {reservation} : cette entreprise ne peut pas en être attributaire.",
        "This lot is reserved {reservation}: this enterprise cannot be awarded it.",
    ),
    "reservation_excludes_awardee": (
        "Cette réservation (lot réservé {reservation}) n'admet pas l'attributaire du lot.",
        "This reservation (lot reserved {reservation}) does not admit the lot's awardee.",
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
    "template_unknown_variable": (
        "Le modèle d'article emploie « {name} », qui n'est pas une variable disponible : "
        "choisissez-en une dans la liste des variables, ou vérifiez-la dans un bloc "
        "{{% if %}}.",
        "The article template uses “{name}”, which is not an available variable: pick one "
        "from the list of variables, or check it in an {{% if %}} block.",
    ),
    "template_unclosed": (
        "Modèle d'article invalide (ligne {line}) : un bloc {{% if %}} ou {{% for %}} n'est "
        "pas fermé par {{% endif %}} ou {{% endfor %}}.",
        "Invalid article template (line {line}): an {{% if %}} or {{% for %}} block is not "
        "closed by {{% endif %}} or {{% endfor %}}.",
    ),
    "template_renders_badly": (
        "Le modèle d'article ne peut pas être produit : vérifiez les expressions entre "
        "{{{{ }}}} et les blocs {{% %}} (détail technique : {reason}).",
        "The article template cannot be rendered: check the expressions between {{{{ }}}} "
        "and the {{% %}} blocks (technical detail: {reason}).",
    ),
    "template_unsafe": (
        "Le modèle d'article ne peut pas lire « {name} » : seules les variables de la liste "
        "et leurs champs sont accessibles.",
        "The article template cannot read “{name}”: only the listed variables and their "
        "fields are available.",
    ),
    "too_few_items": (
        "Au moins {min_length} {min_length:élément|éléments}.",
        "At least {min_length} {min_length:item|items}.",
    ),
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
    "member_amounts_exceed_award": (
        "Les parts des membres du groupement dépassent le montant attribué.",
        "The consortium members' shares exceed the awarded amount.",
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
        "Un avenant ne peut précéder la notification du marché ({notified_on}).",
        "An amendment cannot precede the notification ({notified_on}).",
    ),
    "template_invalid": (
        "Modèle d'article invalide (ligne {line}) : vérifiez les accolades {{{{ }}}} et les "
        "blocs {{% %}} de cette ligne.",
        "Invalid article template (line {line}): check the {{{{ }}}} braces and {{% %}} "
        "blocks on that line.",
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
    "date_too_early": (
        "Date trop ancienne : au plus tôt le 01/01/2000. Vérifiez l'année.",
        "Date too early: 01/01/2000 at the earliest. Check the year.",
    ),
    "date_too_far": (
        "Date trop lointaine : au plus cinq ans après aujourd'hui. Vérifiez l'année.",
        "Date too far ahead: five years from today at most. Check the year.",
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
    "outcome_before_deadline": (
        "Un lot se déclare infructueux une fois les offres remises : pas avant la date limite "
        "de remise des offres, ou à défaut la publication ({earliest}).",
        "A lot is declared unsuccessful once the offers are in: not before the deadline for "
        "offers, or else the publication ({earliest}).",
    ),
    "lot_added_after_publication": (
        "Les lots se définissent tant que la consultation est en brouillon (état actuel : "
        "{state}) : un lot de plus fait l'objet d'une nouvelle consultation.",
        "Lots are defined while the tender is a draft (current state: {state}): another lot "
        "calls for another tender.",
    ),
    "outcome_before_publication": (
        "La décision ne peut pas précéder la publication ({earliest}).",
        "The decision cannot precede the publication ({earliest}).",
    ),
    # A reservation as the end of "Ce lot est réservé …" / "This lot is reserved …".
    "ConsiderationKind.reserved_siae": (
        "aux structures d'insertion (SIAE)",
        "to integration enterprises (SIAE)",
    ),
    "ConsiderationKind.reserved_disability": (
        "aux entreprises adaptées et ESAT",
        "to disability-inclusive enterprises (EA, ESAT)",
    ),
    "ConsiderationKind.reserved_both": (
        "aux SIAE, entreprises adaptées et ESAT",
        "to SIAE, EA and ESAT",
    ),
    "ConsiderationKind.reserved_ess": (
        "aux entreprises de l'économie sociale et solidaire",
        "to social and solidarity economy enterprises",
    ),
    "TenderStatus.draft": ("brouillon", "draft"),
    "TenderStatus.published": ("publiée", "published"),
    "TenderStatus.awarded": ("attribuée", "awarded"),
    "TenderStatus.in_execution": ("en exécution", "in execution"),
    "TenderStatus.closed": ("close", "closed"),
    "TenderStatus.cancelled": ("annulée", "cancelled"),
}
