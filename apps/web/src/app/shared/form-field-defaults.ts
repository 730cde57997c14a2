import type { Provider } from '@angular/core';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  type MatFormFieldDefaultOptions,
} from '@angular/material/form-field';

/**
 * How every form field looks: outlined, and with room for hints and errors, which vary in
 * length from one language to another.
 *
 * Provided by each page and each dialog that shows form fields (a dialog hangs off the root
 * injector, not off the page that opened it), not at the root or by the shell: those would bring
 * the form field's code (65 kB) into every page, the signed-in home included, which has none.
 * form-field-defaults.spec.ts finds a page or dialog that forgets it.
 */
export const FORM_FIELD_DEFAULTS: Provider = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: {
    appearance: 'outline',
    subscriptSizing: 'dynamic',
  } satisfies MatFormFieldDefaultOptions,
};
