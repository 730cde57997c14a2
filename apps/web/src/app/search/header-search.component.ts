import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Icon } from '../shared/icons/icon.component';

/**
 * The search box of the header (docs/search.md): a plain form that opens the results page with
 * the words, or on a phone a button to that page. The shell loads it once idle (@defer), so its
 * code and icon are not in the shell's first bytes.
 */
@Component({
  selector: 'cv-header-search',
  imports: [RouterLink, TranslocoPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (compact()) {
      <a
        class="cv-icon-button header-search-link"
        data-testid="header-search-link"
        [routerLink]="['/t', tenant(), 'search']"
        [attr.aria-label]="'shell.search.open' | transloco"
      >
        <mat-icon svgIcon="search" />
      </a>
    } @else {
      <form
        class="header-search"
        role="search"
        [attr.aria-label]="'shell.search.label' | transloco"
        (submit)="search($event, box.value)"
      >
        <mat-icon class="header-search__icon" svgIcon="search" aria-hidden="true" />
        <input
          #box
          class="header-search__input"
          type="search"
          name="q"
          maxlength="200"
          dir="auto"
          enterkeyhint="search"
          autocomplete="off"
          data-testid="header-search"
          [attr.aria-label]="'shell.search.label' | transloco"
          [placeholder]="'shell.search.placeholder' | transloco"
        />
      </form>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .header-search {
      position: relative;
      flex: 0 1 320px;
      min-width: 0;
      margin-inline-end: 8px;
    }
    .header-search__icon {
      position: absolute;
      inset-inline-start: 12px;
      top: 50%;
      transform: translateY(-50%);
      pointer-events: none;
    }
    .header-search__input {
      box-sizing: border-box;
      width: 100%;
      height: 40px;
      padding-inline: 44px 16px;
      border: 1px solid color-mix(in srgb, var(--mat-sys-on-primary) 40%, transparent);
      border-radius: 20px;
      background: color-mix(in srgb, var(--mat-sys-on-primary) 14%, transparent);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-body-large);
    }
    .header-search__input::placeholder {
      color: var(--mat-sys-on-primary);
      opacity: 0.85;
    }
    .header-search__input:hover {
      background: color-mix(in srgb, var(--mat-sys-on-primary) 20%, transparent);
    }
    .header-search__input:focus-visible {
      outline: 2px solid var(--mat-sys-on-primary);
      outline-offset: 2px;
      background: color-mix(in srgb, var(--mat-sys-on-primary) 22%, transparent);
    }
    .header-search-link {
      color: inherit;
    }
  `,
})
export class HeaderSearch {
  readonly tenant = input.required<string>();
  /** A phone's toolbar has no room for a field: a button opens the page instead. */
  readonly compact = input(false);

  private readonly router = inject(Router);

  protected search(event: Event, text: string): void {
    event.preventDefault();
    const q = text.trim();
    void this.router.navigate(['/t', this.tenant(), 'search'], {
      queryParams: q.length >= 2 ? { q } : {},
    });
  }
}
