"""What a caller may do with a participant and their pathways now: the same rules the
services check before acting (reads carry them so the interface offers only what works)."""

from __future__ import annotations

from levier.auth.permissions import Permission, check_permission
from levier.core.actions import allowed
from levier.participants import clause_entry, eligibility, exits, pathways, steps
from levier.participants.models import EligibilityValidation, Participant, Pathway, PathwayStep
from levier.participants.pathway_schemas import PathwayActions, StepActions
from levier.participants.schemas import EligibilityActions, ParticipantActions
from levier.participants.scope import Scope, check_manageable, check_revealable


def _may(scope: Scope, permission: Permission, rule: object, *args: object) -> bool:
    role = scope.user.role
    return allowed(check_permission, role, permission) and allowed(rule, scope, *args)  # type: ignore[arg-type]


def participant_actions(scope: Scope, participant: Participant) -> ParticipantActions:
    """The participant's allowed actions for the caller."""
    write, paths = Permission.participants_write, Permission.pathways_write
    return ParticipantActions(
        edit=_may(scope, write, check_manageable, participant),
        transfer=_may(scope, write, check_manageable, participant),
        reveal=_may(scope, Permission.participants_read, check_revealable, participant),
        read_access_log=_may(scope, Permission.participants_read, check_revealable, participant),
        validate_eligibility=_may(
            scope, Permission.eligibility_validate, eligibility.check_validatable, participant
        ),
        grant_clause_exception=_may(
            scope, Permission.eligibility_validate, clause_entry.check_grantable, participant
        ),
        start_pathway=_may(scope, paths, pathways.check_startable, participant),
        export=_may(scope, Permission.participants_export, check_revealable, participant),
        anonymise=_may(scope, Permission.participants_erase, check_manageable, participant),
    )


def pathway_actions(scope: Scope, participant: Participant, pathway: Pathway) -> PathwayActions:
    """The pathway's allowed actions for the caller."""
    paths = Permission.pathways_write
    return PathwayActions(
        edit=_may(scope, paths, pathways.check_open, participant, pathway),
        add_step=_may(scope, paths, pathways.check_open, participant, pathway),
        exit=_may(scope, paths, pathways.check_open, participant, pathway),
        follow_up=_may(scope, paths, pathways.check_followable, participant, pathway),
        correct_exit=_may(scope, paths, exits.check_exit_correctable, participant, pathway),
        reopen=_may(scope, paths, exits.check_reopenable, participant, pathway),
    )


def step_actions(
    scope: Scope, participant: Participant, pathway: Pathway, step: PathwayStep
) -> StepActions:
    """What the caller may do with one of the pathway's steps."""
    changeable = _may(
        scope, Permission.pathways_write, steps.check_step_changeable, participant, pathway, step
    )
    return StepActions(edit=changeable, delete=changeable)


def eligibility_actions(
    scope: Scope, participant: Participant, validation: EligibilityValidation
) -> EligibilityActions:
    """A validation's allowed actions for the caller."""
    return EligibilityActions(
        withdraw=_may(
            scope,
            Permission.eligibility_validate,
            eligibility.check_withdrawable,
            participant,
            validation,
        )
    )
