import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { EventSummary, Language } from '@convene/contracts';
import { memberStateName } from '../member-states/member-state-filter';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';

/**
 * "Vienna, Austria": a venue's city and country in the reader's language.
 * Impure because the States' names arrive after the first render.
 */
@Pipe({ name: 'venuePlace', pure: false })
export class VenuePlacePipe implements PipeTransform {
  private readonly catalog = inject(MemberStatesCatalog);

  transform(venue: EventSummary['venue'], language: Language): string {
    if (!venue) return '';
    const state = venue.countryAlpha3 ? this.catalog.byAlpha3().get(venue.countryAlpha3) : null;
    const country = state ? memberStateName(state, language) : venue.countryAlpha3;
    return [venue.city, country].filter(Boolean).join(', ');
  }
}
