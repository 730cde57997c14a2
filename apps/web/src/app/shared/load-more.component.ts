import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The foot of a keyset-paged list: "Load more" while another page exists, with a spinner and
 * the button held (still focusable, so keyboard focus is not lost) while it comes.
 */
@Component({
  selector: 'cv-load-more',
  imports: [MatButtonModule, MatProgressSpinnerModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (hasMore()) {
      <div class="cv-load-more">
        <button
          mat-stroked-button
          type="button"
          (click)="loading() || more.emit()"
          [disabled]="loading()"
          disabledInteractive
        >
          @if (loading()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
          }
          {{ 'common.loadMore' | transloco }}
        </button>
      </div>
    }
  `,
  styles: `
    .cv-load-more {
      display: flex;
      justify-content: center;
      padding: 16px 0 4px;
    }
  `,
})
export class LoadMore {
  /** Whether the list has a next page (its cursor). */
  readonly hasMore = input.required<boolean>();
  readonly loading = input(false);
  readonly more = output<void>();
}
