import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationStart,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { filter, map } from 'rxjs';
import {
  selectCurrentMembership,
  selectMemberships,
  selectPermissions,
  selectStatus,
  selectUser,
} from '../auth/auth.selectors';
import { LanguageMenu } from './language-menu.component';
import { navItemsFor } from './nav-items';
import { TenantMenu } from './tenant-menu.component';
import { UserMenu } from './user-menu.component';

/** The signed-in frame: toolbar, side navigation and the page. */
@Component({
  selector: 'cv-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSidenavModule,
    MatToolbarModule,
    TranslocoPipe,
    LanguageMenu,
    TenantMenu,
    UserMenu,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class Shell {
  private readonly store = inject(Store);
  private readonly router = inject(Router);

  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly memberships = this.store.selectSignal(selectMemberships);
  protected readonly current = this.store.selectSignal(selectCurrentMembership);
  private readonly permissions = this.store.selectSignal(selectPermissions);
  protected readonly signingOut = computed(
    () => this.store.selectSignal(selectStatus)() === 'signing-out',
  );

  protected readonly navItems = computed(() =>
    navItemsFor(this.current()?.tenant.slug ?? null, this.permissions()),
  );

  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Lazy pages load on first visit; a thin bar shows something is happening. */
  protected readonly navigating = toSignal(
    this.router.events.pipe(
      filter(
        (event) =>
          event instanceof NavigationStart ||
          event instanceof NavigationEnd ||
          event instanceof NavigationCancel ||
          event instanceof NavigationError,
      ),
      map((event) => event instanceof NavigationStart),
    ),
    { initialValue: false },
  );

  /** The toolbar's menus load on their first click (see TenantMenu, UserMenu). */
  protected readonly tenantMenuRequested = signal(false);
  protected readonly userMenuRequested = signal(false);

  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
