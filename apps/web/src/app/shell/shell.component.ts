import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Icon } from '../shared/icons/icon.component';
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
import { IconRegistry } from '../shared/icons/icon-registry';
import { mediaQuery } from '../shared/media-query';
import { HeaderSearch } from '../search/header-search.component';
import { LanguageMenu } from './language-menu.component';
import { navItemsFor } from './nav-items';
import { TenantMenu } from './tenant-menu.component';
import { UserMenu } from './user-menu.component';

/**
 * The signed-in frame: toolbar, side navigation and the page. Plain HTML drawn as Material's
 * toolbar, navigation drawer and buttons (shared/_native-controls.scss): Material's sidenav,
 * toolbar and button, with the CDK's a11y and scrolling code they bring, were some 30 kB of
 * every signed-in first load. From 960 px the navigation sits beside the page; below, it is a
 * modal `<dialog>` behind the menu button, which gives the focus trap, Esc and the scrim.
 */
@Component({
  selector: 'cv-shell',
  imports: [
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    Icon,
    TranslocoPipe,
    LanguageMenu,
    TenantMenu,
    UserMenu,
    HeaderSearch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class Shell {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

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

  protected readonly handset = mediaQuery('(max-width: 959.98px)');

  private readonly drawer = viewChild<ElementRef<HTMLDialogElement>>('drawer');
  private readonly menuButton = viewChild<ElementRef<HTMLButtonElement>>('menuButton');
  private readonly drawerShown = signal(false);
  /** The menu button's aria-expanded: set in the click's own change detection, not later. */
  protected readonly drawerOpen = computed(() => this.handset() && this.drawerShown());

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

  constructor() {
    // The icons of the signed-in frame and its home page: a sprite fetched now, drawn on arrival
    // (each icon waiting for it reports a failure itself).
    void inject(IconRegistry).loadShell();
  }

  protected openDrawer(): void {
    const drawer = this.drawer()?.nativeElement;
    if (!drawer || drawer.open) return;
    drawer.showModal();
    this.drawerShown.set(true);
  }

  /** A link followed in the drawer closes it; beside the page the navigation stays. */
  protected closeDrawer(): void {
    const drawer = this.drawer()?.nativeElement;
    if (drawer?.open) drawer.close();
  }

  /** The panel fills the dialog's box, so a click on the dialog itself is one on the scrim. */
  protected closeOnScrim(event: MouseEvent): void {
    if (event.target === this.drawer()?.nativeElement) this.closeDrawer();
  }

  /** Closed by Esc, the scrim or a link: focus goes back to the menu button, unless moved on. */
  protected drawerClosed(): void {
    this.drawerShown.set(false);
    const active = this.document.activeElement;
    const lost =
      active === null ||
      active === this.document.body ||
      this.drawer()?.nativeElement.contains(active) === true;
    if (lost) this.menuButton()?.nativeElement.focus();
  }

  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
