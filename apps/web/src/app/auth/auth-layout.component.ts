import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SignedOutPage } from '../shell/signed-out-page.component';

/**
 * The sign-in pages' layout: one card in the signed-out frame, drawn as Material's outlined card
 * by its own styles (MatCard's code would ride on the sign-in page, the first most people load).
 */
@Component({
  selector: 'cv-auth-layout',
  imports: [TranslocoPipe, SignedOutPage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './auth-layout.component.html',
  styleUrl: './auth-layout.component.scss',
})
export class AuthLayout {
  /** Translation key of the card's heading. */
  readonly titleKey = input.required<string>();
  readonly subtitleKey = input<string | null>(null);
  readonly subtitleParams = input<Record<string, unknown>>({});
}
