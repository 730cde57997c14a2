import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A form dialog's actions: Cancel closes the dialog; the submit button
 * submits the surrounding form and shows a spinner while it is sent.
 */
@Component({
  selector: 'cv-dialog-actions',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The actions sit in the dialog's layout as if written there.
  styles: ':host { display: contents; }',
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'common.cancel' | transloco }}
      </button>
      <button mat-flat-button type="submit" [disabled]="submitting()">
        @if (submitting()) {
          <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
        }
        {{ submitLabel() | transloco }}
      </button>
    </mat-dialog-actions>
  `,
})
export class DialogActions {
  /** Translation key of the submit button's label. */
  readonly submitLabel = input.required<string>();
  readonly submitting = input(false);
}
