import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { REGIONAL_GROUPS, type RegionalGroup } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { memberStateName } from './member-state-filter';
import { MemberStatesStore } from './member-states.store';

/** 'all' stands for no filter: a chip needs a value of its own. */
type RegionChoice = RegionalGroup | 'none' | 'all';

/** The directory of the 193 Member States and 2 observer States. */
@Component({
  selector: 'cv-member-states-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
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

  protected readonly regions: RegionChoice[] = ['all', ...REGIONAL_GROUPS, 'none'];
  protected readonly selectedRegion = computed<RegionChoice>(() => this.store.region() ?? 'all');

  private readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.narrow() ? ['alpha3', 'name', 'status'] : ['alpha3', 'name', 'region', 'status'],
  );

  protected regionKey(region: RegionChoice): string {
    return region === 'all' ? 'memberStates.allGroups' : `regions.${region}`;
  }

  protected selectRegion(region: RegionChoice | undefined): void {
    this.store.setRegion(!region || region === 'all' ? null : region);
  }

  protected onSearch(event: Event): void {
    this.store.setSearch((event.target as HTMLInputElement).value);
  }

  protected clearSearch(input: HTMLInputElement): void {
    input.value = '';
    this.store.setSearch('');
    input.focus();
  }
}
