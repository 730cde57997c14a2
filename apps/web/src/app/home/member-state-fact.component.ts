import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';

/**
 * The State of a focal point's membership, by its code and its name in the interface language.
 * A block of its own, loaded only for a membership that has a State (the home page defers it):
 * the list of the 195 States and its store stay off the home page of everyone else.
 */
@Component({
  selector: 'cv-member-state-fact',
  imports: [MemberStateNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="cv-code">{{ alpha3() }}</span>
    {{ alpha3() | memberStateName: language() }}`,
})
export class MemberStateFact {
  readonly alpha3 = input.required<string>();
  protected readonly language = inject(LanguageService).language;

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }
}
