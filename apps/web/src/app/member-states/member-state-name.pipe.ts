import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { Language } from '@convene/contracts';
import { memberStateName } from './member-state-name';
import { MemberStatesCatalog } from './member-states-catalog.store';

/**
 * "KEN" → "Kenya" in the given language; the code itself until the list
 * has loaded. Impure because the list arrives after the first render.
 */
@Pipe({ name: 'memberStateName', pure: false })
export class MemberStateNamePipe implements PipeTransform {
  private readonly catalog = inject(MemberStatesCatalog);

  transform(alpha3: string | null | undefined, language: Language): string {
    if (!alpha3) return '';
    const state = this.catalog.byAlpha3().get(alpha3);
    return state ? memberStateName(state, language) : alpha3;
  }
}
