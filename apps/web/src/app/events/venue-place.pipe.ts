import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { Language } from '@convene/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { countryName } from '../member-states/country-name';
import { memberStateName } from '../member-states/member-state-name';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';

/** Where a venue is; an event's venue and a public event's both have these. */
export interface VenuePlace {
  city: string;
  countryAlpha3: string | null;
}

/**
 * "Vienna, Austria": a venue's city and country in the reader's language
 * (the city as typed, isolated in a sentence of the other direction).
 * The States' list names the country once loaded; until then, and on the
 * public pages that never load it, the browser's own region names do.
 * Impure because the States' names arrive after the first render.
 */
@Pipe({ name: 'venuePlace', pure: false })
export class VenuePlacePipe implements PipeTransform {
  private readonly catalog = inject(MemberStatesCatalog);
  private readonly transloco = inject(TranslocoService);

  transform(venue: VenuePlace | null, language: Language): string {
    if (!venue) return '';
    const alpha3 = venue.countryAlpha3;
    const state = alpha3 ? this.catalog.byAlpha3().get(alpha3) : null;
    const country = state
      ? memberStateName(state, language)
      : alpha3
        ? countryName(alpha3, language)
        : null;
    if (!country) return venue.city;
    if (!venue.city) return country;
    return this.transloco.translate('common.cityAndCountry', { city: venue.city, country });
  }
}
