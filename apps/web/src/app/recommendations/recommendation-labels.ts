import type { RecommendationStatus } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** Each follow-up status has its icon beside its word, never colour alone. */
export const RECOMMENDATION_STATUS_ICONS: Record<RecommendationStatus, IconName> = {
  open: 'flag',
  in_progress: 'hourglass_top',
  implemented: 'task_alt',
  not_pursued: 'block',
};

/** "R3": how a recommendation is cited. */
export const citation = (number: number): string => `R${number}`;
