/*
 * A State's standing in the regional groups, as plain functions over the contracts' types. Apart
 * from the schemas (member-states.ts) so that the web app, which calls these, loads no zod: this
 * module imports types only, and the word lists from vocabulary.ts.
 */
import type { GroupParticipation, GroupParticipationKind, RegionalGroup } from './member-states';
import { REGIONAL_GROUPS } from './vocabulary';

/**
 * A State's place in the regional groups: the groups it takes part in and the one it counts in
 * for elections. Kiribati: no group, counted nowhere. The United States: observer in WEOG,
 * counted there. Türkiye: member of WEOG and Asia-Pacific, counted in WEOG. Every other Member
 * State: member of one group, counted there.
 */
export interface GroupStanding {
  groups: readonly GroupParticipation[];
  electoralGroup: RegionalGroup | null;
}

/**
 * Why a standing cannot be, or null when it can: a group listed twice, or an electoral group
 * the State does not take part in (a State is counted only where it sits, as member or observer).
 */
export function groupStandingProblem(standing: GroupStanding): string | null {
  const groups = standing.groups.map((participation) => participation.group);
  if (new Set(groups).size !== groups.length) return 'a regional group is listed twice';
  if (standing.electoralGroup !== null && !groups.includes(standing.electoralGroup)) {
    return 'the electoral group must be one of the groups the State takes part in';
  }
  return null;
}

/** How the State takes part in the group, or null when it does not. */
export function participationIn(
  standing: GroupStanding,
  group: RegionalGroup,
): GroupParticipationKind | null {
  return standing.groups.find((participation) => participation.group === group)?.kind ?? null;
}

/**
 * The State's participations in the order a reader wants them: the group it counts in for
 * elections first, then the others in REGIONAL_GROUPS order; each says whether it is that one.
 */
export function describeStanding(
  standing: GroupStanding,
): { group: RegionalGroup; kind: GroupParticipationKind; electoral: boolean }[] {
  return REGIONAL_GROUPS.flatMap((group) => {
    const kind = participationIn(standing, group);
    return kind ? [{ group, kind, electoral: standing.electoralGroup === group }] : [];
  }).sort((a, b) => Number(b.electoral) - Number(a.electoral));
}
