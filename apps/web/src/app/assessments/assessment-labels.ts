import type { AssessmentStatus, Language, QuestionnaireQuestion } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** Each status's icon, beside its word. */
export const ASSESSMENT_STATUS_ICONS: Readonly<Record<AssessmentStatus, IconName>> = {
  draft: 'edit_note',
  submitted: 'outbox',
  returned: 'undo',
  validated: 'verified',
};

/** A question in the reader's language, else in English (the one every version has). */
export function questionText(question: QuestionnaireQuestion, language: Language): string {
  return question.text[language] || question.text.en;
}

/**
 * The heat map's shade of a gap score (0–100): five bands, each named in words too, since a
 * colour alone says nothing to some readers.
 */
export function gapBand(
  gap: number | null,
): 'none' | 'low' | 'moderate' | 'high' | 'severe' | 'unrated' {
  if (gap === null) return 'unrated';
  if (gap <= 10) return 'none';
  if (gap <= 35) return 'low';
  if (gap <= 60) return 'moderate';
  if (gap <= 85) return 'high';
  return 'severe';
}
