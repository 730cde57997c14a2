import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership, selectPermissions, selectUser } from '../auth/auth.selectors';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { UpcomingEvents } from '../events/upcoming-events.component';
import { HOME_OUTLINE } from './home-outline';

/** A tenant's home: who you are here, and what this page will gather for your role. */
@Component({
  selector: 'cv-tenant-home-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    RouterLink,
    TranslocoPipe,
    EmptyState,
    MemberStateNamePipe,
    UpcomingEvents,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-home.page.html',
  styleUrl: './tenant-home.page.scss',
})
export class TenantHomePage {
  private readonly store = inject(Store);
  protected readonly language = inject(LanguageService).language;
  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly membership = this.store.selectSignal(selectCurrentMembership);
  private readonly permissions = this.store.selectSignal(selectPermissions);

  protected readonly outline = computed(() => {
    const role = this.membership()?.role;
    return role ? HOME_OUTLINE[role] : [];
  });
  protected readonly canReadEvents = computed(() => this.permissions().includes('events.read'));
  protected readonly canReadUsers = computed(() => this.permissions().includes('users.read'));
  protected readonly canReadMemberStates = computed(() =>
    this.permissions().includes('memberStates.read'),
  );
  protected readonly canManageMail = computed(() => this.permissions().includes('mail.manage'));

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }
}
