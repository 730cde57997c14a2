import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { SignedOutHeader } from '../shell/signed-out-header.component';

/** The frame of the signed-out pages: brand, language choice and one card. */
@Component({
  selector: 'cv-auth-layout',
  imports: [MatCardModule, TranslocoPipe, SignedOutHeader],
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
