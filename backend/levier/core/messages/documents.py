"""Messages (code → French, English): issued documents and end-of-assignment reports."""

MESSAGES: dict[str, tuple[str, str]] = {
    "certificate_no_clause": (
        "Ce lot ne porte pas d'heures d'insertion exigées : il n'y a pas de clause à attester.",
        "This lot requires no insertion hours: there is no clause to certify.",
    ),
    "certificate_clause_not_fulfilled": (
        "La clause de ce lot n'est pas réalisée ({status} : {validated} heures validées sur "
        "{required} exigées) : l'attestation ne se délivre qu'une fois les heures exigées "
        "validées.",
        "This lot's clause is not fulfilled ({status}: {validated} hours validated of "
        "{required} required): the certificate is issued only once the required hours are "
        "validated.",
    ),
    "ComplianceStatus.not_started": ("non démarrée", "not started"),
    "ComplianceStatus.on_track": ("dans les temps", "on track"),
    "ComplianceStatus.behind": ("en retard", "behind"),
    "ComplianceStatus.fulfilled": ("réalisée", "fulfilled"),
    "ComplianceStatus.exceeded": ("dépassée", "exceeded"),
    "ComplianceStatus.defaulted": ("défaillante", "defaulted"),
    "report_assignment_not_ended": (
        "Cette mission est toujours en cours : son bilan s'écrit une fois la mission terminée.",
        "This assignment is still running: its report is written once it has ended.",
    ),
    "report_issued": (
        "Ce bilan a été délivré : il ne se modifie plus.",
        "This report has been issued: it can no longer be changed.",
    ),
    "report_written_meanwhile": (
        "Ce bilan vient d'être commencé par quelqu'un d'autre : rechargez la page.",
        "This report has just been started by someone else: reload the page.",
    ),
    "report_part_missing": (
        "À renseigner avant de délivrer le bilan.",
        "To be filled in before the report is issued.",
    ),
    "buyer_report_no_tender": (
        "Aucun marché de cet acheteur parmi ceux que vous suivez.",
        "No tender of this buyer among those you follow.",
    ),
    "buyer_report_month_in_future": (
        "Ce mois n'a pas commencé.",
        "This month has not begun.",
    ),
    "document_issued_meanwhile": (
        "Ce document vient d'être délivré par quelqu'un d'autre : rechargez la page.",
        "This document has just been issued by someone else: reload the page.",
    ),
    "document_altered": (
        "Le fichier archivé ne correspond plus à son empreinte SHA-256 : il a été altéré. "
        "Prévenez l'administrateur de Levier.",
        "The archived file no longer matches its SHA-256 digest: it has been altered. "
        "Tell Levier's administrator.",
    ),
}
