import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { LocalCountPipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  describeStanding,
  GEOGRAPHIC_REGIONS,
  type GeographicRegion,
  type MemberState,
  REGIONAL_GROUPS,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { type GroupChoice } from './member-state-filter';
import { memberStateName } from './member-state-name';
import { MemberStatesStore } from './member-states.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** One line of a State's place in the groups, as the page shows it. */
interface StandingLine {
  /** Translation key of the group's name (regions.*). */
  groupKey: string;
  /** Translation key of the nuance (member, observer, counted for elections), or null. */
  noteKey: string | null;
}

/**
 * What to say of a State's regional groups. A plain member of one group, counted there, reads as
 * just the group; the UN's exceptions spell each participation out (the United States: "Western
 * European and Others Group — Observer, counted for elections"); a State in no group says so.
 */
export function standingLines(state: MemberState): StandingLine[] {
  const participations = describeStanding(state);
  if (participations.length === 0) return [{ groupKey: 'regions.none', noteKey: null }];
  const [only] = participations;
  if (participations.length === 1 && only?.kind === 'member' && only.electoral) {
    return [{ groupKey: `regions.${only.group}`, noteKey: null }];
  }
  return participations.map((participation) => ({
    groupKey: `regions.${participation.group}`,
    noteKey: `memberStates.participation.${participation.kind}${participation.electoral ? 'Counted' : ''}`,
  }));
}

/** The directory of the 193 Member States and 2 observer States. */
@Component({
  selector: 'cv-member-states-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    LocalCountPipe,
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './member-states.page.html',
  styleUrl: './member-states.page.scss',
})
export class MemberStatesPage {
  protected readonly store = inject(MemberStatesStore);
  protected readonly language = inject(LanguageService).language;
  protected readonly nameOf = memberStateName;
  protected readonly standingOf = standingLines;

  protected readonly groups: GroupChoice[] = [...REGIONAL_GROUPS, 'none'];
  protected readonly geographicRegions = GEOGRAPHIC_REGIONS;
  protected readonly columns = ['alpha3', 'name', 'geographicRegion', 'groups', 'status'];

  /** Translation keys of what the two selects show (the trigger's text is the page's own). */
  protected readonly groupLabelKey = computed(() => {
    const group = this.store.group();
    return group ? `regions.${group}` : 'memberStates.allGroups';
  });
  protected readonly regionLabelKey = computed(() => {
    const region = this.store.geographicRegion();
    return region ? `geographicRegions.${region}` : 'memberStates.allRegions';
  });

  /** Phones and narrow windows get one card per State: no table to scroll sideways. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected onSearch(event: Event): void {
    this.store.setSearch((event.target as HTMLInputElement).value);
  }

  protected clearSearch(input: HTMLInputElement): void {
    input.value = '';
    this.store.setSearch('');
    input.focus();
  }

  /**
   * Shows the page before (-1) or after (1), and takes focus to the top of the list, whose label
   * names the new range: the reader starts at its first State rather than below its last.
   */
  protected turnPage(results: HTMLElement, step: -1 | 1): void {
    const before = this.store.pageIndex();
    if (step < 0) this.store.previousPage();
    else this.store.nextPage();
    if (this.store.pageIndex() !== before) results.focus();
  }

  /** 'all' stands for no filter: a select shows its option's label only for a real value. */
  protected selectGroup(group: GroupChoice | 'all'): void {
    this.store.setGroup(group === 'all' ? null : group);
  }

  protected selectGeographicRegion(region: GeographicRegion | 'all'): void {
    this.store.setGeographicRegion(region === 'all' ? null : region);
  }
}
