import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { ExpertProfile, ExpertProfileInput } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { PanelLoad } from '../home/home-panel';
import { PanelState } from '../home/panel-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { ExpertsApi } from './experts.api';
import { ExpertCvSection } from './expert-cv.component';
import { ExpertProfileForm } from './profile-form.component';

/** The expert's own profile, which officers read when they build a panel. */
@Component({
  selector: 'cv-my-expert-profile-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatCardModule, TranslocoPipe, PanelState, ExpertProfileForm, ExpertCvSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './experts.scss',
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'experts.profile.mine' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'experts.profile.mineIntro' | transloco }}</p>
      </div>
    </header>
    <mat-card appearance="outlined" class="cv-panel experts-narrow">
      <cv-panel-state [load]="profile">
        @if (profile.value(); as current) {
          <cv-expert-profile-form [profile]="current" [save]="save" />
        }
      </cv-panel-state>
    </mat-card>
    <mat-card appearance="outlined" class="cv-panel experts-narrow">
      <cv-expert-cv [path]="'/api/t/' + tenant() + '/me/expert-profile/cv'" />
    </mat-card>
  `,
})
export class MyExpertProfilePage {
  readonly tenant = input.required<string>();
  private readonly api = inject(ExpertsApi);
  protected readonly profile = new PanelLoad<ExpertProfile>(this.tenant, (tenant) =>
    this.api.myProfile(tenant),
  );
  protected readonly save = (profile: ExpertProfileInput) =>
    firstValueFrom(this.api.saveMyProfile(this.tenant(), profile));
}
