import type { EditionFormat } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** The icon of each edition format, beside its name. */
export const FORMAT_ICONS: Readonly<Record<EditionFormat, IconName>> = {
  print: 'menu_book',
  pdf: 'picture_as_pdf',
  elearning: 'school',
};
