import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  inject,
  viewChild,
} from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { ShellActions } from '../auth/auth.actions';
import { selectCurrentMembership, selectMemberships } from '../auth/auth.selectors';

/**
 * The tenant switcher. The shell shows a stand-in button until the first click, then loads this
 * (with the CDK overlay and MatMenu), which opens its menu as soon as it is drawn. Its button is
 * the stand-in's, a plain one drawn as Material's text button (shared/_native-controls.scss).
 */
@Component({
  selector: 'cv-tenant-menu',
  imports: [Icon, MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './shell-menus.scss',
  template: `
    <button
      type="button"
      class="cv-button shell-tenant"
      [matMenuTriggerFor]="tenantMenu"
      [attr.aria-label]="'shell.tenantMenu' | transloco: { tenant: current()?.tenant?.name ?? '' }"
    >
      <mat-icon class="shell-tenant__icon" svgIcon="apartment" />
      <bdi class="shell-tenant__name">{{
        current()?.tenant?.name ?? ('shell.chooseTenant' | transloco)
      }}</bdi>
      <mat-icon svgIcon="arrow_drop_down" />
    </button>
    <mat-menu #tenantMenu="matMenu" class="shell-tenant-menu">
      <p class="shell-menu-heading" aria-hidden="true">
        {{ 'shell.yourTenants' | transloco }}
      </p>
      @for (membership of memberships(); track membership.tenant.id) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="membership.tenant.slug === current()?.tenant?.slug"
          (click)="switchTenant(membership.tenant.slug)"
        >
          <mat-icon
            [svgIcon]="membership.tenant.slug === current()?.tenant?.slug ? 'check' : 'apartment'"
          />
          <span class="shell-tenant-option">
            <bdi class="shell-tenant-option__name">{{ membership.tenant.name }}</bdi>
            <span class="shell-tenant-option__role">{{
              'roles.' + membership.role | transloco
            }}</span>
          </span>
        </button>
      }
    </mat-menu>
  `,
})
export class TenantMenu {
  private readonly store = inject(Store);
  private readonly trigger = viewChild.required(MatMenuTrigger);
  protected readonly memberships = this.store.selectSignal(selectMemberships);
  protected readonly current = this.store.selectSignal(selectCurrentMembership);

  constructor() {
    afterNextRender(() => this.trigger().openMenu());
  }

  protected switchTenant(slug: string): void {
    this.store.dispatch(ShellActions.tenantSwitched({ slug }));
  }
}
