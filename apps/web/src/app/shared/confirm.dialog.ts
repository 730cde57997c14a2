import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

export interface ConfirmDialogData {
  titleKey: string;
  messageKey: string;
  confirmKey: string;
  /** The button that backs out; "Cancel" unless that would read oddly (cancelling a mail). */
  dismissKey?: string;
  params?: Record<string, unknown>;
  /** Styles the confirm button as a warning (deactivate, revoke). */
  destructive?: boolean;
}

/** Says what an action will do and asks before doing it; closes with true to go ahead. */
@Component({
  selector: 'cv-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.titleKey | transloco: data.params }}</h2>
    <mat-dialog-content>
      <p>{{ data.messageKey | transloco: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ data.dismissKey ?? 'common.cancel' | transloco }}
      </button>
      <button
        mat-flat-button
        type="button"
        [class.cv-danger]="data.destructive"
        [mat-dialog-close]="true"
      >
        {{ data.confirmKey | transloco: data.params }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Asks with the confirm dialog; true only when the person chose to go ahead. */
export async function askToConfirm(dialog: MatDialog, data: ConfirmDialogData): Promise<boolean> {
  const answer = await firstValueFrom(
    dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed(),
  );
  return answer === true;
}
