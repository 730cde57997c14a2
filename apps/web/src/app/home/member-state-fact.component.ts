import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership, selectPermissions } from '../auth/auth.selectors';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';

/**
 * The State of a focal point's membership, by its code and its name in the interface language,
 * and for a focal point the way to that State's page (the navigation has no per-State item).
 * A block of its own, loaded only for a membership that has a State (the home page defers it):
 * the list of the 195 States and its store stay off the home page of everyone else.
 */
@Component({
  selector: 'cv-member-state-fact',
  imports: [MemberStateNamePipe, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="cv-code">{{ alpha3() }}</span>
    {{ alpha3() | memberStateName: language() }}
    @if (statePage(); as link) {
      <a class="cv-button state-page" data-testid="own-state-page" [routerLink]="link">{{
        'home.statePage' | transloco
      }}</a>
    }`,
  styles: `
    .state-page {
      display: flex;
      inline-size: fit-content;
      block-size: auto;
      min-block-size: 40px;
      margin-block-start: 8px;
      margin-inline-start: -12px;
      white-space: normal;
    }
  `,
})
export class MemberStateFact {
  readonly alpha3 = input.required<string>();
  protected readonly language = inject(LanguageService).language;
  private readonly store = inject(Store);
  private readonly membership = this.store.selectSignal(selectCurrentMembership);
  private readonly permissions = this.store.selectSignal(selectPermissions);

  /** A focal point's own State's page; nobody else represents the State they are shown. */
  protected readonly statePage = computed(() => {
    const membership = this.membership();
    if (membership?.role !== 'focal_point' || membership.memberStateAlpha3 !== this.alpha3()) {
      return null;
    }
    if (!this.permissions().includes('states.overview')) return null;
    return ['/t', membership.tenant.slug, 'states', this.alpha3()];
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }
}
