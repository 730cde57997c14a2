import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { MatDividerModule } from '@angular/material/divider';
import { Icon } from '../shared/icons/icon.component';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { ShellActions } from '../auth/auth.actions';
import { selectStatus, selectUser } from '../auth/auth.selectors';

/**
 * The person's menu: who is signed in, the profile, signing out. Loaded on the first click of the
 * shell's stand-in button, like the tenant switcher, and opened as soon as it is drawn.
 */
@Component({
  selector: 'cv-user-menu',
  imports: [MatDividerModule, Icon, MatMenuModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './shell-menus.scss',
  template: `
    <button
      type="button"
      class="cv-icon-button shell-user"
      [matMenuTriggerFor]="userMenu"
      [attr.aria-label]="'shell.userMenu' | transloco: { name: user()?.name ?? '' }"
    >
      <mat-icon svgIcon="account_circle" />
    </button>
    <mat-menu #userMenu="matMenu" xPosition="before">
      <div class="shell-user-card" aria-hidden="true">
        <bdi class="shell-user-card__name">{{ user()?.name }}</bdi>
        <bdi class="shell-user-card__email">{{ user()?.email }}</bdi>
      </div>
      <mat-divider />
      <a mat-menu-item routerLink="/profile">
        <mat-icon svgIcon="person" />
        <span>{{ 'shell.nav.profile' | transloco }}</span>
      </a>
      <button mat-menu-item type="button" (click)="signOut()" [disabled]="signingOut()">
        <mat-icon svgIcon="logout" />
        <span>{{ 'shell.signOut' | transloco }}</span>
      </button>
    </mat-menu>
  `,
})
export class UserMenu {
  private readonly store = inject(Store);
  private readonly trigger = viewChild.required(MatMenuTrigger);
  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly signingOut = computed(
    () => this.store.selectSignal(selectStatus)() === 'signing-out',
  );

  constructor() {
    afterNextRender(() => this.trigger().openMenu());
  }

  protected signOut(): void {
    this.store.dispatch(ShellActions.signOutClicked());
  }
}
