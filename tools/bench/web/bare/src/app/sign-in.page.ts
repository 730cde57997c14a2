import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { SessionActions, sessionFeature } from './session.store';

/** A sign-in-like form: the least an Angular + Material + NgRx + Transloco page ships. */
@Component({
  selector: 'bare-sign-in',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
  ],
  template: `
    <main class="page">
      <h1>{{ 'signIn.title' | transloco }}</h1>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'signIn.email' | transloco }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" required />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'signIn.password' | transloco }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="submitting()">
          {{ 'signIn.submit' | transloco }}
        </button>
      </form>
      @if (email(); as email) {
        <p role="status">{{ 'signIn.signedIn' | transloco: { email } }}</p>
      }
    </main>
  `,
  styles: `
    .page {
      max-width: 24rem;
      margin: 4rem auto;
      padding: 0 1rem;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly store = inject(Store);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly email = this.store.selectSignal(sessionFeature.selectEmail);
  protected readonly submitting = this.store.selectSignal(sessionFeature.selectSubmitting);

  protected submit(): void {
    if (this.form.invalid) return;
    this.store.dispatch(SessionActions.signInSubmitted({ email: this.form.getRawValue().email }));
  }
}
