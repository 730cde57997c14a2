import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';

/** The tool delivery pages, as links: the register, editions, coverage, IATI. */
@Component({
  selector: 'cv-delivery-tabs',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="dl-tabs" [attr.aria-label]="'delivery.sections' | transloco">
      @for (tab of tabs(); track tab.path) {
        <a
          class="dl-tab"
          [routerLink]="['/t', tenant(), 'delivery', ...tab.path]"
          routerLinkActive="dl-tab--active"
          [routerLinkActiveOptions]="{ exact: true }"
          ariaCurrentWhenActive="page"
          >{{ tab.label | transloco }}</a
        >
      }
    </nav>
  `,
  styles: `
    .dl-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      margin-block-end: 8px;
    }
    .dl-tab {
      padding: 10px 12px;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      font: var(--mat-sys-title-small);
      border-block-end: 3px solid transparent;
    }
    .dl-tab:hover,
    .dl-tab:focus-visible {
      color: var(--mat-sys-on-surface);
    }
    .dl-tab--active {
      color: var(--mat-sys-primary);
      border-block-end-color: var(--mat-sys-primary);
    }
  `,
})
export class DeliveryTabs {
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? '');
  protected readonly tabs = computed(() => {
    const permissions = this.membership()?.permissions ?? [];
    return [
      { path: [], label: 'delivery.tabs.register', permission: 'deliveries.read' },
      { path: ['editions'], label: 'delivery.tabs.editions', permission: 'deliveries.manage' },
      { path: ['coverage'], label: 'delivery.tabs.coverage', permission: 'deliveries.manage' },
      { path: ['iati'], label: 'delivery.tabs.iati', permission: 'iati.export' },
    ].filter((tab) => permissions.includes(tab.permission));
  });
}
