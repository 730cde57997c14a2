import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { TranslocoPipe } from '@jsverse/transloco';
import { LiveError } from '../shared/live-error.component';
import type { PanelLoadState } from './home-panel';

/**
 * A home panel's body while its rows load or fail (a bar; the problem and a retry), and the
 * projected content once they have loaded: one loading and error look for every panel. Plain
 * controls drawn as Material's (shared/_native-controls.scss), like the rest of the home page.
 */
@Component({
  selector: 'cv-panel-state',
  imports: [Icon, TranslocoPipe, LiveError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (load().status()) {
      @case ('loading') {
        <div
          class="cv-progress"
          role="progressbar"
          [attr.aria-label]="'common.loading' | transloco"
        ></div>
      }
      @case ('error') {
        <cv-live-error [problem]="load().problem()" />
        <button class="cv-button cv-button--outlined" type="button" (click)="load().load()">
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
