import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { narrowScreen } from './narrow-screen';

let nextId = 0;

/**
 * Filters that fold away on a phone: a "Filters (n active)" button that shows and hides them
 * (a disclosure, with aria-expanded), and the filters themselves, always shown on wider screens.
 * Folded filters stay in the page, hidden, so their values live on.
 */
@Component({
  selector: 'cv-filter-panel',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (narrow()) {
      <button
        mat-stroked-button
        type="button"
        class="cv-filter-panel__toggle"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="id"
        (click)="open.set(!open())"
      >
        <span
          class="cv-filter-panel__chevron"
          [class.cv-filter-panel__chevron--open]="open()"
          aria-hidden="true"
        ></span>
        {{
          active() > 0
            ? ('common.filtersActive' | transloco: { count: active() })
            : ('common.filters' | transloco)
        }}
      </button>
    }
    <div [id]="id" class="cv-filter-panel__body" [hidden]="narrow() && !open()">
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .cv-filter-panel__toggle {
      margin-block-end: 12px;
    }

    .cv-filter-panel__chevron {
      display: inline-block;
      width: 8px;
      height: 8px;
      margin-inline-end: 10px;
      /* Physical sides: a chevron pointing down (or up, open) whatever the writing direction. */
      border-bottom: 2px solid currentColor;
      border-right: 2px solid currentColor;
      transform: translateY(-2px) rotate(45deg);
      transition: transform 150ms;
    }

    .cv-filter-panel__chevron--open {
      transform: translateY(2px) rotate(225deg);
    }

    .cv-filter-panel__body[hidden] {
      display: none;
    }
  `,
})
export class FilterPanel {
  /** How many of the folded filters are set, said on the button. */
  readonly active = input(0);

  protected readonly narrow = narrowScreen();
  protected readonly open = signal(false);
  protected readonly id = `cv-filter-panel-${nextId++}`;
}
