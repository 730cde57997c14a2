import type {
  Language,
  LoginRequest,
  ProblemDetails,
  SessionView,
  UserProfile,
} from '@convene/contracts';
import { createActionGroup, emptyProps, props } from '@ngrx/store';

export const AuthPageActions = createActionGroup({
  source: 'Auth Page',
  events: {
    'Sign In Submitted': props<{
      credentials: LoginRequest;
      returnUrl: string | null;
    }>(),
    'Invitation Accepted': props<{
      session: SessionView;
      tenantSlug: string;
    }>(),
  },
});

export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Session Loaded': props<{ session: SessionView }>(),
    'Session Missing': emptyProps(),
    'Sign In Succeeded': props<{
      session: SessionView;
      returnUrl: string | null;
    }>(),
    'Sign In Failed': props<{ problem: ProblemDetails }>(),
    'Sign Out Succeeded': emptyProps(),
    'Sign Out Failed': props<{ problem: ProblemDetails }>(),
    /** A call answered 401: the session ended elsewhere or timed out. */
    'Session Expired': emptyProps(),
    'Profile Updated': props<{ user: UserProfile }>(),
    /** The server now lands the person in this tenant when they sign in. */
    'Last Tenant Remembered': props<{ slug: string }>(),
    'Profile Update Failed': props<{ problem: ProblemDetails }>(),
  },
});

export const ShellActions = createActionGroup({
  source: 'Shell',
  events: {
    'App Started': emptyProps(),
    'Tenant Entered': props<{ slug: string }>(),
    'Tenant Switched': props<{ slug: string }>(),
    'Language Changed': props<{ language: Language }>(),
    'Sign Out Clicked': emptyProps(),
  },
});
