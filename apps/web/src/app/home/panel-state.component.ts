import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { LiveError } from '../shared/live-error.component';
import type { PanelLoadState } from './home-panel';

/**
 * A home panel's body while its rows load or fail (a bar; the problem and a retry), and the
 * projected content once they have loaded: one loading and error look for every panel.
 */
@Component({
  selector: 'cv-panel-state',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe, LiveError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (load().status()) {
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @case ('error') {
        <cv-live-error [problem]="load().problem()" />
        <button mat-stroked-button type="button" (click)="load().load()">
          <mat-icon svgIcon="refresh" />
          {{ 'common.retry' | transloco }}
        </button>
      }
      @case ('loaded') {
        <ng-content />
      }
    }
  `,
})
export class PanelState {
  readonly load = input.required<PanelLoadState>();
}
