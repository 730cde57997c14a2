import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
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
import { ShellActions } from '../auth/auth.actions';
import {
  selectCurrentMembership,
  selectMemberships,
  selectPermissions,
  selectStatus,
  selectUser,
} from '../auth/auth.selectors';
import { LanguageMenu } from './language-menu.component';
import { navItemsFor } from './nav-items';

/** The signed-in frame: toolbar, side navigation and the page. */
@Component({
  selector: 'cv-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSidenavModule,
    MatToolbarModule,
    TranslocoPipe,
    LanguageMenu,
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

  protected switchTenant(slug: string): void {
    this.store.dispatch(ShellActions.tenantSwitched({ slug }));
  }

  protected signOut(): void {
    this.store.dispatch(ShellActions.signOutClicked());
  }

  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
