import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import type { EventDetail } from '@convene/contracts';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { FocalParticipation } from './focal-participation.component';
import { OfficerParticipation } from './officer-participation.component';
import { ParticipationStore } from './participation.store';

/**
 * The event page's Participation tab (loaded with the tab, not with the page): officers manage
 * the invited States and decide on nominees; a focal point answers their State's invitation and
 * nominates.
 */
@Component({
  selector: 'cv-participation-tab',
  providers: [ParticipationStore],
  imports: [OfficerParticipation, FocalParticipation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.canManage()) {
      <cv-officer-participation [event]="event()" />
    } @else if (store.canNominate()) {
      <cv-focal-participation [event]="event()" />
    }
  `,
  styles: `
    :host {
      display: block;
      padding-block: 16px;
    }
  `,
})
export class ParticipationTab {
  readonly event = input.required<EventDetail>();
  protected readonly store = inject(ParticipationStore);

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    effect(() => {
      const id = this.event().id;
      if (this.store.tenantSlug()) untracked(() => this.store.load(id));
    });
  }
}
